/** Whole-vault export and import (issue "Backups, export and restore"); see FORMAT.md. */
export { type ExportOptions, type ExportResult, exportVault } from './exportVault';
export { applyImport, type ImportOptions, type ImportReport, planImport, type TableCounts } from './importVault';
export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest } from './manifest';
export { EXPORT_TABLES, type TableName } from './tables';
