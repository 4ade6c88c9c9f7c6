import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, createReadStream, fsyncSync, openSync } from 'node:fs';

/** Flushes a file's bytes to the disk, so a rename after it never publishes a hole. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes renames and new entries in a folder durable. Windows cannot open a folder; there
 * it is best effort, and only durability on power loss is at stake, not correctness.
 */
export function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // see above
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Copies a file and flushes the copy; the target must not exist (COPYFILE_EXCL). */
export function copyFileDurable(from: string, to: string): void {
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  fsyncFile(to);
}

/** SHA-256 of a file, streamed: a ten-year vault is not read into memory at once. */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
