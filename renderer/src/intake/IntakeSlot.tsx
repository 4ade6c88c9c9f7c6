import { type ReactNode, useState } from 'react';
import { cautionActionLabel } from '../../../shared/intake/cautionAction';
import type { ClientIntake } from '../../../shared/ipc/contract';
import type { SlotField } from '../../../shared/templates/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { formatMoment } from '../homework/dates';
import { type NoteHomework, useNoteHomework } from '../homework/noteHomework';
import { useNoteLabels } from '../homework/useHomework';
import { changeParts } from './describe';
import { IntakeWorkspace } from './IntakeWorkspace';
import { SeverityLabel } from './Severity';
import { intakeChanged, useClientIntake } from './useIntake';
import './intake.css';

/**
 * What the section holds: in a draft, the client's current list with its cautions, to
 * update and act on during the session (every change recorded in this note); in a
 * signed note, only the record of what was done in it, read-only.
 */
export function IntakeSlotContent({ field }: { field: SlotField }) {
  const note = useNoteHomework();
  if (!note || field.slot !== 'intake') return null;
  return <IntakeInNote note={note} />;
}

function IntakeInNote({ note }: { note: NoteHomework }) {
  const { intake, error, patch } = useClientIntake(note.clientId);
  const noteLabel = useNoteLabels(note.clientId);
  if (error) return <Alert kind="error">{error}</Alert>;
  if (intake === null) return <p className="muted">Loading the client’s substances and medications…</p>;
  if (note.signed) return <RecordOfNote intake={intake} noteId={note.noteId} heading={false} />;
  return (
    <div className="intake-in-note">
      <IntakeWorkspace
        clientId={note.clientId}
        intake={intake}
        patch={patch}
        noteId={note.noteId}
        editable
        noteLabel={noteLabel}
        headingLevel={3}
        expanded={false}
      />
      <ReviewedButton clientId={note.clientId} noteId={note.noteId} />
      <RecordOfNote intake={intake} noteId={note.noteId} heading />
    </div>
  );
}

/** "Reviewed with the client": recorded in this note even when nothing on the list changed. */
function ReviewedButton({ clientId, noteId }: { clientId: string; noteId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function mark() {
    setBusy(true);
    setError(null);
    try {
      await call('intake:markReviewed', { clientId, noteId });
      intakeChanged(clientId);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="intake-reviewed">
      <button type="button" onClick={() => void mark()} disabled={busy}>
        {busy ? 'Recording…' : '✓ Reviewed with the client'}
      </button>
      <span className="hint">Records that you went through the list together, even if nothing changed.</span>
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}

type RecordLine = { at: string; key: string; content: ReactNode; plain: string };

/** Everything recorded in one note, oldest first: reviews, changes to the list and caution actions. */
function recordLines(intake: ClientIntake, noteId: string): RecordLine[] {
  const lines: RecordLine[] = [];
  intake.reviews
    .filter((review) => review.noteId === noteId)
    .forEach((review, index) => {
      lines.push({
        at: review.at,
        key: `review-${index}`,
        content: <strong>Reviewed the list with the client</strong>,
        plain: 'Reviewed the list with the client',
      });
    });
  for (const entry of intake.entries) {
    entry.history.forEach((change, index) => {
      if (change.noteId !== noteId) return;
      const { verb, text } = changeParts(entry, index);
      const detail = text ? (verb === 'Stopped' ? ` ${text}` : `: ${text}`) : '';
      lines.push({
        at: change.at,
        key: `change-${entry.id}-${index}`,
        content: (
          <>
            <strong>
              {verb} {change.fields.name}
            </strong>
            {detail}
          </>
        ),
        plain: `${verb} ${change.fields.name}${detail}`,
      });
    });
  }
  for (const action of intake.actions) {
    if (action.noteId !== noteId) continue;
    const label = cautionActionLabel(action.action);
    const reason = action.reason ? ` — “${action.reason}”` : '';
    const about = `${action.cautionTitle} (${action.involves.join(', ')})`;
    lines.push({
      at: action.at,
      key: `action-${action.id}`,
      content: (
        <>
          <strong>{label}</strong>
          {reason}: <SeverityLabel severity={action.severity} /> {about}
        </>
      ),
      plain: `${label}${reason}: ${about}`,
    });
  }
  return lines.sort((a, b) => a.at.localeCompare(b.at));
}

/** The record of this note: what was reviewed, changed and done about cautions in it. */
function RecordOfNote({ intake, noteId, heading }: { intake: ClientIntake; noteId: string; heading: boolean }) {
  const lines = recordLines(intake, noteId);
  const labelId = `intake-recorded-${noteId}`;
  if (lines.length === 0) {
    return heading ? null : <p className="muted">Nothing about substances or medications was recorded in this note.</p>;
  }
  return (
    <div className="intake-record">
      <p className={heading ? 'hw-sublabel' : 'visually-hidden'} id={labelId}>
        Recorded in this note
      </p>
      <ul className="recorded-list intake-record-list" aria-labelledby={labelId}>
        {lines.map((line) => (
          <li key={line.key} className="recorded-review">
            {line.content} <span className="muted small">· {formatMoment(line.at)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The intake record of one note for the printed note: plain text in the print layout's
 * own classes. Loads its own data; renders nothing when nothing was recorded in the note.
 */
export function IntakeRecordForNote({ noteId, clientId }: { noteId: string; clientId: string }) {
  const { intake, error } = useClientIntake(clientId);
  if (error) return <p className="print-text">Substances and medications: could not be read ({error}).</p>;
  if (intake === null) return null;
  return <IntakeRecordList noteId={noteId} intake={intake} />;
}

/** The same, from a client's intake already loaded (the print view loads it with the notes). */
export function IntakeRecordList({ noteId, intake }: { noteId: string; intake: ClientIntake }) {
  const lines = recordLines(intake, noteId);
  if (lines.length === 0) return null;
  const versions = [
    ...new Set(intake.actions.filter((action) => action.noteId === noteId).map((action) => action.kbVersion)),
  ];
  return (
    <section className="print-section intake-print">
      <h2>Substances and medications</h2>
      {lines.map((line) => (
        <div className="print-field" key={line.key}>
          <div className="print-text">
            {line.plain} <span className="print-when">({formatMoment(line.at)})</span>
          </div>
        </div>
      ))}
      {versions.length > 0 && (
        <p className="print-text intake-print-note">
          Cautions from the Sessionkeep caution knowledge base, version {versions.join(', ')}: information to discuss
          with the client’s prescriber or pharmacist; not medical advice.
        </p>
      )}
    </section>
  );
}
