import { closeSync, constants, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The files of one vault, all in one owner-only folder. */
export type VaultPaths = {
  folder: string;
  database: string;
  keyFile: string;
  /** The data key wrapped under the recovery key (vaults made since issue 11). */
  recoveryFile: string;
  /** Failed attempts and the next allowed time, so a restart does not reset them. */
  throttleFile: string;
};

export function vaultPaths(folder: string): VaultPaths {
  return {
    folder,
    database: join(folder, 'vault.db'),
    keyFile: join(folder, 'vault.key'),
    recoveryFile: join(folder, 'vault.recovery'),
    throttleFile: join(folder, 'vault.throttle'),
  };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Creates the vault folder (0700); tightens it if it already existed. */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    // Node's recursive mkdir reports ENOENT where the real cause is EROFS or EACCES;
    // a plain mkdir of the last step tells which (and throws that instead).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') await mkdir(folder, { mode: 0o700 });
    throw error;
  }
  await chmod(folder, 0o700);
}

/** Sets 0600 on every file in the vault folder (the database, WAL, SHM and key file). */
export async function restrictVaultFiles(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (name.startsWith('vault.')) await chmod(join(folder, name), 0o600);
  }
}

/**
 * Removes temp files a crash left between writing and renaming (writeFileAtomic): a
 * leftover `vault.key.<pid>.tmp` holds the data key wrapped under some passphrase and
 * must not linger. The target files themselves are never touched.
 */
export function removeStaleTempFiles(folder: string): void {
  for (const name of readdirSync(folder)) {
    const match =
      /^(vault\.(?:key|recovery)(?:\.new)?|vault\.throttle|vault\.reencrypt|backup-location\.json)\.(\d+)\.tmp$/.exec(
        name,
      );
    if (match && Number(match[2]) !== process.pid) rmSync(join(folder, name), { force: true });
  }
}

/**
 * Writes a file so that a crash leaves either the old or the new content, never a
 * mix: write a temp file, fsync it, rename it over the target, fsync the folder.
 * On failure the temp file is removed and the target is untouched.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
    syncFolder(join(path, '..'));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

function syncFolder(folder: string): void {
  // Makes the rename itself durable. Some platforms (Windows) cannot open a folder.
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // best effort: the rename has happened; only its durability on power loss is at stake
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
