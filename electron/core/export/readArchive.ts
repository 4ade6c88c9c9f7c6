import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CoreError } from '../coreError';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { isContainer, openContainer } from './container';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest } from './manifest';
import { EXPORT_TABLES, type Row, type TableName, tableFile } from './tables';
import { readZip, ZipFormatError } from './zipFile';

export type Archive = {
  manifest: ExportManifest;
  tables: Map<TableName, { columns: string[]; rows: Row[] }>;
};

const damaged = (why: string) =>
  new CoreError('EXPORT_DAMAGED', `This export file is damaged or incomplete (${why}). Nothing was imported.`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(`${name} is not JSON`);
  }
}

/**
 * Opens an export (plain zip or passphrase container) and checks everything before any
 * of it is used: container tag, zip CRCs, format and schema versions, each file's SHA-256
 * against the manifest, and each table file's shape.
 */
export async function readArchive(path: string, passphrase?: string): Promise<Archive> {
  let bytes: Buffer = await readFile(path);
  if (isContainer(bytes)) {
    if (!passphrase) throw new CoreError('WRONG_PASSPHRASE', 'This export file is encrypted: enter its passphrase.');
    bytes = await openContainer(bytes, passphrase);
  }
  let files: Map<string, Buffer>;
  try {
    files = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw damaged(error.message);
    throw error;
  }
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw damaged('manifest.json is missing');
  const manifest = parseJson('manifest.json', manifestBytes);
  if (!isRecord(manifest) || manifest.format !== EXPORT_FORMAT) throw damaged('not a Sessionkeep export');
  const { formatVersion, schemaVersion } = manifest;
  if (typeof formatVersion !== 'number' || typeof schemaVersion !== 'number' || !isRecord(manifest.files)) {
    throw damaged('manifest.json is incomplete');
  }
  if (formatVersion > EXPORT_FORMAT_VERSION || schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new CoreError(
      'VAULT_FROM_NEWER_VERSION',
      'This export was made by a newer version of Sessionkeep. Update Sessionkeep to import it. Nothing was imported.',
    );
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const data = files.get(name);
    if (!data) throw damaged(`${name} is missing`);
    const sha256 = isRecord(expected) ? expected.sha256 : undefined;
    if (createHash('sha256').update(data).digest('hex') !== sha256) throw damaged(`${name} fails its SHA-256 check`);
  }

  const tables: Archive['tables'] = new Map();
  const counts = isRecord(manifest.counts) ? manifest.counts : {};
  for (const { table, since } of EXPORT_TABLES) {
    const name = tableFile(table);
    // A table the archive's schema did not have yet is absent; any other must be there.
    if (!(name in manifest.files)) {
      if (since <= schemaVersion) throw damaged(`${name} is missing`);
      continue;
    }
    const parsed = parseJson(name, files.get(name) as Buffer);
    if (!isRecord(parsed) || parsed.table !== table || !Array.isArray(parsed.columns) || !Array.isArray(parsed.rows)) {
      throw damaged(`${name} does not have the documented shape`);
    }
    const columns = parsed.columns as unknown[];
    if (!columns.every((column): column is string => typeof column === 'string')) throw damaged(`${name}: columns`);
    for (const row of parsed.rows as unknown[]) {
      const ok =
        isRecord(row) &&
        Object.entries(row).every(
          ([column, value]) =>
            columns.includes(column) && (value === null || typeof value === 'string' || Number.isFinite(value)),
        );
      if (!ok) throw damaged(`${name} has a malformed row`);
    }
    if (counts[table] !== parsed.rows.length) throw damaged(`${name} does not hold the rows the manifest counts`);
    tables.set(table, { columns, rows: parsed.rows as Row[] });
  }
  return { manifest: manifest as unknown as ExportManifest, tables };
}
