import { describe, expect, it } from 'vitest';
import { conflictNames, importLabel, recordCount, tableWords } from '../../renderer/src/backup/transferWords';

/**
 * The words and small decisions of Settings → Export and import
 * (renderer/src/backup/transferWords.ts): the import button's label, the table names and the conflicts said once each.
 */

describe('importLabel: what the Import button takes', () => {
  it.each([
    { records: 0, settings: 0, expected: '' },
    { records: 12, settings: 0, expected: '12 records' },
    { records: 0, settings: 1, expected: '1 setting' },
    { records: 3, settings: 2, expected: '3 records and 2 settings' },
  ])('$records records, $settings settings: "$expected"', ({ records, settings, expected }) => {
    expect(importLabel(records, settings)).toBe(expected);
  });
});

describe('tableWords and recordCount', () => {
  it.each([
    ['clients', 'Clients'],
    ['note_revisions', 'Note revisions'],
    ['caution_action_log', 'Caution action log'],
    ['', ''],
  ])('%s → "%s"', (table, expected) => {
    expect(tableWords(table)).toBe(expected);
  });

  it.each([
    [{}, 0],
    [{ clients: 2 }, 2],
    [{ clients: 2, notes: 5, note_revisions: 9 }, 16],
  ])('%j → %i records', (counts, expected) => {
    expect(recordCount(counts)).toBe(expected);
  });
});

describe('conflictNames: each record named once, with how often it comes', () => {
  it.each([
    { why: 'none', given: [], expected: [] },
    { why: 'one', given: ['Daniel Reyes, note'], expected: [['Daniel Reyes, note', 1]] },
    {
      why: 'several versions of one note, in the order first met',
      given: ['B', 'A', 'B', 'B', 'C', 'A'],
      expected: [
        ['B', 3],
        ['A', 2],
        ['C', 1],
      ],
    },
  ])('$why', ({ given, expected }) => {
    expect(conflictNames(given.map((record) => ({ record })))).toEqual(expected);
  });
});
