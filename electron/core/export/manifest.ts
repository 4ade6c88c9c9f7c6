import type { TableName } from './tables';

export const EXPORT_FORMAT = 'sessionkeep-export';
/** Bump when the archive's layout changes in a way an older reader would misread. */
export const EXPORT_FORMAT_VERSION = 1;

/** manifest.json, described field by field in FORMAT.md. */
export type ExportManifest = {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  app: { name: string; version: string | null };
  /** The vault's schema version (SQLite user_version) the rows were read at. */
  schemaVersion: number;
  counts: Record<TableName, number>;
  files: Record<string, { sha256: string; bytes: number }>;
};
