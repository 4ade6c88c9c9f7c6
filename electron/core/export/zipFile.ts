import { promisify } from 'node:util';
import { crc32, deflateRaw, inflateRawSync } from 'node:zlib';

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

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/**
 * Reads every entry of a zip held in memory, checking sizes and CRC-32s. Any
 * inconsistency (truncation, a flipped bit, an entry past the end) throws ZipFormatError.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const fail = (why: string): never => {
    throw new ZipFormatError(why);
  };
  // The end record is the last 22 bytes plus an optional comment of at most 65,535 bytes.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_RECORD) {
      end = at;
      break;
    }
  }
  if (end < 0) fail('no end-of-central-directory record (truncated?)');
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (directoryOffset + directorySize > end) fail('central directory runs past its end record');

  const files = new Map<string, Buffer>();
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_HEADER) fail(`central header ${index} is missing`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + skip;
    if (flags & 0x0001) fail(`${name} is zip-encrypted, which this reader does not support`);
    if (files.has(name)) fail(`${name} appears twice`);
    if (offset + 30 > directoryOffset || zip.readUInt32LE(offset) !== LOCAL_HEADER) fail(`${name}: no local header`);
    const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    if (dataStart + compressedSize > directoryOffset) fail(`${name} runs past the central directory`);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
      } catch {
        return fail(`${name} does not inflate`);
      }
    } else return fail(`${name} uses compression method ${method}`);
    if (data.length !== size || crc32(data) !== crc) fail(`${name} fails its CRC-32 check`);
    files.set(name, data);
  }
  return files;
}
