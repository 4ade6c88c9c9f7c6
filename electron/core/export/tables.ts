/**
 * The tables an export carries, in an order where every parent comes before the rows
 * that reference it (so an import can insert them in this order with foreign keys on).
 *
 * Left out on purpose: `vault_meta` (facts about this vault file: its backup bookkeeping,
 * not clinical records) and `search_docs` / `search_index` (derived: the import rebuilds
 * the index entries for what it adds).
 *
 * `key` is the column a record is known by. `surrogate` marks tables whose integer id is
 * only a local sequence number (histories and the audit log): there a row is recognised
 * by its content, and if its id is taken in the target vault it is given a new one.
 * `owner` names the record a history row belongs to: rows under a record that is in
 * conflict are not added (they are reported as conflicts too).
 */
export type TableSpec = {
  table: string;
  key: string;
  surrogate?: true;
  owner?: { column: string; table: string };
  /** A second unique column (custom_distortions.label): taken by another id = conflict. */
  unique?: string;
};

export const EXPORT_TABLES = [
  { table: 'settings', key: 'key' },
  { table: 'clients', key: 'id' },
  { table: 'custom_templates', key: 'id' },
  { table: 'custom_distortions', key: 'id', unique: 'label' },
  { table: 'custom_worksheets', key: 'id' },
  { table: 'notes', key: 'id' },
  { table: 'note_revisions', key: 'id', surrogate: true, owner: { column: 'note_id', table: 'notes' } },
  { table: 'addenda', key: 'id', owner: { column: 'note_id', table: 'notes' } },
  { table: 'assignments', key: 'id' },
  {
    table: 'assignment_events',
    key: 'id',
    surrogate: true,
    owner: { column: 'assignment_id', table: 'assignments' },
  },
  { table: 'intake_entries', key: 'id' },
  { table: 'intake_events', key: 'id', surrogate: true, owner: { column: 'entry_id', table: 'intake_entries' } },
  { table: 'intake_context', key: 'client_id' },
  { table: 'intake_reviews', key: 'id', surrogate: true },
  { table: 'caution_actions', key: 'id' },
  { table: 'measure_administrations', key: 'id' },
  { table: 'audit_log', key: 'id', surrogate: true },
] as const satisfies readonly TableSpec[];

export type TableName = (typeof EXPORT_TABLES)[number]['table'];

export const tableFile = (table: string): string => `${table}.json`;

/** A stored row: STRICT tables hold only TEXT, INTEGER and NULL in this schema. */
export type Row = Record<string, string | number | null>;

/** The JSON shape of one table file. */
export type TableFile = { table: string; columns: string[]; rows: Row[] };
