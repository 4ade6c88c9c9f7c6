import type { Band, InstrumentDef } from './types';

/**
 * Checks a list of answers against an instrument before anything is added up: an
 * incomplete or malformed measure is never scored, because a partial total would
 * read as a lower score (a missed item 9 would read as "no thoughts of self-harm").
 * Each message names the instrument, the item and what was wrong, so the screen that
 * collected the answers can point at the field.
 */
export function validateAnswers(def: InstrumentDef, answers: unknown): number[] {
  if (!Array.isArray(answers)) {
    throw new Error(
      `${def.name}: answers must be a list of ${def.items.length} numbers, got ${describeValue(answers)}.`,
    );
  }
  if (answers.length !== def.items.length) {
    throw new Error(`${def.name}: expected ${def.items.length} answers, got ${answers.length}.`);
  }
  return def.items.map((item, index) => {
    // `in` catches holes in a sparse array ([0, , 1]), which map/forEach would skip.
    if (!(index in answers)) {
      throw new Error(`${def.name} item ${item.number}: no answer (the list has a gap here).`);
    }
    const value: unknown = answers[index];
    const max = Math.max(...item.options.map((option) => option.score));
    const min = Math.min(...item.options.map((option) => option.score));
    if (value === undefined || value === null) {
      throw new Error(`${def.name} item ${item.number}: no answer (${String(value)}).`);
    }
    if (typeof value !== 'number') {
      throw new Error(`${def.name} item ${item.number}: the answer must be a number, got ${describeValue(value)}.`);
    }
    if (!Number.isInteger(value)) {
      throw new Error(`${def.name} item ${item.number}: the answer must be a whole number, got ${String(value)}.`);
    }
    if (value < min || value > max) {
      throw new Error(`${def.name} item ${item.number}: the answer must be from ${min} to ${max}, got ${value}.`);
    }
    return value;
  });
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The band holding a total; a total outside every band is a bug in the data, so it throws. */
export function bandFor(def: InstrumentDef, total: number): Band {
  const band = def.bands.find((candidate) => total >= candidate.min && total <= candidate.max);
  if (!band) throw new Error(`${def.name}: no band holds a total of ${total}.`);
  return band;
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
