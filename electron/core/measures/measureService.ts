import { randomUUID } from 'node:crypto';
import { localToday } from '../../../shared/dates';
import { scoreMeasure } from '../../../shared/measures';
import {
  type Administration,
  type AdministrationInput,
  administrationSchema,
} from '../../../shared/measures/administration';
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
import { requireDraftNoteOfClient } from '../notes/noteOfClient';

/**
 * Measures given in sessions: every item's answer is stored, and the total, band and
 * flags are scored here with the published scoring (shared/measures), never taken from
 * the caller. An incomplete or out-of-range measure is refused, naming the item.
 */

type AdministrationRow = {
  id: string;
  client_id: string;
  note_id: string | null;
  instrument: Administration['instrument'];
  answers_json: string;
  sex: 'female' | 'male' | null;
  given_on: string;
  total: number;
  band: string | null;
  positive: number | null;
  flags_json: string;
  created_at: string;
};

/** The most bytes each stored column may hold (3 a character): what the channel allows, ids and dates as written. */
const LIMITS: Record<keyof AdministrationRow, number> = {
  id: 108,
  client_id: 108,
  note_id: 108,
  instrument: 30,
  answers_json: 1_000,
  sex: 30,
  given_on: 30,
  total: 30,
  band: 600,
  positive: 30,
  flags_json: 16_000,
  created_at: 120,
};

type Judged = { rowid: number; value: Administration } | (DamagedRow & { value: null });

/** One stored administration within bounds, or what is wrong with it. */
function judge(db: VaultDb, read: BoundedRow<AdministrationRow>): Judged {
  const damaged = (id: string, problem: string) => ({ rowid: read.rowid, id, problem, value: null });
  if (read.row === null) {
    return damaged(
      labelOf(db, 'measure_administrations', 'id', read.rowid),
      `Its ${columnWords(read.tooLong)} is far too large.`,
    );
  }
  const row = read.row;
  const id = shortLabel(row.id);
  const answers = parseStoredJson(row.answers_json, columnWords('answers_json'));
  if ('problem' in answers) return damaged(id, answers.problem);
  const flags = parseStoredJson(row.flags_json, columnWords('flags_json'));
  if ('problem' in flags) return damaged(id, flags.problem);
  const administration: Administration = {
    id: row.id,
    clientId: row.client_id,
    noteId: row.note_id,
    instrument: row.instrument,
    answers: answers.value as number[],
    sex: row.sex,
    givenOn: row.given_on,
    total: row.total,
    band: row.band,
    positive: row.positive === null ? null : row.positive === 1,
    flags: flags.value as string[],
    createdAt: row.created_at,
  };
  const problem = schemaProblem(administrationSchema, administration);
  return problem
    ? damaged(id, `This measure cannot be read. ${problem}`)
    : { rowid: read.rowid, value: administration };
}

const readAdministrations = (db: VaultDb, where: string, params: unknown[]) =>
  readBoundedRows<AdministrationRow>(db, 'measure_administrations', LIMITS, where, params).map((read) =>
    judge(db, read),
  );

export function recordAdministration(db: VaultDb, input: AdministrationInput, now: Date): Administration {
  if (input.givenOn > localToday(now)) {
    throw new CoreError('INVALID_REQUEST', 'The date a measure was given cannot be in the future.', {
      field: 'administration.givenOn',
    });
  }
  let result: ReturnType<typeof scoreMeasure>;
  try {
    result = scoreMeasure(input.instrument, input.answers, input.sex ? { sex: input.sex } : {});
  } catch (error) {
    // scoreMeasure names the item and the problem ("PHQ-9 item 4 is missing…").
    throw new CoreError('INVALID_REQUEST', (error as Error).message, { field: 'administration.answers' });
  }
  return db.transaction(() => {
    getClient(db, input.clientId);
    if (input.noteId) requireDraftNoteOfClient(db, input.noteId, input.clientId);
    const id = randomUUID();
    db.prepare(
      `INSERT INTO measure_administrations (id, client_id, note_id, instrument, answers_json, sex, given_on, total,
         band, positive, flags_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.clientId,
      input.noteId,
      input.instrument,
      JSON.stringify(input.answers),
      input.sex,
      input.givenOn,
      result.total,
      result.band ?? null,
      result.positive === undefined ? null : result.positive ? 1 : 0,
      JSON.stringify(result.flags),
      now.toISOString(),
    );
    const [saved] = readAdministrations(db, 'id = ?', [id]);
    if (!saved?.value) throw new CoreError('INTERNAL');
    return saved.value;
  })();
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Oldest first, as a chart reads them (sorted here: see readBoundedRows). A damaged
 * administration is left out; damagedAdministrations counts it for the tab and Data
 * health lists it.
 */
export function listAdministrations(db: VaultDb, clientId: string): Administration[] {
  getClient(db, clientId);
  return readAdministrations(db, 'client_id = ?', [clientId])
    .flatMap((read) => (read.value === null ? [] : [{ rowid: read.rowid, value: read.value }]))
    .sort(
      (a, b) =>
        byText(a.value.givenOn, b.value.givenOn) || byText(a.value.createdAt, b.value.createdAt) || a.rowid - b.rowid,
    )
    .map((read) => read.value);
}

/** Administrations the app cannot read (a client's only, when given), for Data health and the measures tab. */
export function damagedAdministrations(db: VaultDb, clientId?: string): DamagedRow[] {
  const [where, params]: [string, unknown[]] = clientId === undefined ? ['1', []] : ['client_id = ?', [clientId]];
  return readAdministrations(db, where, params).flatMap((read) =>
    read.value === null ? [{ rowid: read.rowid, id: read.id, problem: read.problem }] : [],
  );
}
