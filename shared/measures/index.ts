import { auditc, scoreAuditC } from './auditc';
import { gad7, scoreGad7 } from './gad7';
import { phq2, scorePhq2 } from './phq2';
import { ITEM9_FLAG, phq9, scorePhq9 } from './phq9';
import type { Band, InstrumentDef, InstrumentId, MeasureResult, ScoreOptions } from './types';

/**
 * Screening and outcome measures (reference clinical-facts.md §3): the PHQ-9, PHQ-2,
 * GAD-7 and AUDIT-C as data, and pure scoring. Only instruments whose items may be
 * reproduced (§3.10) live here.
 */

export { AUDITC_CUT_OFF, AUDITC_THRESHOLD_EXPLANATION, auditc, scoreAuditC } from './auditc';
export { PFIZER_NOTICE, PHQ_FREQUENCY_OPTIONS, PHQ_TIME_FRAME } from './common';
export { gad7, scoreGad7 } from './gad7';
export { PHQ2_CUT_OFF, phq2, scorePhq2 } from './phq2';
export { ITEM9_FLAG, phq9, scorePhq9 } from './phq9';
export type {
  AnswerOption,
  Band,
  InstrumentDef,
  InstrumentId,
  Item,
  MeasureResult,
  ScoreOptions,
  Wording,
} from './types';
export { validateAnswers } from './validate';

export const instruments: Readonly<Record<InstrumentId, InstrumentDef>> = Object.freeze({ phq9, phq2, gad7, auditc });

export const instrumentIds: readonly InstrumentId[] = Object.freeze(['phq9', 'phq2', 'gad7', 'auditc']);

export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === 'string' && (instrumentIds as readonly string[]).includes(value);
}

export function getInstrument(id: InstrumentId): InstrumentDef {
  if (!isInstrumentId(id)) {
    throw new Error(`Unknown measure ${JSON.stringify(id)}: expected one of ${instrumentIds.join(', ')}.`);
  }
  return instruments[id];
}

/**
 * Scores a complete measure. Throws, naming the item and the problem, on anything
 * else (wrong count, out of range, not a whole number, gaps): an incomplete measure
 * is never scored.
 */
export function scoreMeasure(instrument: InstrumentId, answers: number[], options?: ScoreOptions): MeasureResult {
  switch (getInstrument(instrument).id) {
    case 'phq9':
      return scorePhq9(answers);
    case 'phq2':
      return scorePhq2(answers);
    case 'gad7':
      return scoreGad7(answers);
    case 'auditc':
      return scoreAuditC(answers, options);
  }
}

/**
 * The severity bands in ascending order, for shading a chart. Empty for the PHQ-2 and
 * AUDIT-C: they are yes/no screens with a cut-off, not severity scales.
 */
export function bandsOf(instrument: InstrumentId): readonly Band[] {
  return getInstrument(instrument).bands;
}

/** One plain sentence, e.g. "PHQ-9 total 12: moderate." */
export function describeResult(instrument: InstrumentId, result: MeasureResult): string {
  const def = getInstrument(instrument);
  const band = def.bands.find((candidate) => candidate.band === result.band);
  const verdict = band
    ? band.label.toLowerCase()
    : result.positive === undefined
      ? undefined
      : result.positive
        ? 'positive screen'
        : 'negative screen';
  const sentence = verdict ? `${def.name} total ${result.total}: ${verdict}.` : `${def.name} total ${result.total}.`;
  // Never let the summary hide item 9: it matters at any total (reference §3.1).
  return result.flags.includes(ITEM9_FLAG)
    ? `${sentence} Item 9 was answered above 0: assess suicide risk further.`
    : sentence;
}
