import { describe, expect, it } from 'vitest';
import {
  conflictNames,
  exportPath,
  importLabel,
  recordCount,
  tableWords,
} from '../../renderer/src/backup/transferWords';

/**
 * The words and small decisions of Settings → Export and import
 * (renderer/src/backup/transferWords.ts): the default export file, the import button's
 * label, the table names and the conflicts said once each.
 */

describe('exportPath: the file an export is written to', () => {
  it.each([
    {
      why: 'a dated file next to the backups, sealed',
      current: '',
      folder: '/b',
      sealed: true,
      expected: '/b/sessionkeep-export-2026-12-07.skexport',
    },
    {
      why: 'a dated file next to the backups, open',
      current: '',
      folder: '/b',
      sealed: false,
      expected: '/b/sessionkeep-export-2026-12-07.zip',
    },
    { why: 'no backup folder: nothing to suggest', current: '', folder: '', sealed: true, expected: '' },
    {
      why: 'a typed path keeps its name; sealing changes the extension',
      current: '/x/mine.zip',
      folder: '/b',
      sealed: true,
      expected: '/x/mine.skexport',
    },
    {
      why: 'unsealing changes it back',
      current: '/x/mine.skexport',
      folder: '/b',
      sealed: false,
      expected: '/x/mine.zip',
    },
    {
      why: 'another extension is left as typed',
      current: '/x/mine.tar',
      folder: '/b',
      sealed: true,
      expected: '/x/mine.tar',
    },
    {
      why: 'only a trailing extension is changed',
      current: '/x/a.zip.d/f',
      folder: '',
      sealed: true,
      expected: '/x/a.zip.d/f',
    },
  ])('$why', ({ current, folder, sealed, expected }) => {
    expect(exportPath(current, folder, sealed, '2026-12-07')).toBe(expected);
  });
});

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
