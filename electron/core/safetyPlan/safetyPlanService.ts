import { randomUUID } from 'node:crypto';
import {
  hasAnyStep,
  type SafetyPlanSteps,
  type SafetyPlanVersion,
  type SafetyPlanVersionRef,
  safetyPlanVersionSchema,
} from '../../../shared/safetyPlan/plan';
import { getClient } from '../clients/clientRepository';
import { CoreError } from '../coreError';
import {
  type BoundedRow,
  columnWords,
  type DamagedRow,
  labelOf,
  parseStoredJson,
  readBoundedRows,
  schemaProblem,
  shortLabel,
} from '../db/boundedRows';
import type { VaultDb } from '../db/database';
import { findNote } from '../notes/noteRepository';

/**
 * A client's safety plan as versioned records: each save adds the next version (the
 * table refuses changes and deletions), so what was agreed on each date stays readable.
 */

type SafetyPlanRow = {
  id: string;
  client_id: string;
  version: number;
  steps_json: string;
  note_id: string | null;
  created_at: string;
};

/** The most bytes each stored column may hold: 7 lists of 12 lines of 300 characters (3 bytes each), and JSON. */
const LIMITS: Record<keyof SafetyPlanRow, number> = {
  id: 108,
  client_id: 108,
  version: 30,
  steps_json: 90_000,
  note_id: 108,
  created_at: 120,
};

type Judged = { rowid: number; value: SafetyPlanVersion } | (DamagedRow & { value: null });

function judge(db: VaultDb, read: BoundedRow<SafetyPlanRow>): Judged {
  const damaged = (id: string, problem: string) => ({ rowid: read.rowid, id, problem, value: null });
  if (read.row === null) {
    return damaged(labelOf(db, 'safety_plans', 'id', read.rowid), `Its ${columnWords(read.tooLong)} is far too large.`);
  }
  const row = read.row;
  const steps = parseStoredJson(row.steps_json, columnWords('steps_json'));
  if ('problem' in steps) return damaged(shortLabel(row.id), steps.problem);
  const value = {
    id: row.id,
    clientId: row.client_id,
    version: row.version,
    steps: steps.value as SafetyPlanSteps,
    noteId: row.note_id,
    createdAt: row.created_at,
  };
  const problem = schemaProblem(safetyPlanVersionSchema, value);
  return problem
    ? damaged(shortLabel(row.id), `This safety plan cannot be read. ${problem}`)
    : { rowid: read.rowid, value };
}

const readPlans = (db: VaultDb, where: string, params: unknown[]) =>
  readBoundedRows<SafetyPlanRow>(db, 'safety_plans', LIMITS, where, params).map((read) => judge(db, read));

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A client's readable versions, oldest first (an imported one numbered as another sorts by its date). */
function versionsOf(db: VaultDb, clientId: string): SafetyPlanVersion[] {
  return readPlans(db, 'client_id = ?', [clientId])
    .flatMap((read) => (read.value === null ? [] : [read.value]))
    .sort((a, b) => a.version - b.version || byText(a.createdAt, b.createdAt));
}

const refOf = ({ id, version, noteId, createdAt }: SafetyPlanVersion): SafetyPlanVersionRef => ({
  id,
  version,
  noteId,
  createdAt,
});

/** The latest version in full, and every version (newest first) to open an earlier one. */
export function getSafetyPlan(
  db: VaultDb,
  clientId: string,
): { latest: SafetyPlanVersion | null; versions: SafetyPlanVersionRef[] } {
  getClient(db, clientId);
  const versions = versionsOf(db, clientId);
  return { latest: versions.at(-1) ?? null, versions: versions.map(refOf).reverse() };
}

export function getSafetyPlanVersion(db: VaultDb, clientId: string, id: string): SafetyPlanVersion {
  getClient(db, clientId);
  const [read] = readPlans(db, 'id = ? AND client_id = ?', [id, clientId]);
  if (!read) throw new CoreError('NOT_FOUND', 'That version of the safety plan does not exist.');
  if (read.value === null) {
    throw new CoreError(
      'RECORD_DAMAGED',
      `This version of the safety plan is damaged and cannot be shown. ${read.problem} It is listed under Settings → Data health.`,
    );
  }
  return read.value;
}

/**
 * A plan saved "in this note" must name a draft note of the same client: a signed note's
 * record is final, and another client's note is never where this client's plan was made.
 * The words say what to do instead, since the plan itself was not kept.
 */
function requireDraftNoteForPlan(db: VaultDb, noteId: string, clientId: string): void {
  let note: ReturnType<typeof findNote>;
  try {
    note = findNote(db, noteId);
  } catch (error) {
    if (error instanceof CoreError && error.code === 'NOT_FOUND') {
      throw new CoreError(
        'NOT_FOUND',
        'The safety plan was not saved: the note it was filled in from does not exist. Save it from the client’s page or from a draft note.',
        { field: 'noteId' },
      );
    }
    throw error;
  }
  if (note.clientId !== clientId) {
    throw new CoreError(
      'INVALID_REQUEST',
      'The safety plan was not saved: that note belongs to another client. A plan is saved in a note of the same client.',
      { field: 'noteId' },
    );
  }
  if (note.status === 'signed') {
    throw new CoreError(
      'NOTE_SIGNED',
      'The safety plan was not saved: that note is signed and can no longer change. Revise the plan in a draft note or from the client’s page.',
    );
  }
}

/** Saves the plan as the client's next version, dated now; an empty plan is refused. */
export function saveSafetyPlan(
  db: VaultDb,
  input: { clientId: string; steps: SafetyPlanSteps; noteId: string | null },
  now: Date,
): SafetyPlanVersion {
  if (!hasAnyStep(input.steps)) {
    throw new CoreError('INVALID_REQUEST', 'Write at least one line in the safety plan before saving it.', {
      field: 'steps',
    });
  }
  return db.transaction(() => {
    getClient(db, input.clientId);
    if (input.noteId) requireDraftNoteForPlan(db, input.noteId, input.clientId);
    // Numbered from every row, damaged ones too: a version number is never given twice.
    const last = db.prepare('SELECT max(version) FROM safety_plans WHERE client_id = ?').pluck().get(input.clientId) as
      | number
      | null;
    const id = randomUUID();
    db.prepare(
      `INSERT INTO safety_plans (id, client_id, version, steps_json, note_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, input.clientId, (last ?? 0) + 1, JSON.stringify(input.steps), input.noteId, now.toISOString());
    return getSafetyPlanVersion(db, input.clientId, id);
  })();
}

/** The latest readable version's date, for the risk flag. */
export function latestSafetyPlanDate(db: VaultDb, clientId: string): string | null {
  return versionsOf(db, clientId).at(-1)?.createdAt ?? null;
}

/** Safety plan versions the app cannot read (a client's only, when given), for Data health. */
export function damagedSafetyPlans(db: VaultDb, clientId?: string): DamagedRow[] {
  const [where, params]: [string, unknown[]] = clientId === undefined ? ['1', []] : ['client_id = ?', [clientId]];
  return readPlans(db, where, params).flatMap((read) =>
    read.value === null ? [{ rowid: read.rowid, id: read.id, problem: read.problem }] : [],
  );
}
