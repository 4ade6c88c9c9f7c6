/**
 * What an import source may be, checked before anything is inflated (FORMAT.md, "Limits
 * on import"). Chosen so that the worst archive within them keeps an import under 256 MiB
 * of memory above the app's baseline (issue 11), with room for a large practice: ten
 * years of notes are tens of megabytes of JSON.
 */
export const IMPORT_LIMITS = {
  /** The file on disk (plain or sealed). It is read in pieces, never whole. */
  archiveBytes: 2 * 1024 ** 3,
  /** Table files, the manifest and one printable record per client. */
  entries: 20_000,
  directoryBytes: 8 * 1024 ** 2,
  /** One table file, unpacked (held while it is checked). */
  tableFileBytes: 24 * 1024 ** 2,
  /**
   * All table files together, unpacked: their bytes are held while the import is checked
   * and planned, and each row is parsed again at every pass. Measured in the hostile-archive
   * test, one process per archive: at 32 MiB the peak was 74–231 MiB above baseline (V8
   * lets the heap grow to about four times what is alive before collecting the schema
   * checks' garbage, more on a busy machine); 24 MiB keeps the worst case clear of 256 MiB.
   */
  tablesTotalBytes: 24 * 1024 ** 2,
  manifestBytes: 4 * 1024 ** 2,
  /** A printable record, unpacked: only hashed, piece by piece. */
  pdfBytes: 64 * 1024 ** 2,
  /** Everything, unpacked: bounds the work an archive can ask for. */
  inflatedTotalBytes: 2 * 1024 ** 3,
  /** Unpacked size over packed size, for entries above `ratioFloorBytes`. JSON packs ~5–20:1. */
  ratio: 100,
  ratioFloorBytes: 1024 ** 2,
} as const;

/** "64 MiB", "1.5 MiB", "12 KiB": sizes in messages. */
export function mib(bytes: number): string {
  if (bytes < 1024 ** 2) return `${Math.ceil(bytes / 1024).toLocaleString('en')} KiB`;
  const value = bytes / 1024 ** 2;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
}
