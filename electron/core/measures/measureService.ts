import { randomUUID } from 'node:crypto';
import { localToday } from '../../../shared/dates';
import { scoreMeasure } from '../../../shared/measures';
import type { Administration, AdministrationInput } from '../../../shared/measures/administration';
import { getClient } from '../clients/clientRepository';
import { CoreError } from '../coreError';
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

const administrationOf = (row: AdministrationRow): Administration => ({
  id: row.id,
  clientId: row.client_id,
  noteId: row.note_id,
  instrument: row.instrument,
  answers: JSON.parse(row.answers_json) as number[],
  sex: row.sex,
  givenOn: row.given_on,
  total: row.total,
  band: row.band,
  positive: row.positive === null ? null : row.positive === 1,
  flags: JSON.parse(row.flags_json) as string[],
  createdAt: row.created_at,
});

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
    return administrationOf(
      db.prepare('SELECT * FROM measure_administrations WHERE id = ?').get(id) as AdministrationRow,
    );
  })();
}

/** Oldest first, as a chart reads them. */
export function listAdministrations(db: VaultDb, clientId: string): Administration[] {
  getClient(db, clientId);
  const rows = db
    .prepare('SELECT * FROM measure_administrations WHERE client_id = ? ORDER BY given_on, created_at, rowid')
    .all(clientId) as AdministrationRow[];
  return rows.map(administrationOf);
}
