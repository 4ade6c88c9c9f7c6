/**
 * Substance and medication cautions: types shared by the knowledge base and the engine.
 *
 * The app records and cautions; it never recommends a substance or a treatment and never
 * calls anything safe. Every caution cites its sources and the grade of the facts it rests
 * on, so a reader can tell an agency boxed warning from a single secondary report.
 * Facts and grades come from ../shared/reference/clinical-facts.md (sections 1 and 2).
 */

/**
 * How well a fact is sourced (clinical-facts.md, "Source grades"):
 * A = agency, regulator, official label or registry; P = peer-reviewed; S = secondary
 * (news, vendor, monograph, aggregator); U = unconfirmed, never to be stated as certain.
 */
export type Grade = 'A' | 'P' | 'S' | 'U';

/**
 * 'serious': a boxed warning, a contraindication, or a risk of death, serotonin syndrome,
 * respiratory depression or precipitated withdrawal. 'caution': a documented risk or
 * interaction to discuss. 'info': context (legal status, product quality, evidence).
 */
export type Severity = 'serious' | 'caution' | 'info';

export type Source = {
  title: string;
  /** Journal, agency or site that published it. */
  publisher: string;
  /** Null only where the reference file gives no year; never guessed. */
  year: number | null;
  url?: string;
  grade: Grade;
};

/** One fact of clinical-facts.md a rule rests on: its section and its grade. */
export type FactRef = { section: string; grade: Grade };

/** The context flags an intake may carry. */
export type IntakeContext = {
  pregnant?: boolean;
  breastfeeding?: boolean;
  bipolar?: boolean;
  liverDisease?: boolean;
  seizureHistory?: boolean;
};

export type ConditionKey = keyof IntakeContext;

export type IntakeInput = {
  substances: { name: string; frequency?: string }[];
  medications: { name: string }[];
  context?: IntakeContext;
};

/**
 * An entry of the knowledge base: a substance (herb, supplement, recreational or
 * non-prescribed product) or a medication (by generic name, with its brand names).
 */
export type KbEntry = {
  id: string;
  kind: 'substance' | 'medication';
  name: string;
  /** Other names: brand, street, botanical, abbreviations and common misspellings. */
  aliases: readonly string[];
  /** Class ids (see medicationClasses); rules may target a class or an entry id. */
  classes: readonly string[];
};

export type MedicationClass = { id: string; name: string };

/** What resolveName returns: the entry with its classes spelled out. */
export type ResolvedEntry = {
  id: string;
  kind: 'substance' | 'medication';
  name: string;
  classes: MedicationClass[];
};

/** When a rule fires. Targets are entry ids or class ids. */
export type RuleTrigger =
  /** Any listed name matching one of the targets. */
  | { kind: 'single'; targets: readonly string[] }
  /** Two different listed names, one matching each side (either order). */
  | { kind: 'pair'; a: readonly string[]; b: readonly string[] }
  /** A context flag set, and a listed name matching one of the targets. */
  | { kind: 'condition'; condition: ConditionKey; targets: readonly string[] };

export type Rule = {
  id: string;
  severity: Severity;
  title: string;
  summary: string;
  discuss: string;
  trigger: RuleTrigger;
  /** Keys into the sources table. */
  sources: readonly string[];
  facts: readonly FactRef[];
};

export type Caution = {
  id: string;
  severity: Severity;
  title: string;
  summary: string;
  discuss: string;
  /** The names exactly as the intake gave them, in intake order. */
  involves: string[];
  sources: Source[];
  facts: FactRef[];
  /** The distinct grades of `facts`, strongest first. */
  grades: Grade[];
};
