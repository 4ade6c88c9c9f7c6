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
  /** The schema version (migration) that created the table: older archives do not have it. */
  since: number;
  key: string;
  surrogate?: true;
  owner?: { column: string; table: string };
  /** A second unique column (custom_distortions.label): taken by another id = conflict. */
  unique?: string;
};

export const EXPORT_TABLES = [
  { table: 'settings', since: 1, key: 'key' },
  { table: 'clients', since: 1, key: 'id' },
  { table: 'custom_templates', since: 2, key: 'id' },
  { table: 'custom_distortions', since: 2, key: 'id', unique: 'label' },
  { table: 'custom_worksheets', since: 3, key: 'id' },
  { table: 'notes', since: 2, key: 'id' },
  { table: 'note_revisions', since: 2, key: 'id', surrogate: true, owner: { column: 'note_id', table: 'notes' } },
  { table: 'addenda', since: 2, key: 'id', owner: { column: 'note_id', table: 'notes' } },
  { table: 'assignments', since: 3, key: 'id' },
  {
    table: 'assignment_events',
    since: 3,
    key: 'id',
    surrogate: true,
    owner: { column: 'assignment_id', table: 'assignments' },
  },
  { table: 'intake_entries', since: 4, key: 'id' },
  {
    table: 'intake_events',
    since: 4,
    key: 'id',
    surrogate: true,
    owner: { column: 'entry_id', table: 'intake_entries' },
  },
  { table: 'intake_context', since: 4, key: 'client_id' },
  { table: 'intake_reviews', since: 4, key: 'id', surrogate: true },
  { table: 'caution_actions', since: 4, key: 'id' },
  { table: 'measure_administrations', since: 4, key: 'id' },
  { table: 'safety_plans', since: 9, key: 'id' },
  { table: 'audit_log', since: 5, key: 'id', surrogate: true },
] as const satisfies readonly TableSpec[];

export type TableName = (typeof EXPORT_TABLES)[number]['table'];

export const tableFile = (table: string): string => `${table}.json`;

/** A stored row: STRICT tables hold only TEXT, INTEGER and NULL in this schema. */
export type Row = Record<string, string | number | null>;

/** The JSON shape of one table file. */
export type TableFile = { table: string; columns: string[]; rows: Row[] };

/**
 * The tables an import adds rows to. Settings are offered one by one (importSettings.ts)
 * and the activity log is never imported: it records what happened in this vault, and
 * rows from a file could forge that (issue 11). The import itself is logged.
 */
export const IMPORTED_TABLES = EXPORT_TABLES.filter(
  (spec): spec is Exclude<(typeof EXPORT_TABLES)[number], { table: 'settings' | 'audit_log' }> =>
    spec.table !== 'settings' && spec.table !== 'audit_log',
);
