import { once } from 'node:events';
import { promisify } from 'node:util';
import { crc32, createInflateRaw, deflateRaw } from 'node:zlib';

/**
 * A minimal zip (PKWARE APPNOTE 6.3.x, section 4.3) writer and reader, so an export
 * needs no dependency and any unzip tool can open it. Deflate (method 8) or stored (0),
 * UTF-8 names (flag bit 11), no zip64: an entry or the whole archive must stay under
 * 4 GiB and 65,535 entries, far above a therapist's vault; both are checked.
 */

const deflateRawAsync = promisify(deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: deflate
const MAX_32 = 0xffffffff;

export type ZipEntry = { name: string; crc: number; compressedSize: number; size: number; offset: number };

/** MS-DOS date and time (local fields, 2-second resolution), as zip headers store them. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export function localHeader(name: Buffer, entry: Omit<ZipEntry, 'name' | 'offset'>, stamp: Date): Buffer {
  const { time, date } = dosDateTime(stamp);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(8, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

export function centralDirectory(entries: readonly ZipEntry[], offset: number, stamp: Date): Buffer {
  const { time, date } = dosDateTime(stamp);
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix, so unzip keeps the 0600 mode below
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.compressedSize, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    // extra, comment, disk number start, internal attributes: 0
    header.writeUInt32LE((0o100600 << 16) >>> 0, 38); // regular file, owner read/write only
    header.writeUInt32LE(entry.offset, 42);
    parts.push(header, name);
  }
  const directory = Buffer.concat(parts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_RECORD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([directory, end]);
}

/** Writes entries one by one to a sink (a file, or a cipher in front of one). */
export class ZipWriter {
  private readonly entries: ZipEntry[] = [];
  private offset = 0;

  constructor(
    private readonly sink: (chunk: Buffer) => void,
    private readonly stamp: Date,
  ) {}

  async add(name: string, data: Buffer): Promise<void> {
    if (this.entries.some((entry) => entry.name === name)) throw new Error(`ZipWriter.add: duplicate ${name}`);
    if (this.entries.length >= 0xffff) throw new Error('ZipWriter.add: too many entries for a zip without zip64');
    const compressed = await deflateRawAsync(data);
    const entry = { name, crc: crc32(data), compressedSize: compressed.length, size: data.length, offset: this.offset };
    if (data.length > MAX_32 || compressed.length > MAX_32 || this.offset + compressed.length + 30 > MAX_32) {
      throw new Error('ZipWriter.add: archive too large for a zip without zip64');
    }
    this.write(localHeader(Buffer.from(name, 'utf8'), entry, this.stamp));
    this.write(compressed);
    this.entries.push(entry);
  }

  finish(): void {
    this.write(centralDirectory(this.entries, this.offset, this.stamp));
  }

  private write(chunk: Buffer): void {
    this.sink(chunk);
    this.offset += chunk.length;
  }
}

/** A zip that is damaged (truncated, a flipped bit): EXPORT_DAMAGED. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** A zip built to do harm or to hide something (traversal, overlap, bombs): IMPORT_REFUSED. */
export class ZipRefusedError extends Error {
  override name = 'ZipRefusedError';
}

const damaged = (why: string): never => {
  throw new ZipFormatError(why);
};
const refused = (why: string): never => {
  throw new ZipRefusedError(why);
};

/** One entry as the central directory declares it, checked against its local header. */
export type ZipDirectoryEntry = {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the local header starts and where the compressed data starts. */
  offset: number;
  dataStart: number;
};

export type ZipEnd = { count: number; directorySize: number; directoryOffset: number };

const END_BYTES = 22;
const MAX_COMMENT = 0xffff;
/** Flag bits the format allows: UTF-8 names (11) and deflate's level hints (1, 2). */
const ALLOWED_FLAGS = UTF8_NAMES | 0x0006;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const UNIX_HOST = 3;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many bytes from the end hold the end record (and a comment, if any). */
export const zipTailBytes = (size: number): number => Math.min(size, END_BYTES + MAX_COMMENT);

/**
 * Finds and checks the end-of-central-directory record in the file's last bytes. The
 * directory must sit right before it (nothing hidden in between) and nothing may follow
 * it but its own comment. No multi-disk archives and no zip64 (FORMAT.md).
 */
export function parseZipEnd(tail: Buffer, size: number): ZipEnd {
  const tailStart = size - tail.length;
  let end = -1;
  for (let at = tail.length - END_BYTES; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_RECORD && tail.readUInt16LE(at + 20) === tail.length - at - END_BYTES) {
      end = at;
      break;
    }
  }
  if (end < 0) damaged('no end-of-central-directory record (truncated?)');
  const disk = tail.readUInt16LE(end + 4);
  const directoryDisk = tail.readUInt16LE(end + 6);
  const onDisk = tail.readUInt16LE(end + 8);
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) refused('it is a multi-part archive');
  if (count === 0xffff || directorySize === MAX_32 || directoryOffset === MAX_32) refused('it uses zip64');
  if (directoryOffset + directorySize !== tailStart + end) {
    damaged('the central directory does not end where its end record begins');
  }
  return { count, directorySize, directoryOffset };
}

/** A name must be a plain relative path: no traversal, no absolute path, no backslash. */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'an entry has no name';
  if ([...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return `the entry name ${JSON.stringify(name)} holds control characters`;
  if (name.includes('\\')) return `the entry ${JSON.stringify(name)} has a backslash in its name`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `the entry ${JSON.stringify(name)} has an absolute path`;
  const parts = name.split('/');
  if (parts.some((part) => part === '..')) return `the entry ${JSON.stringify(name)} points outside the archive (..)`;
  if (parts.some((part) => part === '' || part === '.'))
    return `the entry name ${JSON.stringify(name)} is not a plain path`;
  return null;
}

/**
 * Reads the central directory (already in memory, bounded by the caller). Checks each
 * entry's name, type (regular files only: a symlink or folder entry is refused), flags,
 * method and sizes, and refuses a name that appears twice.
 */
export function parseCentralDirectory(directory: Buffer, count: number): (ZipDirectoryEntry & { nameBytes: Buffer })[] {
  const entries: (ZipDirectoryEntry & { nameBytes: Buffer })[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) {
      damaged(`central header ${index + 1} is missing`);
    }
    const host = directory.readUInt8(at + 5);
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const crc = directory.readUInt32LE(at + 16);
    const compressedSize = directory.readUInt32LE(at + 20);
    const size = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const diskStart = directory.readUInt16LE(at + 34);
    const external = directory.readUInt32LE(at + 38);
    const offset = directory.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) damaged(`central header ${index + 1} runs past the directory`);
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      return refused(`entry ${index + 1} has a name that is not UTF-8 text`);
    }
    at = next;
    const unsafe = unsafeNameReason(name);
    if (unsafe) refused(unsafe);
    if (names.has(name)) refused(`the entry ${name} appears twice`);
    names.add(name);
    if (flags & 0x0001) refused(`${name} is zip-encrypted, which the export format never is`);
    if (flags & 0x0008) refused(`${name} uses a data descriptor, which the export format never does`);
    if (flags & ~ALLOWED_FLAGS) refused(`${name} has header flags the export format never sets`);
    if (method !== 0 && method !== 8) refused(`${name} uses compression method ${method}`);
    if (compressedSize === MAX_32 || size === MAX_32 || offset === MAX_32) refused(`${name} uses zip64`);
    if (diskStart !== 0) refused(`${name} is on another disk of a multi-part archive`);
    // Unix hosts keep the file type in the high 16 bits: only regular files (or none given).
    const type = (external >>> 16) & S_IFMT;
    if (host === UNIX_HOST && type !== 0 && type !== S_IFREG) {
      refused(
        type === 0o120000
          ? `${name} is a symbolic link`
          : `${name} is not a regular file (file type ${type.toString(8)})`,
      );
    }
    if (external & 0x10 || name.endsWith('/')) refused(`${name} is a folder entry`);
    entries.push({ name, nameBytes, method: method as 0 | 8, crc, compressedSize, size, offset, dataStart: -1 });
  }
  if (at !== directory.length) refused('the central directory holds more than its entries');
  return entries;
}

/**
 * Checks a local header (the 30 fixed bytes and the name) against its central entry and
 * returns where its data starts. A local header that disagrees with the directory is how
 * one zip shows different files to different readers: refused.
 */
export function checkLocalHeader(entry: ZipDirectoryEntry & { nameBytes: Buffer }, local: Buffer): number {
  const { name } = entry;
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER) damaged(`${name}: its local header is missing`);
  const nameLength = local.readUInt16LE(26);
  const extraLength = local.readUInt16LE(28);
  // A CRC that differs is most likely a flipped bit; sizes or names that differ are a trick.
  if (local.readUInt32LE(14) !== entry.crc)
    damaged(`${name}: its local header and the directory disagree on its CRC-32`);
  const sameFields =
    local.readUInt16LE(8) === entry.method &&
    local.readUInt32LE(18) === entry.compressedSize &&
    local.readUInt32LE(22) === entry.size &&
    nameLength === entry.nameBytes.length;
  if (!sameFields) refused(`${name}: its local header does not match the central directory`);
  if (local.length >= 30 + nameLength && !local.subarray(30, 30 + nameLength).equals(entry.nameBytes)) {
    refused(`${name}: its local header names another file`);
  }
  return entry.offset + 30 + nameLength + extraLength;
}

/**
 * Every byte before the central directory must belong to exactly one entry: entries that
 * overlap (one compressed stream counted many times: a zip bomb) or that reach into the
 * directory are refused, and so is data hidden between entries.
 */
export function checkEntryRanges(entries: readonly ZipDirectoryEntry[], directoryOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let covered = 0;
  let previous: ZipDirectoryEntry | null = null;
  for (const entry of sorted) {
    const end = entry.dataStart + entry.compressedSize;
    if (entry.offset < covered) {
      refused(`the entries ${previous?.name ?? ''} and ${entry.name} overlap`);
    }
    if (entry.offset > covered)
      refused(`there are ${entry.offset - covered} bytes before ${entry.name} that belong to no entry`);
    if (end > directoryOffset) refused(`${entry.name} runs into the central directory`);
    covered = end;
    previous = entry;
  }
  if (covered !== directoryOffset)
    refused(`there are ${directoryOffset - covered} bytes after the last entry that belong to no entry`);
}

/** Anything the reader can take bytes from at a position: a file, or a sealed file decrypted on the fly. */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/** Reads and checks a zip's directory, touching only the end record, directory and local headers. */
export async function readZipDirectory(
  readAt: ReadAt,
  size: number,
  limits: { entries: number; directoryBytes: number },
): Promise<ZipDirectoryEntry[]> {
  if (size < END_BYTES) damaged('it is too short to be a zip (truncated?)');
  const tailLength = zipTailBytes(size);
  const end = parseZipEnd(await readAt(size - tailLength, tailLength), size);
  if (end.count > limits.entries) {
    refused(
      `it has ${end.count.toLocaleString('en')} entries, more than the ${limits.entries.toLocaleString('en')} an export may have`,
    );
  }
  if (end.directorySize > limits.directoryBytes) refused('its central directory is larger than an export’s can be');
  const entries = parseCentralDirectory(await readAt(end.directoryOffset, end.directorySize), end.count);
  for (const entry of entries) {
    if (entry.offset + 30 > end.directoryOffset) refused(`${entry.name} starts inside the central directory`);
    const local = await readAt(entry.offset, Math.min(30 + entry.nameBytes.length, end.directoryOffset - entry.offset));
    entry.dataStart = checkLocalHeader(entry, local);
  }
  checkEntryRanges(entries, end.directoryOffset);
  return entries.map(({ nameBytes: _nameBytes, ...entry }) => entry);
}

const PIECE = 1024 * 1024;

/**
 * Inflates one entry piece by piece, handing each piece to `onData`, and stops as soon as
 * it would produce more than the entry declares (which the caller has already capped):
 * memory never grows with what a hostile stream would inflate to. Checks the CRC-32.
 */
export async function inflateEntry(
  readAt: ReadAt,
  entry: ZipDirectoryEntry,
  onData: (piece: Buffer) => void,
): Promise<void> {
  let produced = 0;
  let crc = 0;
  const take = (piece: Buffer) => {
    produced += piece.length;
    if (produced > entry.size) damaged(`${entry.name} inflates to more than its declared size`);
    crc = crc32(piece, crc);
    onData(piece);
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) damaged(`${entry.name}: stored sizes disagree`);
    for (let at = 0; at < entry.compressedSize; at += PIECE) {
      take(await readAt(entry.dataStart + at, Math.min(PIECE, entry.compressedSize - at)));
    }
  } else {
    const inflater = createInflateRaw();
    const finished = new Promise<void>((resolve, reject) => {
      inflater.on('data', (piece: Buffer) => {
        try {
          take(piece);
        } catch (error) {
          inflater.destroy(error as Error);
        }
      });
      inflater.on('end', resolve);
      inflater.on('error', reject);
    });
    finished.catch(() => undefined);
    try {
      for (let at = 0; at < entry.compressedSize; at += PIECE) {
        const piece = await readAt(entry.dataStart + at, Math.min(PIECE, entry.compressedSize - at));
        if (inflater.destroyed) break;
        if (!inflater.write(piece)) await Promise.race([once(inflater, 'drain'), finished]);
      }
      if (!inflater.destroyed) inflater.end();
      await finished;
    } catch (error) {
      inflater.destroy();
      if (error instanceof ZipFormatError || error instanceof ZipRefusedError) throw error;
      damaged(`${entry.name} does not inflate`);
    }
  }
  if (produced !== entry.size || crc !== entry.crc) damaged(`${entry.name} fails its CRC-32 check`);
}

/** Reads every entry of a small zip held in memory (tests and tools), with the same checks. */
export async function readZip(zip: Buffer): Promise<Map<string, Buffer>> {
  const readAt: ReadAt = async (offset, length) => {
    if (offset + length > zip.length) damaged('it ends too early (truncated?)');
    return zip.subarray(offset, offset + length);
  };
  const files = new Map<string, Buffer>();
  for (const entry of await readZipDirectory(readAt, zip.length, { entries: 0xffff, directoryBytes: zip.length })) {
    const pieces: Buffer[] = [];
    await inflateEntry(readAt, entry, (piece) => pieces.push(piece));
    files.set(entry.name, Buffer.concat(pieces));
  }
  return files;
}
