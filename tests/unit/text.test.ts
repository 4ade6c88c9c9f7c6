import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../shared/text';

/**
 * Search is case- and accent-insensitive (shared/text.ts): a therapist typing on an
 * English keyboard must find every client, whatever the spelling of their name.
 */
describe('foldForSearch', () => {
  const rows: { why: string; text: string; folded: string }[] = [
    { why: 'diaeresis is dropped (Zoë)', text: 'Zoë', folded: 'zoe' },
    { why: 'acute accent is dropped (José)', text: 'José', folded: 'jose' },
    { why: 'upper case is lowered (JOSÉ)', text: 'JOSÉ', folded: 'jose' },
    { why: 'umlaut is dropped (Müller)', text: 'Müller', folded: 'muller' },
    { why: 'ß becomes ss (German orthography: Straße = STRASSE)', text: 'Straße', folded: 'strasse' },
    { why: 'capital ẞ (U+1E9E) also becomes ss', text: 'STRAẞE', folded: 'strasse' },
    { why: 'decomposed input (e + U+0301) folds like composed', text: 'Jose\u0301', folded: 'jose' },
    { why: 'cedilla and tilde are dropped (François Peña)', text: 'François Peña', folded: 'francois pena' },
    { why: 'runs of whitespace become one space, ends trimmed', text: '  Ana \t\n María  ', folded: 'ana maria' },
    {
      why: 'punctuation is kept (hyphenated names stay searchable as typed)',
      text: "Anne-Marie O'Neil",
      folded: "anne-marie o'neil",
    },
    {
      why: 'ø, ł, đ have no decomposition: folded by hand (Søren Łukasz Đorđe)',
      text: 'Søren Łukasz Đorđe',
      folded: 'soren lukasz dorde',
    },
    { why: 'æ and œ become two letters (Æsa Cœur)', text: 'Æsa Cœur', folded: 'aesa coeur' },
    { why: 'Icelandic þ becomes th (Þóra)', text: 'Þóra', folded: 'thora' },
    { why: 'dotless ı becomes i (Yıldız)', text: 'Yıldız', folded: 'yildiz' },
    { why: 'empty text stays empty', text: '', folded: '' },
  ];

  it.each(rows)('$why', ({ text, folded }) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('matchesSearch', () => {
  const rows: { why: string; text: string; query: string; matches: boolean }[] = [
    { why: 'plain query finds accented name (zoe → Zoë)', text: 'Zoë Adams', query: 'zoe', matches: true },
    { why: 'accented query finds plain text (Zoë → Zoe)', text: 'Zoe Adams', query: 'Zoë', matches: true },
    { why: 'upper-case query finds accented name (JOSE → José)', text: 'José García', query: 'JOSE', matches: true },
    { why: 'umlaut folded (muller → Müller)', text: 'Hans Müller', query: 'muller', matches: true },
    { why: 'ß folded both ways (strasse → Straße)', text: 'Lena Straße', query: 'strasse', matches: true },
    { why: 'ß folded both ways (Straße → STRASSE)', text: 'LENA STRASSE', query: 'Straße', matches: true },
    { why: 'a prefix of a word matches (incremental typing)', text: 'José García', query: 'gar', matches: true },
    { why: 'multi-word query: every word must appear', text: 'José García', query: 'jose garcia', matches: true },
    { why: 'multi-word query: word order does not matter', text: 'José García', query: 'garcia jose', matches: true },
    {
      why: 'multi-word query: extra spaces between words are ignored',
      text: 'José García',
      query: '  jose    gar ',
      matches: true,
    },
    {
      why: 'multi-word query: one missing word means no match',
      text: 'José García',
      query: 'jose smith',
      matches: false,
    },
    { why: 'a different name does not match', text: 'Zoë Adams', query: 'zara', matches: false },
    { why: 'an empty query matches everything (the unfiltered list)', text: 'Zoë Adams', query: '', matches: true },
    { why: 'a whitespace-only query matches everything', text: 'Zoë Adams', query: '   ', matches: true },
    { why: 'a query longer than the text does not match', text: 'Zoë', query: 'zoey', matches: false },
  ];

  it.each(rows)('$why', ({ text, query, matches }) => {
    expect(matchesSearch(text, query)).toBe(matches);
  });
});
