import { describe, expect, it } from 'vitest';
import {
  MIN_PASSPHRASE_LENGTH,
  normalizePassphrase,
  passphraseLength,
  passphraseProblem,
} from '../../shared/vault/passphrase';
import { MIN_STRENGTH_SCORE, newPassphraseRefusal, STRENGTH_LABELS } from '../../shared/vault/passphraseStrength';

/**
 * Passphrase rules (shared/vault/passphrase.ts), following NIST SP 800-63B §5.1.1.2:
 * a minimum length counted in characters as people count them (Unicode code points
 * after NFC normalisation), no composition rules, and no maximum.
 */
const composedE = '\u00e9'; // é as one code point
const decomposedE = 'e\u0301'; // e + combining acute: what some keyboards and OSes produce

describe('passphraseLength counts code points after NFC', () => {
  const rows: { why: string; passphrase: string; length: number }[] = [
    { why: 'plain ASCII: one per character', passphrase: 'correct horse', length: 13 },
    { why: 'composed é counts as 1', passphrase: `caf${composedE}`, length: 4 },
    { why: 'decomposed é (e + U+0301) also counts as 1 (NFC composes it)', passphrase: `caf${decomposedE}`, length: 4 },
    { why: 'an emoji outside the BMP counts as 1, not as its 2 UTF-16 units', passphrase: '🔒', length: 1 },
    { why: 'a ZWJ emoji sequence counts each code point (👩‍⚕️ = 4)', passphrase: '👩\u200d⚕\ufe0f', length: 4 },
    { why: 'spaces count (passphrases are words separated by spaces)', passphrase: '  a  ', length: 5 },
    { why: 'CJK characters count as 1 each', passphrase: '秘密の合言葉', length: 6 },
  ];

  it.each(rows)('$why', ({ passphrase, length }) => {
    expect(passphraseLength(passphrase)).toBe(length);
  });

  it('composed and decomposed forms normalise to the same passphrase (same key on every OS)', () => {
    expect(normalizePassphrase(`r${decomposedE}sum${decomposedE}`)).toBe(`r${composedE}sum${composedE}`);
  });
});

describe('passphraseProblem', () => {
  const min = MIN_PASSPHRASE_LENGTH;
  const rows: { why: string; passphrase: string; problem: RegExp | null }[] = [
    { why: `exactly the minimum (${min}) is accepted`, passphrase: 'a'.repeat(min), problem: null },
    {
      why: 'one short of the minimum is refused, naming the count',
      passphrase: 'a'.repeat(min - 1),
      problem: new RegExp(`at least ${min} .*has ${min - 1}`),
    },
    { why: 'empty is refused', passphrase: '', problem: /has 0/ },
    {
      why: `${min} characters with composed é are accepted`,
      passphrase: `caf${composedE}`.repeat(min / 4),
      problem: null,
    },
    {
      why: `${min} characters with decomposed é are accepted (${min + min / 4} code points before NFC)`,
      passphrase: `caf${decomposedE}`.repeat(min / 4),
      problem: null,
    },
    {
      why: `decomposed é does not inflate the count: ${min - 1} characters are refused although ${min} code points were typed`,
      passphrase: `${'a'.repeat(min - 2)}${decomposedE}`,
      problem: new RegExp(`has ${min - 1}`),
    },
    {
      why: `${min / 2} emoji are ${min} UTF-16 units but only ${min / 2} characters: refused`,
      passphrase: '🔒'.repeat(min / 2),
      problem: new RegExp(`has ${min / 2}`),
    },
    { why: `${min} emoji are accepted`, passphrase: '🔒'.repeat(min), problem: null },
    { why: 'only spaces is refused even when long enough', passphrase: ' '.repeat(min), problem: /only spaces/ },
    {
      why: 'only whitespace of other kinds (tab, newline, ideographic space) is refused',
      passphrase: ' \t\n\u3000'.repeat(min),
      problem: /only spaces/,
    },
    { why: 'spaces inside a long-enough passphrase are fine', passphrase: 'sea otter at dawn', problem: null },
    { why: 'no composition rules: all lower-case words are fine', passphrase: 'purple tractor singing', problem: null },
    { why: 'no maximum: 10,000 characters are accepted', passphrase: 'x'.repeat(10_000), problem: null },
    { why: 'no maximum: 1,000,000 characters are accepted', passphrase: 'word '.repeat(200_000), problem: null },
  ];

  it.each(rows)('$why', ({ passphrase, problem }) => {
    const result = passphraseProblem(passphrase);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

/**
 * The strength rule the screen's meter and the core share (shared/vault/passphraseStrength.ts):
 * length first, then zxcvbn's estimate must reach MIN_STRENGTH_SCORE ("Fair").
 */
describe('newPassphraseRefusal: the one rule for every new passphrase', () => {
  const rows: { why: string; passphrase: string; refusal: 'tooShort' | 'tooWeak' | null }[] = [
    { why: 'one letter repeated twelve times', passphrase: 'aaaaaaaaaaaa', refusal: 'tooWeak' },
    { why: 'the alphabet in order', passphrase: 'abcdefghijkl', refusal: 'tooWeak' },
    { why: 'a keyboard row', passphrase: 'qwertyuiopas', refusal: 'tooWeak' },
    { why: 'a common password twice', passphrase: 'passwordpassword', refusal: 'tooWeak' },
    { why: 'a repeated short pattern', passphrase: 'abcabcabcabc', refusal: 'tooWeak' },
    { why: 'ten thousand of one letter', passphrase: 'x'.repeat(10_000), refusal: 'tooWeak' },
    { why: 'the app’s own name and a year', passphrase: 'Sessionkeep2026', refusal: 'tooWeak' },
    { why: 'too short, however random', passphrase: 'k#9Lq!2v', refusal: 'tooShort' },
    { why: 'four unrelated words', passphrase: 'correct horse battery staple', refusal: null },
    { why: 'words and a number', passphrase: 'lantern meadow copper 42 finch', refusal: null },
    { why: 'a long sentence', passphrase: 'quiet harbour lantern 1987 notebook', refusal: null },
  ];

  it.each(rows)('$why → $refusal', async ({ passphrase, refusal }) => {
    const result = await newPassphraseRefusal(passphrase);
    expect(result?.kind ?? null).toBe(refusal);
    if (result) expect(result.message).not.toBe('');
  });

  it('the screen asks for at least "Fair"', () => {
    expect(STRENGTH_LABELS[MIN_STRENGTH_SCORE]).toBe('Fair');
  });
});
