import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRecoverySymbols,
  decodeRecoveryKey,
  encodeRecoveryKey,
  RECOVERY_KEY_BYTES,
  RECOVERY_KEY_GROUPS,
  recoveryKeyGroup,
} from '../../shared/vault/recoveryKey';

/**
 * The recovery key is the vault's data key written for people (shared/vault/recoveryKey.ts):
 * Crockford base32 (https://www.crockford.com/base32.html) in 14 groups of 4, the last
 * group a check derived from CRC-32.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/;

/** Deterministic keys, so a failure names a key that can be reproduced. */
function seededKey(seed: number): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`recovery-key-test-${seed}`).digest());
}

function decodedKey(typed: string): Uint8Array {
  const decoded = decodeRecoveryKey(typed);
  if (!decoded.ok) throw new Error(`expected ${typed} to decode: ${decoded.reason}`);
  return decoded.key;
}

/** A key whose data symbols contain both 0 and 1, so the look-alike rows test something. */
const lookAlikeKey = (() => {
  for (let seed = 0; ; seed++) {
    const key = seededKey(seed);
    const data = encodeRecoveryKey(key).replace(/-/g, '').slice(0, 52);
    if (data.includes('0') && data.includes('1')) return key;
  }
})();
const lookAlikeText = encodeRecoveryKey(lookAlikeKey);

describe('encodeRecoveryKey / decodeRecoveryKey round trip', () => {
  const edgeKeys: { why: string; key: Uint8Array }[] = [
    { why: 'all zero bits: leading zero symbols must survive (no number-style trimming)', key: new Uint8Array(32) },
    {
      why: 'all one bits: the last data symbol carries 1 key bit + 4 zero padding bits',
      key: new Uint8Array(32).fill(0xff),
    },
    {
      why: 'ascending bytes: byte order is big-endian and preserved',
      key: Uint8Array.from({ length: 32 }, (_, i) => i),
    },
  ];

  it.each(edgeKeys)('round-trips $why', ({ key }) => {
    const text = encodeRecoveryKey(key);
    expect(text).toMatch(FORMAT);
    expect(decodedKey(text)).toEqual(key);
  });

  it('round-trips 200 random keys, always as 14 groups of 4 Crockford symbols', () => {
    for (let i = 0; i < 200; i++) {
      const key = new Uint8Array(randomBytes(RECOVERY_KEY_BYTES));
      const text = encodeRecoveryKey(key);
      expect(text).toMatch(FORMAT);
      expect(text.split('-')).toHaveLength(RECOVERY_KEY_GROUPS);
      expect(decodedKey(text)).toEqual(key);
    }
  });

  it.each([
    { why: 'a 16-byte (128-bit) key is not a vault key', length: 16 },
    { why: 'a 31-byte key is one byte short', length: 31 },
    { why: 'a 33-byte key is one byte long', length: 33 },
  ])('refuses to encode $why', ({ length }) => {
    expect(() => encodeRecoveryKey(new Uint8Array(length))).toThrow(/32 bytes/);
  });
});

describe('decodeRecoveryKey forgives what people do when copying by hand', () => {
  const rows: { why: string; typed: string }[] = [
    { why: 'lower case (Crockford: decoding is case-insensitive)', typed: lookAlikeText.toLowerCase() },
    { why: 'mixed case', typed: [...lookAlikeText].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('') },
    { why: 'spaces instead of dashes', typed: lookAlikeText.replace(/-/g, ' ') },
    { why: 'missing dashes (one run of 56 symbols)', typed: lookAlikeText.replace(/-/g, '') },
    { why: 'some dashes missing', typed: lookAlikeText.replace('-', '') },
    {
      why: 'dots and underscores as separators',
      typed: lookAlikeText.replace(/-/g, (_, i: number) => (i % 2 ? '.' : '_')),
    },
    {
      why: 'surrounding whitespace and a line break from a paste',
      typed: `\n  ${lookAlikeText.replace(/-/g, '-\n')}  \t`,
    },
    { why: 'O for 0 (Crockford: O decodes as 0)', typed: lookAlikeText.replace(/0/g, 'O') },
    { why: 'o for 0 (Crockford: o decodes as 0)', typed: lookAlikeText.replace(/0/g, 'o') },
    { why: 'I for 1 (Crockford: I decodes as 1)', typed: lookAlikeText.replace(/1/g, 'I') },
    { why: 'i for 1 (Crockford: i decodes as 1)', typed: lookAlikeText.replace(/1/g, 'i') },
    { why: 'L for 1 (Crockford: L decodes as 1)', typed: lookAlikeText.replace(/1/g, 'L') },
    { why: 'l for 1 (Crockford: l decodes as 1)', typed: lookAlikeText.replace(/1/g, 'l') },
    {
      why: 'all forgivenesses at once',
      typed: lookAlikeText.replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'L').toLowerCase(),
    },
  ];

  it('the look-alike key really contains both 0 and 1 (precondition of the rows below)', () => {
    expect(lookAlikeText.replace(/-/g, '').slice(0, 52)).toMatch(/0.*1|1.*0/);
  });

  it.each(rows)('accepts $why', ({ typed }) => {
    expect(decodedKey(typed)).toEqual(lookAlikeKey);
    expect(canonicalRecoverySymbols(typed)).toBe(lookAlikeText.replace(/-/g, ''));
  });
});

describe('decodeRecoveryKey refuses what is not this key', () => {
  const valid = encodeRecoveryKey(seededKey(1));
  const symbols = valid.replace(/-/g, '');

  const rows: { why: string; typed: string; reason: RegExp }[] = [
    { why: 'empty input', typed: '', reason: /14 groups of 4 .*this has 0/ },
    { why: 'only separators', typed: ' - - ', reason: /this has 0/ },
    { why: 'one group missing (52 symbols)', typed: valid.split('-').slice(0, 13).join('-'), reason: /this has 52/ },
    { why: 'one symbol missing (55 symbols)', typed: symbols.slice(1), reason: /this has 55/ },
    { why: 'one symbol too many (57 symbols)', typed: `${symbols}0`, reason: /this has 57/ },
    { why: 'the key written twice', typed: `${valid} ${valid}`, reason: /this has 112/ },
    { why: "'U' (Crockford excludes U)", typed: `U${symbols.slice(1)}`, reason: /"U" never appears/ },
    {
      why: "'u' (lower case U is still excluded)",
      typed: `${symbols.slice(0, 10)}u${symbols.slice(11)}`,
      reason: /"U" never appears/,
    },
    {
      why: "'*' (Crockford's optional check symbols are not used here)",
      typed: `${symbols.slice(0, 55)}*`,
      reason: /"\*" never appears/,
    },
    { why: 'a non-Latin look-alike (Cyrillic А)', typed: `\u0410${symbols.slice(1)}`, reason: /"А" never appears/ },
  ];

  it.each(rows)('refuses $why', ({ typed, reason }) => {
    const decoded = decodeRecoveryKey(typed);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });

  it('catches every single changed symbol, in every one of the 56 positions', () => {
    // CRC-32 is linear, so whether a change is caught depends only on where it is and
    // what changed, not on the key: checking every substitution for a few keys covers all.
    for (const seed of [1, 2, 3]) {
      const keySymbols = encodeRecoveryKey(seededKey(seed)).replace(/-/g, '');
      for (let position = 0; position < keySymbols.length; position++) {
        for (const replacement of ALPHABET) {
          if (replacement === keySymbols[position]) continue;
          const typed = keySymbols.slice(0, position) + replacement + keySymbols.slice(position + 1);
          const decoded = decodeRecoveryKey(typed);
          expect(decoded.ok, `seed ${seed}, position ${position + 1}, ${replacement}`).toBe(false);
          if (!decoded.ok) expect(decoded.reason).toMatch(/typing mistake/);
        }
      }
    }
  });

  it('catches two neighbouring symbols swapped (the commonest copying error)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const keySymbols = encodeRecoveryKey(seededKey(seed)).replace(/-/g, '');
      for (let i = 0; i < keySymbols.length - 1; i++) {
        if (keySymbols[i] === keySymbols[i + 1]) continue;
        const typed = `${keySymbols.slice(0, i)}${keySymbols[i + 1]}${keySymbols[i]}${keySymbols.slice(i + 2)}`;
        expect(decodeRecoveryKey(typed).ok, `seed ${seed}, swap at ${i + 1}`).toBe(false);
      }
    }
  });
});

describe('recoveryKeyGroup (the groups typed back to confirm the key was written down)', () => {
  const text = encodeRecoveryKey(seededKey(4));
  it.each([
    { why: 'group 1 is the first four symbols', group: 1, expected: text.slice(0, 4) },
    { why: 'group 14 is the check group', group: 14, expected: text.slice(-4) },
    { why: 'group 0 does not exist (groups are 1-based)', group: 0, expected: '' },
    { why: 'group 15 does not exist', group: 15, expected: '' },
  ])('$why', ({ group, expected }) => {
    expect(recoveryKeyGroup(text, group)).toBe(expected);
  });
});
