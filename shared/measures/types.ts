/**
 * Screening and outcome measures as data (reference clinical-facts.md §3). An instrument
 * is its items, its answer options with their scores, its bands and where each came
 * from; scoring is a small pure function over validated answers.
 */

export type InstrumentId = 'phq9' | 'phq2' | 'gad7' | 'auditc';

export type AnswerOption = {
  readonly score: number;
  readonly label: string;
};

/**
 * `verbatim`: the wording is quoted exactly as the reference records it.
 * `paraphrase`: the reference has no exact wording, so this is Sessionkeep's own short
 * paraphrase of what the item asks; it must be replaced by the published wording
 * (checked against the primary source) before it is shown as the instrument itself.
 */
export type Wording = 'verbatim' | 'paraphrase';

export type Item = {
  /** 1-based, as the published form numbers it. */
  readonly number: number;
  readonly text: string;
  readonly wording: Wording;
  readonly options: readonly AnswerOption[];
  /** Set when the options themselves still need checking against the primary source. */
  readonly optionsUnverified?: true;
};

export type Band = {
  readonly band: string;
  readonly min: number;
  readonly max: number;
  readonly label: string;
};

export type InstrumentDef = {
  readonly id: InstrumentId;
  /** The short name clinicians use ("PHQ-9"). */
  readonly name: string;
  readonly fullName: string;
  /** "Over the last 2 weeks"; absent when the reference does not give one. */
  readonly timeFrame?: string;
  readonly items: readonly Item[];
  readonly maxTotal: number;
  /** Severity bands in ascending order, covering 0..maxTotal; empty for a yes/no screen. */
  readonly bands: readonly Band[];
  /** The instrument and its scoring, as cited in the reference. */
  readonly source: string;
  /** The attribution line to show with the items, where the rights holder asks for one. */
  readonly notice?: string;
};

export type MeasureResult = {
  total: number;
  band?: string;
  positive?: boolean;
  flags: string[];
};

export type ScoreOptions = {
  sex?: 'female' | 'male';
};
