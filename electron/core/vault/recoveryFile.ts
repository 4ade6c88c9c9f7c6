import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { RECOVERY_KEY_BYTES } from '../../../shared/vault/recoveryKey';
import { CoreError } from '../coreError';
import { DATA_KEY_BYTES, MAX_KEY_FILE_BYTES } from './keyFile';
import { openKey, sealKey } from './keyWrap';
import { writeFileAtomic } from './vaultFiles';

/**
 * The recovery file (vault.recovery) holds the data key wrapped a second time, under
 * the recovery key: a random 256-bit secret shown once to the therapist. Being its
 * own wrap (not the data key itself, as in vaults made before issue 11) it can be
 * revoked: making a new recovery key replaces this file, and the old key opens nothing.
 * It sits beside vault.key, not inside it, so a damaged key file still leaves recovery.
 *
 * KDF: HKDF-SHA256 (the secret is already 256 random bits: nothing to stretch).
 * Wrap: AES-256-GCM; the header (format, vault id, salt) is authenticated data.
 */
const base64 = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z0-9+/]+=*$/);
const HKDF_INFO = 'sessionkeep recovery wrap v1';
const SALT_BYTES = 16;

const headerSchema = z.strictObject({
  format: z.literal('sessionkeep-recovery'),
  version: z.literal(1),
  vaultId: z.uuid(),
  kdf: z.strictObject({ name: z.literal('hkdf-sha256'), salt: base64 }),
});

const recoveryFileSchema = headerSchema.extend({
  wrap: z.strictObject({ alg: z.literal('aes-256-gcm'), iv: base64, tag: base64, ciphertext: base64 }),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type RecoveryFile = z.infer<typeof recoveryFileSchema>;
type RecoveryHeader = z.infer<typeof headerSchema>;

function headerBytes({ format, version, vaultId, kdf }: RecoveryHeader): Buffer {
  return Buffer.from(JSON.stringify({ format, version, vaultId, kdf }), 'utf8');
}

function checksumOf({ format, version, vaultId, kdf, wrap }: Omit<RecoveryFile, 'checksum'>): string {
  return createHash('sha256').update(JSON.stringify({ format, version, vaultId, kdf, wrap })).digest('hex');
}

function wrappingKey(secret: Uint8Array, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, HKDF_INFO, 32));
}

export function newRecoverySecret(): Buffer {
  return randomBytes(RECOVERY_KEY_BYTES);
}

export function wrapWithRecoverySecret(dataKey: Buffer, secret: Uint8Array, vaultId: string): RecoveryFile {
  const header: RecoveryHeader = {
    format: 'sessionkeep-recovery',
    version: 1,
    vaultId,
    kdf: { name: 'hkdf-sha256', salt: randomBytes(SALT_BYTES).toString('base64') },
  };
  const key = wrappingKey(secret, Buffer.from(header.kdf.salt, 'base64'));
  try {
    const unsigned = { ...header, wrap: sealKey(dataKey, key, headerBytes(header)) };
    return { ...unsigned, checksum: checksumOf(unsigned) };
  } finally {
    key.fill(0);
  }
}

/** The data key; WRONG_RECOVERY_KEY when the secret does not fit this file. */
export function unwrapWithRecoverySecret(file: RecoveryFile, secret: Uint8Array): Buffer {
  const key = wrappingKey(secret, Buffer.from(file.kdf.salt, 'base64'));
  try {
    const dataKey = openKey(file.wrap, key, headerBytes(file));
    if (!dataKey) throw new CoreError('WRONG_RECOVERY_KEY');
    if (dataKey.length !== DATA_KEY_BYTES) throw new CoreError('RECOVERY_FILE_DAMAGED');
    return dataKey;
  } finally {
    key.fill(0);
  }
}

export type RecoveryFileRead = { state: 'ok'; file: RecoveryFile } | { state: 'missing' } | { state: 'damaged' };

/** Reads vault.recovery; never throws for a missing or damaged file (recovery must stay possible). */
export function readRecoveryFile(path: string): RecoveryFileRead {
  try {
    if (statSync(path).size > MAX_KEY_FILE_BYTES) return { state: 'damaged' };
    const parsed = recoveryFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success || checksumOf(parsed.data) !== parsed.data.checksum) return { state: 'damaged' };
    const bytes = (text: string) => Buffer.from(text, 'base64').length;
    const { kdf, wrap } = parsed.data;
    if (bytes(kdf.salt) !== SALT_BYTES || bytes(wrap.iv) !== 12 || bytes(wrap.tag) !== 16) return { state: 'damaged' };
    if (bytes(wrap.ciphertext) !== DATA_KEY_BYTES) return { state: 'damaged' };
    return { state: 'ok', file: parsed.data };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'damaged' };
  }
}

export function recoveryFileText(file: RecoveryFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function writeRecoveryFile(path: string, file: RecoveryFile): void {
  writeFileAtomic(path, recoveryFileText(file));
}

/**
 * The data key a typed recovery key stands for. With an intact recovery file, only its
 * wrap counts (so a replaced key is revoked). Without one (a vault made before issue 11,
 * or a lost or damaged file) the key is tried as the data key itself, which is what
 * those older recovery keys were; the database open then tells whether it fits.
 */
export function dataKeyForRecoveryKey(
  recoveryFilePath: string,
  secret: Uint8Array,
): { dataKey: Buffer; via: 'wrap' | 'legacy'; recoveryFile: 'ok' | 'missing' | 'damaged'; vaultId: string | null } {
  const read = readRecoveryFile(recoveryFilePath);
  if (read.state === 'ok') {
    const dataKey = unwrapWithRecoverySecret(read.file, secret);
    return { dataKey, via: 'wrap', recoveryFile: 'ok', vaultId: read.file.vaultId };
  }
  return { dataKey: Buffer.from(secret), via: 'legacy', recoveryFile: read.state, vaultId: null };
}
