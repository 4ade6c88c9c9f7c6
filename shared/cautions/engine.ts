/**
 * The caution engine: pure and deterministic. Given an intake (substances, medications,
 * optional context), it returns every caution whose rule matches, each once, with the
 * names exactly as the intake gave them. A name the knowledge base does not recognise
 * yields an 'info' caution, so that no caution never reads as "no risk".
 */
import { knowledgeBase } from './knowledgeBase';
import { foldName, nameCandidates } from './normalize';
import { type SourceId, sources as sourceTable } from './sources';
import type {
  Caution,
  Grade,
  IntakeContext,
  IntakeInput,
  KbEntry,
  ResolvedEntry,
  Rule,
  Severity,
  Source,
} from './types';

const SEVERITY_ORDER: Record<Severity, number> = { serious: 0, caution: 1, info: 2 };
const GRADE_ORDER: readonly Grade[] = ['A', 'P', 'S', 'U'];

export const UNKNOWN_NAME_CAUTION_ID = 'no-built-in-information';

/** Folded name or alias → entry. Built once; knowledge-base tests check there are no clashes. */
const byFoldedName: ReadonlyMap<string, KbEntry> = (() => {
  const map = new Map<string, KbEntry>();
  for (const entry of [...knowledgeBase.substances, ...knowledgeBase.medications]) {
    for (const name of [entry.id, entry.name, ...entry.aliases]) {
      const folded = foldName(name);
      if (folded.length > 0 && !map.has(folded)) map.set(folded, entry);
    }
  }
  return map;
})();

const classById = new Map(knowledgeBase.medicationClasses.map((each) => [each.id, each]));

function findEntry(name: string): KbEntry | null {
  for (const candidate of nameCandidates(name)) {
    const entry = byFoldedName.get(candidate);
    if (entry !== undefined) return entry;
  }
  return null;
}

/** The knowledge-base entry a name matches (through aliases, folded), or null. */
export function resolveName(name: string): ResolvedEntry | null {
  const entry = findEntry(name);
  if (entry === null) return null;
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    classes: entry.classes.flatMap((id) => {
      const found = classById.get(id);
      return found === undefined ? [] : [{ ...found }];
    }),
  };
}

type Item = { name: string; entry: KbEntry };

function matches(item: Item, targets: readonly string[]): boolean {
  return targets.includes(item.entry.id) || item.entry.classes.some((id) => targets.includes(id));
}

/** The listed names a rule concerns, in intake order, or an empty list if it does not fire. */
function involvedNames(rule: Rule, items: readonly Item[], context: IntakeContext): string[] {
  const trigger = rule.trigger;
  switch (trigger.kind) {
    case 'single':
      return items.filter((item) => matches(item, trigger.targets)).map((item) => item.name);
    case 'condition':
      if (context[trigger.condition] !== true) return [];
      return items.filter((item) => matches(item, trigger.targets)).map((item) => item.name);
    case 'pair': {
      // Two different entries, one on each side; a medication that sits on both sides
      // (tramadol is an opioid and serotonergic) does not pair with itself.
      const involved = items.filter((item) =>
        items.some(
          (other) =>
            other.entry.id !== item.entry.id &&
            ((matches(item, trigger.a) && matches(other, trigger.b)) ||
              (matches(item, trigger.b) && matches(other, trigger.a))),
        ),
      );
      return involved.map((item) => item.name);
    }
  }
}

function gradesOf(rule: Pick<Rule, 'facts'>): Grade[] {
  const present = new Set(rule.facts.map((fact) => fact.grade));
  return GRADE_ORDER.filter((grade) => present.has(grade));
}

function sourcesOf(ids: readonly string[]): Source[] {
  return ids.map((id) => {
    const found: Source | undefined = sourceTable[id as SourceId];
    if (found === undefined) throw new Error(`cautions: unknown source ${id}`);
    return { ...found };
  });
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function cautionFrom(rule: Rule, involves: string[]): Caution {
  return {
    id: rule.id,
    severity: rule.severity,
    title: rule.title,
    summary: rule.summary,
    discuss: rule.discuss,
    involves,
    sources: sourcesOf(rule.sources),
    facts: rule.facts.map((fact) => ({ ...fact })),
    grades: gradesOf(rule),
  };
}

function unknownNamesCaution(names: string[]): Caution {
  return {
    id: UNKNOWN_NAME_CAUTION_ID,
    severity: 'info',
    title: 'No built-in information',
    summary:
      'Sessionkeep has no built-in information about the names listed here. That is not a sign of low risk: the knowledge base covers only a limited set of substances and medicines.',
    discuss:
      'With a pharmacist or the prescriber: these names, with everything else the client takes, including supplements and non-prescribed products.',
    involves: names,
    sources: [
      {
        title: `Sessionkeep caution knowledge base, version ${knowledgeBase.version}, reviewed ${knowledgeBase.reviewed}`,
        publisher: 'Sessionkeep',
        year: Number(knowledgeBase.reviewed.slice(0, 4)),
        grade: 'U',
      },
    ],
    facts: [],
    grades: [],
  };
}

function compareCautions(left: Caution, right: Caution): number {
  const bySeverity = SEVERITY_ORDER[left.severity] - SEVERITY_ORDER[right.severity];
  if (bySeverity !== 0) return bySeverity;
  if (left.title !== right.title) return left.title < right.title ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/**
 * Evaluates an intake: every matching caution once (names merged), sorted by severity
 * (serious, caution, info), then title. Names are matched through aliases, ignoring case,
 * accents, spaces and punctuation; `involves` keeps the spelling the intake used.
 */
export function evaluateIntake(input: IntakeInput): Caution[] {
  const names = [...input.substances, ...input.medications]
    .map((each) => each.name)
    .filter((name) => name.trim().length > 0);
  const context = input.context ?? {};

  const items: Item[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const entry = findEntry(name);
    if (entry === null) unknown.push(name);
    else items.push({ name, entry });
  }

  const cautions: Caution[] = [];
  for (const rule of knowledgeBase.rules) {
    const involves = unique(involvedNames(rule, items, context));
    if (involves.length > 0) cautions.push(cautionFrom(rule, involves));
  }
  if (unknown.length > 0) cautions.push(unknownNamesCaution(unique(unknown)));

  return cautions.sort(compareCautions);
}
