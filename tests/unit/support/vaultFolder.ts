import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import type { Envelope, Failure } from '../../../shared/ipc/envelope';
import { decodeRecoveryKey } from '../../../shared/vault/recoveryKey';

/** Helpers shared by the unit tests that work on a real vault folder. */

export const PASSPHRASE = 'correct horse battery staple';
export const NEW_PASSPHRASE = 'seven purple otters at dawn';

/** A fresh, empty folder in the system temp folder, for one test. */
export function makeTempFolder(label: string): string {
  return mkdtempSync(join(tmpdir(), `sessionkeep-${label}-`));
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Every file in the folder by name, with the SHA-256 of its bytes; folders inside it
 * (a backup folder holds one per backup) by their relative path, recursively.
 */
export function snapshotFolder(folder: string, prefix = ''): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      snapshot[`${name}/`] = 'folder';
      Object.assign(snapshot, snapshotFolder(path, `${name}/`));
    } else {
      snapshot[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  }
  return snapshot;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The 32-byte data key a recovery key stands for. */
export function dataKeyOf(recoveryKey: string): Buffer {
  const decoded = decodeRecoveryKey(recoveryKey);
  if (!decoded.ok) throw new Error(`dataKeyOf: ${decoded.reason}`);
  return Buffer.from(decoded.key);
}

/** Opens an encrypted vault database directly with its raw key, as the core does. */
export function openRawVaultDb(path: string, dataKey: Buffer, options: { create?: boolean } = {}): Database.Database {
  const db = new Database(path, { fileMustExist: !options.create });
  db.pragma("cipher = 'chacha20'");
  db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
  return db;
}

/** The value of an ok envelope, typed by the caller (`core.handle` answers `Envelope<unknown>`). */
export function expectOk<T = unknown>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.code}: ${envelope.message}`);
  return envelope.value as T;
}

export function expectFailure(envelope: Envelope<unknown>, code: ErrorCode): Failure {
  expect(envelope.ok ? 'ok' : envelope.code).toBe(code);
  return envelope as Failure;
}

/**
 * The data key of the vault in `folder`, unwrapped from its key file with the passphrase
 * (since issue 11 the recovery key is its own wrap, no longer the data key).
 */
export async function vaultDataKey(folder: string, passphrase: string): Promise<Buffer> {
  const { readKeyFile, unwrapDataKey } = await import('../../../electron/core/vault/keyFile');
  return unwrapDataKey(await readKeyFile(join(folder, 'vault.key')), passphrase);
}
