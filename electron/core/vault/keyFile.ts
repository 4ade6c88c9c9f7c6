import { createHash, randomBytes, scrypt } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { normalizePassphrase } from '../../../shared/vault/passphrase';
import { CoreError } from '../coreError';
import { openKey, sealKey } from './keyWrap';
import { writeFileAtomic } from './vaultFiles';

/**
 * The key file (vault.key) holds the vault's random 256-bit data key, wrapped by a
 * key derived from the therapist's passphrase. Changing the passphrase rewrites only
 * this small file; the database keeps its data key and is never re-encrypted.
 *
 * KDF: scrypt N=2^17, r=8, p=1 (OWASP Password Storage Cheat Sheet minimum; 128 MiB).
 * Wrap: AES-256-GCM; the header (format, vault id, KDF parameters) is authenticated
 * data, so nobody can weaken the parameters without the unwrap failing.
 */
export const DATA_KEY_BYTES = 32;
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * What a key file may ask of scrypt. Below: weaker than we write (an attacker could
 * weaken a copied file). Above: a crafted file could make every attempt cost minutes
 * and gigabytes. N is a power of two in [2^17, 2^20], r in [8, 16], p in [1, 4], and
 * scrypt's memory (128·N·r bytes) at most 256 MiB. Checked before scrypt ever runs.
 */
export const KDF_LIMITS = {
  N: { min: 2 ** 17, max: 2 ** 20 },
  r: { min: 8, max: 16 },
  p: { min: 1, max: 4 },
  maxMemoryBytes: 256 * 1024 * 1024,
  saltBytes: { min: 16, max: 64 },
} as const;
const SCRYPT_MAXMEM = KDF_LIMITS.maxMemoryBytes + 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A key file is a few hundred bytes: anything far larger is not one of ours. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

const base64 = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z0-9+/]+=*$/);

const headerSchema = z.strictObject({
  format: z.literal('sessionkeep-key'),
  version: z.literal(1),
  vaultId: z.uuid(),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: base64,
  }),
});

const keyFileSchema = headerSchema.extend({
  wrap: z.strictObject({ alg: z.literal('aes-256-gcm'), iv: base64, tag: base64, ciphertext: base64 }),
  /** SHA-256 over everything above: tells a damaged file apart from a wrong passphrase. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
type KeyFileHeader = z.infer<typeof headerSchema>;

const UNSUPPORTED_KDF =
  'The key file asks for key-stretching settings outside what Sessionkeep accepts, so it was not tried. It may have been altered or made by another program. Unlock with your recovery key, or restore vault.key from a backup. Nothing was changed.';
const UNSUPPORTED_SIZES =
  'The key file holds a salt, nonce, tag or wrapped key of a length Sessionkeep never writes, so it was not tried. It may have been altered. Unlock with your recovery key, or restore vault.key from a backup. Nothing was changed.';

/** Null when the KDF parameters and field lengths are within KDF_LIMITS; otherwise why not. */
export function keyFileLimitProblem(file: Pick<KeyFile, 'kdf' | 'wrap'>): string | null {
  const { N, r, p } = file.kdf;
  const powerOfTwo = N > 0 && (N & (N - 1)) === 0;
  const within = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;
  if (
    !powerOfTwo ||
    !within(N, KDF_LIMITS.N) ||
    !within(r, KDF_LIMITS.r) ||
    !within(p, KDF_LIMITS.p) ||
    128 * N * r > KDF_LIMITS.maxMemoryBytes
  ) {
    return UNSUPPORTED_KDF;
  }
  const bytes = (text: string) => Buffer.from(text, 'base64').length;
  if (
    !within(bytes(file.kdf.salt), KDF_LIMITS.saltBytes) ||
    bytes(file.wrap.iv) !== IV_BYTES ||
    bytes(file.wrap.tag) !== TAG_BYTES ||
    bytes(file.wrap.ciphertext) !== DATA_KEY_BYTES
  ) {
    return UNSUPPORTED_SIZES;
  }
  return null;
}

function deriveKey(passphrase: string, salt: Buffer, kdf: KeyFileHeader['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      normalizePassphrase(passphrase),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: SCRYPT_MAXMEM },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

function headerBytes(header: KeyFileHeader): Buffer {
  const { format, version, vaultId, kdf } = header;
  return Buffer.from(JSON.stringify({ format, version, vaultId, kdf }), 'utf8');
}

function checksumOf(file: Omit<KeyFile, 'checksum'>): string {
  const { format, version, vaultId, kdf, wrap } = file;
  return createHash('sha256').update(JSON.stringify({ format, version, vaultId, kdf, wrap })).digest('hex');
}

export async function wrapDataKey(dataKey: Buffer, passphrase: string, vaultId: string): Promise<KeyFile> {
  const header: KeyFileHeader = {
    format: 'sessionkeep-key',
    version: 1,
    vaultId,
    kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: randomBytes(16).toString('base64') },
  };
  const wrappingKey = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  try {
    const unsigned = { ...header, wrap: sealKey(dataKey, wrappingKey, headerBytes(header)) };
    return { ...unsigned, checksum: checksumOf(unsigned) };
  } finally {
    wrappingKey.fill(0);
  }
}

/** Unwraps the data key; WRONG_PASSPHRASE when the passphrase does not fit. */
export async function unwrapDataKey(file: KeyFile, passphrase: string): Promise<Buffer> {
  // Also here, not only in readKeyFile: no path may hand scrypt unchecked parameters.
  const problem = keyFileLimitProblem(file);
  if (problem) throw new CoreError('KEY_FILE_UNSUPPORTED', problem);
  const wrappingKey = await deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  try {
    const dataKey = openKey(file.wrap, wrappingKey, headerBytes(file));
    if (!dataKey) throw new CoreError('WRONG_PASSPHRASE');
    if (dataKey.length !== DATA_KEY_BYTES) throw new CoreError('KEY_FILE_DAMAGED');
    return dataKey;
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * Reads and checks the key file: KEY_FILE_MISSING or KEY_FILE_DAMAGED when it cannot be
 * used, KEY_FILE_UNSUPPORTED when it is intact but asks for more than KDF_LIMITS.
 */
export async function readKeyFile(path: string): Promise<KeyFile> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_KEY_FILE_BYTES) throw new CoreError('KEY_FILE_DAMAGED');
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CoreError('KEY_FILE_MISSING');
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CoreError('KEY_FILE_DAMAGED');
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success || checksumOf(result.data) !== result.data.checksum) throw new CoreError('KEY_FILE_DAMAGED');
  // After the checksum: a flipped bit is damage; an intact file out of bounds was made so.
  const problem = keyFileLimitProblem(result.data);
  if (problem) throw new CoreError('KEY_FILE_UNSUPPORTED', problem);
  return result.data;
}

/** The key file's bytes as written (its fingerprint is taken over these). */
export function keyFileText(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function writeKeyFile(path: string, file: KeyFile): void {
  writeFileAtomic(path, keyFileText(file));
}
