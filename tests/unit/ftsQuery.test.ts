import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../electron/core/search/ftsQuery';

/**
 * Whatever a therapist types into search becomes a valid FTS5 query: operators,
 * quotes, brackets and symbols are searched as text, and no SQL error can reach them.
 */
describe('toFtsQuery', () => {
  const rows: { why: string; input: string; query: string | null }[] = [
    { why: 'one word is a prefix search while typing', input: 'anx', query: '"anx"*' },
    { why: 'a trailing space ends the word (no prefix)', input: 'anxious ', query: '"anxious"' },
    { why: 'several words must all appear', input: 'sleep worry', query: '"sleep" "worry"*' },
    { why: 'a quoted phrase stays a phrase', input: '"panic attack"', query: '"panic attack"' },
    { why: 'operators are searched as words', input: 'sleep OR NOT worry', query: '"sleep" "OR" "NOT" "worry"*' },
    {
      why: 'an unbalanced quote is harmless (words searched separately)',
      input: '"panic attack',
      query: '"panic" "attack"*',
    },
    { why: 'column filters and brackets are text', input: 'body:(x AND y)', query: '"body x" "AND" "y"*' },
    { why: 'an asterisk alone is nothing to search', input: '*', query: null },
    { why: 'only punctuation is nothing to search', input: ' " ( ) ^ ', query: null },
    { why: 'empty input is nothing to search', input: '', query: null },
    { why: 'hyphenated names become a phrase', input: 'Oyelaran-Kim', query: '"Oyelaran Kim"*' },
    { why: 'apostrophes split like the tokenizer does', input: "don't", query: '"don t"*' },
  ];

  it.each(rows)('$why', ({ input, query }) => {
    expect(toFtsQuery(input)).toBe(query);
  });

  // A fuzz-ish sweep: awkward inputs never make FTS5 throw.
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
  db.prepare('INSERT INTO t (body) VALUES (?)').run('Low mood and panic attacks; doesn’t sleep (3–4 h).');
  const awkward = [
    '"',
    '""',
    '(',
    ')',
    'NEAR(a b)',
    'a NEAR/2 b',
    '^start',
    '-minus',
    '+plus',
    'col:term',
    '{a b}:c',
    'a AND',
    'OR',
    "'; DROP TABLE t; --",
    '\u0000',
    '😀 emoji',
    'ünïcödé',
    'x'.repeat(400),
    '* * *',
    'a"b"c',
  ];
  it.each(awkward)('never throws for %j', (input) => {
    const query = toFtsQuery(input);
    if (query === null) return;
    expect(() => db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').get(query)).not.toThrow();
  });
});
