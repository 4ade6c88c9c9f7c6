/**
 * The recovery key is the vault's 256-bit data key written for people: Crockford
 * base32 (no I, L, O or U, so it survives handwriting), plus a CRC-32-derived check
 * group that catches typing mistakes before we try the key, in groups of four.
 *
 *   32 bytes → 52 symbols + 4 check symbols = 56 symbols = 14 groups of 4.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 32;
const DATA_SYMBOLS = 52;
const CHECK_SYMBOLS = 4;
export const RECOVERY_KEY_GROUPS = (DATA_SYMBOLS + CHECK_SYMBOLS) / 4;

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function toSymbols(bytes: Uint8Array, count: number): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  const padBits = BigInt(count * 5 - bytes.length * 8);
  bits <<= padBits;
  let out = '';
  for (let i = count - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

function checkSymbols(bytes: Uint8Array): string {
  const crc = crc32(bytes) >>> 12; // 20 bits → 4 symbols
  let out = '';
  for (let i = CHECK_SYMBOLS - 1; i >= 0; i--) out += ALPHABET[(crc >>> (i * 5)) & 31];
  return out;
}

export function encodeRecoveryKey(key: Uint8Array): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new Error(`encodeRecoveryKey: expected ${RECOVERY_KEY_BYTES} bytes`);
  const symbols = toSymbols(key, DATA_SYMBOLS) + checkSymbols(key);
  return symbols.match(/.{4}/g)?.join('-') ?? '';
}

/** Canonical symbols of what was typed: case, spaces, dashes and look-alikes forgiven. */
export function canonicalRecoverySymbols(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

const TYPING_MISTAKE = 'The recovery key has a typing mistake somewhere: its last group does not match the rest.';

export type DecodedRecoveryKey = { ok: true; key: Uint8Array } | { ok: false; reason: string };

export function decodeRecoveryKey(typed: string): DecodedRecoveryKey {
  const symbols = canonicalRecoverySymbols(typed);
  if (symbols.length !== DATA_SYMBOLS + CHECK_SYMBOLS) {
    return {
      ok: false,
      reason: `A recovery key has ${RECOVERY_KEY_GROUPS} groups of 4 characters (${DATA_SYMBOLS + CHECK_SYMBOLS} in all); this has ${symbols.length}.`,
    };
  }
  const bad = [...symbols].find((symbol) => !ALPHABET.includes(symbol));
  if (bad !== undefined) return { ok: false, reason: `The character "${bad}" never appears in a recovery key.` };
  let bits = 0n;
  for (const symbol of symbols.slice(0, DATA_SYMBOLS)) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(symbol));
  const padBits = BigInt(DATA_SYMBOLS * 5 - RECOVERY_KEY_BYTES * 8);
  // The encoder always pads with zero bits: anything else is a typo in the 13th group
  // that the check group cannot see (the padding is not part of the key).
  if ((bits & ((1n << padBits) - 1n)) !== 0n) return { ok: false, reason: TYPING_MISTAKE };
  bits >>= padBits;
  const key = new Uint8Array(RECOVERY_KEY_BYTES);
  for (let i = RECOVERY_KEY_BYTES - 1; i >= 0; i--) {
    key[i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  if (checkSymbols(key) !== symbols.slice(DATA_SYMBOLS)) {
    return { ok: false, reason: TYPING_MISTAKE };
  }
  return { ok: true, key };
}

/** The groups (1-based) the therapist types back to prove the key was written down. */
export function recoveryKeyGroup(recoveryKey: string, groupNumber: number): string {
  return recoveryKey.split('-')[groupNumber - 1] ?? '';
}
