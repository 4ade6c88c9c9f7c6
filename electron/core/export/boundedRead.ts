import { createDecipheriv, timingSafeEqual } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { CoreError } from '../coreError';
import { CONTAINER_HEADER_BYTES, CONTAINER_MAGIC, containerLayout, deriveKeys, TAG_BYTES } from './container';
import { IMPORT_LIMITS, mib } from './importLimits';
import type { ReadAt } from './zipFile';

/**
 * Opening an import source without trusting it (issue 11, "Bounded reads"). Only a
 * regular file is read: a FIFO, a device (/dev/zero, /dev/urandom), a socket or a folder
 * would read forever or mean nothing, and a symlink counts as what it points to. The file
 * is opened non-blocking (so opening a FIFO cannot hang) and checked with fstat on the
 * very descriptor that is read, so it cannot be swapped between the check and the read.
 * The bytes are never read whole: the zip reader asks for pieces at positions.
 */

export const refusedSource = (message: string) => new CoreError('IMPORT_REFUSED', `${message} Nothing was imported.`);

function kindOf(stats: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isDirectory(): boolean;
}): string | null {
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return null;
}

export type ImportSource = {
  /** Plaintext size: the zip's bytes. */
  size: number;
  readAt: ReadAt;
  sealed: boolean;
  close(): Promise<void>;
};

/** Opens the file: IMPORT_REFUSED for anything but a regular file within the size limit. */
async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    // A path through a file ("/notes.txt/export.zip") is as missing as a mistyped one.
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new CoreError(
        'NOT_FOUND',
        `There is no file at ${path}. Check the name, or connect the drive it is on. Nothing was imported.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new CoreError('IMPORT_REFUSED', 'Sessionkeep is not allowed to read that file. Nothing was imported.');
    }
    if (code === 'ENXIO' || code === 'EISDIR')
      throw refusedSource('That is not a regular file (an export is one file).');
    throw error;
  }
  try {
    const stats = await handle.stat();
    const kind = kindOf(stats);
    if (kind) throw refusedSource(`That path is ${kind}, not an export file.`);
    if (!stats.isFile()) throw refusedSource('That is not a regular file (an export is one file).');
    if (stats.size > IMPORT_LIMITS.archiveBytes) {
      throw refusedSource(
        `The file is ${mib(stats.size)}, more than the ${mib(IMPORT_LIMITS.archiveBytes)} an export file may be.`,
      );
    }
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Exactly `length` bytes at `offset`, or EXPORT_DAMAGED if the file ends first (it shrank). */
function readerOf(handle: FileHandle, fileSize: number): ReadAt {
  return async (offset, length) => {
    if (offset < 0 || length < 0 || offset + length > fileSize) {
      throw new CoreError(
        'EXPORT_DAMAGED',
        'This export file is damaged or incomplete (it ends too early). Nothing was imported.',
      );
    }
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
      if (bytesRead === 0) {
        throw new CoreError(
          'EXPORT_DAMAGED',
          'This export file is damaged or incomplete (it changed while being read). Nothing was imported.',
        );
      }
      filled += bytesRead;
    }
    return buffer;
  };
}

/**
 * Opens an import source: a plain zip, or a sealed `.skexport`. A sealed file is
 * authenticated whole first (AES-GCM, piece by piece, nothing kept), then read at
 * positions by decrypting only the blocks asked for (GCM is counter mode underneath:
 * block i of the plaintext uses counter nonce‖(i+2)). So neither form is ever held
 * whole in memory, and nothing decrypted is used before the tag has been checked.
 */
export async function openImportSource(path: string, passphrase: string | undefined): Promise<ImportSource> {
  const { handle, size } = await openRegularFile(path);
  try {
    const read = readerOf(handle, size);
    const head = await read(0, Math.min(size, CONTAINER_MAGIC.length));
    if (!head.equals(CONTAINER_MAGIC)) {
      return { size, readAt: read, sealed: false, close: () => handle.close() };
    }
    if (!passphrase) throw new CoreError('WRONG_PASSPHRASE', 'This export file is encrypted: enter its passphrase.');
    if (size < CONTAINER_HEADER_BYTES + TAG_BYTES) {
      throw new CoreError(
        'EXPORT_DAMAGED',
        'This export file is damaged or incomplete (it is too short). Nothing was imported.',
      );
    }
    const header = await read(0, CONTAINER_HEADER_BYTES);
    const { salt, check, nonce } = containerLayout(header);
    const derived = await deriveKeys(passphrase, salt);
    if (!timingSafeEqual(derived.check, check)) {
      throw new CoreError('WRONG_PASSPHRASE', 'That passphrase does not open this export file.');
    }
    const cipherBytes = size - CONTAINER_HEADER_BYTES - TAG_BYTES;
    const decipher = createDecipheriv('aes-256-gcm', derived.key, nonce);
    decipher.setAAD(header);
    decipher.setAuthTag(await read(size - TAG_BYTES, TAG_BYTES));
    const PIECE = 4 * 1024 * 1024;
    try {
      for (let at = 0; at < cipherBytes; at += PIECE) {
        decipher.update(await read(CONTAINER_HEADER_BYTES + at, Math.min(PIECE, cipherBytes - at)));
      }
      decipher.final();
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError(
        'EXPORT_DAMAGED',
        'This export file is damaged or incomplete (it fails its authentication check). Nothing was imported.',
      );
    }
    const key = derived.key;
    const readPlain: ReadAt = async (offset, length) => {
      if (offset < 0 || length < 0 || offset + length > cipherBytes) {
        throw new CoreError(
          'EXPORT_DAMAGED',
          'This export file is damaged or incomplete (it ends too early). Nothing was imported.',
        );
      }
      if (length === 0) return Buffer.alloc(0);
      const block = Math.floor(offset / 16);
      const counter = Buffer.alloc(16);
      nonce.copy(counter, 0);
      counter.writeUInt32BE((block + 2) >>> 0, 12);
      const ctr = createDecipheriv('aes-256-ctr', key, counter);
      const skip = offset - block * 16;
      const cipher = await read(CONTAINER_HEADER_BYTES + block * 16, skip + length);
      return Buffer.concat([ctr.update(cipher), ctr.final()]).subarray(skip);
    };
    return { size: cipherBytes, readAt: readPlain, sealed: true, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
