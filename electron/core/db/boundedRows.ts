import type { z } from 'zod';
import { jsonDepth } from '../notes/noteRepository';
import type { VaultDb } from './database';

/**
 * Rows read within bounds (issue 11), the clients' two-step read made general for the
 * record tables (homework, intake, measures): first only each column's size in bytes,
 * which SQLite knows from the record header (octet_length reads no overflow page), then
 * the rows within bounds whole, by rowid. A row over a limit is never read; it comes
 * back named by its too-long column. Rows come in rowid order: sorting in SQL on a
 * column stored after a huge value would walk that value's overflow chain, so callers
 * sort the readable rows in JS.
 *
 * Table and column names are constants of the caller, never input.
 */

/** The most bytes each column read may hold: 3 bytes a character covers any UTF-8 text. */
export type ColumnLimits = Readonly<Record<string, number>>;

export type BoundedRow<Row> =
  | { rowid: number; row: Row; tooLong: null }
  | { rowid: number; row: null; tooLong: string };

export function readBoundedRows<Row>(
  db: VaultDb,
  table: string,
  limits: ColumnLimits,
  where: string,
  params: readonly unknown[],
): BoundedRow<Row>[] {
  const columns = Object.keys(limits);
  const tooLong = columns.map((column) => `WHEN octet_length(${column}) > ${limits[column]} THEN '${column}'`);
  const sizes = db
    .prepare(
      `SELECT rowid AS row_id, CASE ${tooLong.join(' ')} END AS too_long FROM ${table} WHERE ${where} ORDER BY rowid`,
    )
    .all(...params) as { row_id: number; too_long: string | null }[];
  const byRowid = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE rowid = ?`);
  return sizes.map((size) =>
    size.too_long === null
      ? { rowid: size.row_id, row: byRowid.get(size.row_id) as Row, tooLong: null }
      : { rowid: size.row_id, row: null, tooLong: size.too_long },
  );
}

/** How deep stored JSON may nest before it is judged: far deeper than anything the app writes. */
const STORED_JSON_MAX_DEPTH = 120;

/**
 * Stored JSON text parsed, then judged for depth iteratively before any schema walks it
 * (a schema recurses: 20,000 levels would overflow the stack). The problem names `what`
 * (see columnWords).
 */
export function parseStoredJson(text: string, what: string): { value: unknown } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `Its ${what} is not valid JSON.` };
  }
  const depth = jsonDepth(value, STORED_JSON_MAX_DEPTH);
  if (depth > STORED_JSON_MAX_DEPTH) return { problem: `Its ${what} nests ${depth.toLocaleString('en')} levels deep.` };
  return { value };
}

/** A schema's first complaint about a stored record, as the therapist reads it. */
export function schemaProblem(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(' › ') || 'record';
  if (/(^|›\s)(id|[a-z]+Id)$/.test(field) && issue?.code === 'invalid_format') return `Its ${field} is not a UUID.`;
  return `Its ${field} cannot be read: ${(issue?.message ?? 'wrong type').replace(/\.$/, '')}.`;
}

/** A column's name as words ("instructions_json" → "instructions field"), singular whatever the name. */
export const columnWords = (column: string) => `${column.replace(/_json$/, '').replaceAll('_', ' ')} field`;

/** A damaged row, for Data health and the tab's count: its rowid, id or key (cut short) and what is wrong. */
export type DamagedRow = { rowid: number; id: string; problem: string };

export const shortLabel = (id: unknown) => (typeof id === 'string' ? id.slice(0, 40) : String(id ?? ''));

/** The id of a row whose content was not read (it was too long), cut short in SQL. */
export function labelOf(db: VaultDb, table: string, column: string, rowid: number): string {
  return shortLabel(db.prepare(`SELECT substr(${column}, 1, 40) FROM ${table} WHERE rowid = ?`).pluck().get(rowid));
}
