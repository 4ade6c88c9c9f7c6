/** Whole-vault export and import (issue "Backups, export and restore"); see FORMAT.md. */
export { type ExportOptions, type ExportResult, exportVault } from './exportVault';
export {
  applyArchive,
  applyImport,
  type ImportOptions,
  type ImportReport,
  planArchive,
  planImport,
  type TableCounts,
} from './importVault';
export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest } from './manifest';
export { readArchive } from './readArchive';
export { EXPORT_TABLES, type TableName } from './tables';
