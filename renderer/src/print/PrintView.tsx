import { useEffect, useState } from 'react';
import { type Client, clientLabel } from '../../../shared/clients/client';
import type { Assignment } from '../../../shared/homework/assignment';
import { describeFrequency, reviewsInNote, STATUS_LABELS } from '../../../shared/homework/stats';
import type { ClientIntake } from '../../../shared/ipc/contract';
import type { PrintJob } from '../../../shared/ipc/shellChannels';
import type { Administration } from '../../../shared/measures/administration';
import type { Note } from '../../../shared/notes/note';
import type { Settings } from '../../../shared/settings';
import type { NoteValues, RichTextDoc } from '../../../shared/templates/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { IntakeRecordList } from '../intake/IntakeSlot';
import { MeasuresRecordList } from '../measures/MeasuresSlot';
import { RichTextView } from '../notes/RichTextView';
import { PrintedSafetyPlanLine } from '../safetyPlan/NoteSafetyPlan';
import { useDistortions } from '../templates/distortionList';
import { ClientRecordFront } from './ClientRecordFront';
import { PrintActions } from './PrintActions';
import { PrintedNoteBody } from './PrintedNoteBody';
import { usePrintPageHeader } from './pageHeader';
import './print.css';

export type PrintRequest = {
  clientId: string;
  /** One note, or every signed note of the client in a date range. */
  noteId?: string;
  from?: string;
  to?: string;
  /** Psychotherapy (process) notes are left out unless the therapist includes them. */
  includePsychotherapy: boolean;
  /**
   * The whole client record (for a records request or a transfer): client details,
   * intake and cautions, measures with charts and homework before the notes.
   */
  wholeRecord?: boolean;
};

function when(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

/** Born on a calendar day: written long, read as local (no time-zone shift). */
function birthDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'long' });
}

/** Whose record a loose page belongs to, at the top of every page. */
function pageHeaderText(client: Client): string {
  return client.dateOfBirth ? `${clientLabel(client)} · born ${birthDate(client.dateOfBirth)}` : clientLabel(client);
}

async function loadNotes(request: PrintRequest): Promise<Note[]> {
  if (request.noteId) return [await call('notes:get', { id: request.noteId })];
  const summaries = await call('notes:listForClient', { clientId: request.clientId });
  const chosen = summaries.filter(
    (note) =>
      note.status === 'signed' &&
      (request.includePsychotherapy || note.noteKind === 'progress') &&
      (!request.from || note.createdAt.slice(0, 10) >= request.from) &&
      (!request.to || note.createdAt.slice(0, 10) <= request.to),
  );
  const notes = await Promise.all(chosen.map((note) => call('notes:get', { id: note.id })));
  return notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** What the activity log and the PDF's name call this printout. */
function printKind(request: PrintRequest): PrintJob['kind'] {
  if (request.wholeRecord) return 'record';
  return request.noteId ? 'note' : 'notes';
}

/**
 * The print view: what a printout or a PDF of notes looks like, shown first as a
 * preview. Printed with the system's print dialog, or saved as a PDF (PrintActions).
 */
export function PrintView({ request, onBack }: { request: PrintRequest; onBack: () => void }) {
  const [client, setClient] = useState<Client | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [homework, setHomework] = useState<Assignment[]>([]);
  const [intake, setIntake] = useState<ClientIntake | null>(null);
  const [measures, setMeasures] = useState<Administration[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Burns' ten and the therapist's own, so every chip prints by its name.
  const distortions = useDistortions();
  const distortionLabels = Object.fromEntries(distortions.map((each) => [each.id, each.label]));
  usePrintPageHeader(client ? pageHeaderText(client) : null);

  useEffect(() => {
    let current = true;
    Promise.all([
      call('clients:get', { id: request.clientId }),
      call('settings:get', {}),
      loadNotes(request),
      call('homework:listForClient', { clientId: request.clientId }),
      call('intake:listForClient', { clientId: request.clientId }),
      call('measures:listForClient', { clientId: request.clientId }),
    ]).then(
      ([loadedClient, loadedSettings, loadedNotes, loadedHomework, loadedIntake, loadedMeasures]) => {
        if (!current) return;
        setHomework(loadedHomework);
        setIntake(loadedIntake);
        setMeasures(loadedMeasures);
        setClient(loadedClient);
        setSettings(loadedSettings);
        setNotes(loadedNotes);
      },
      (failure) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [request]);

  return (
    <main className="print-view">
      <div className="print-toolbar no-print">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <span className="muted">
          {notes ? `${notes.length} note${notes.length === 1 ? '' : 's'}` : 'Preparing…'}
          {!request.includePsychotherapy && ' · psychotherapy notes left out'}
        </span>
        <PrintActions
          job={notes ? { kind: printKind(request), clientId: request.clientId, count: notes.length } : null}
          disabled={!notes || (notes.length === 0 && !request.wholeRecord)}
        />
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {notes?.length === 0 && (
        <p className="muted no-print">
          {request.wholeRecord
            ? 'This client has no signed notes yet; the record has everything else.'
            : 'No signed notes to print for this choice.'}
        </p>
      )}
      {request.wholeRecord && client && settings && notes && (
        <ClientRecordFront
          client={client}
          settings={settings}
          notes={notes}
          intake={intake}
          measures={measures}
          homework={homework}
          includePsychotherapy={request.includePsychotherapy}
          noteLabel={(noteId) => {
            const note = notes.find((each) => each.id === noteId);
            return note ? `${note.templateName}, ${when(note.createdAt)}` : 'a note not included (draft)';
          }}
        />
      )}
      {client &&
        settings &&
        notes?.map((note) => (
          <article className="print-note" key={note.id} aria-label={`${note.templateName}, ${when(note.createdAt)}`}>
            <header className="print-header">
              <div>
                {settings.practiceName.trim() !== '' && <div className="practice">{settings.practiceName}</div>}
                <h1>{note.templateName}</h1>
              </div>
              <dl className="print-facts">
                <dt>Client</dt>
                <dd>{clientLabel(client)}</dd>
                {client.dateOfBirth && (
                  <>
                    <dt>Date of birth</dt>
                    <dd>{birthDate(client.dateOfBirth)}</dd>
                  </>
                )}
                <dt>Note date</dt>
                <dd>{when(note.createdAt)}</dd>
                {note.sessionNumber !== null && (
                  <>
                    <dt>Session</dt>
                    <dd>{note.sessionNumber}</dd>
                  </>
                )}
              </dl>
            </header>
            {note.noteKind === 'psychotherapy' && (
              <p className="print-banner">Psychotherapy note — kept apart from the clinical record.</p>
            )}
            {note.status === 'draft' && <p className="print-banner">DRAFT — not signed</p>}
            <PrintedNoteBody
              template={note.template}
              values={note.values as NoteValues}
              distortionLabels={distortionLabels}
            />
            <MeasuresRecordList noteId={note.id} administrations={measures} />
            {intake && <IntakeRecordList noteId={note.id} intake={intake} />}
            <NoteHomework noteId={note.id} homework={homework} />
            <PrintedSafetyPlanLine noteId={note.id} clientId={note.clientId} />
            <footer className="print-signature">
              {note.status === 'signed' ? (
                <>
                  <p>
                    Electronically signed by <strong>{note.signedBy}</strong> on {when(note.signedAt)}.
                  </p>
                  <p className="hash">Content fingerprint (SHA-256): {note.contentHash}</p>
                </>
              ) : (
                <p>Not signed.</p>
              )}
            </footer>
            {note.addenda.length > 0 && (
              <section className="print-section print-addenda">
                <h2>Addenda</h2>
                {note.addenda.map((addendum) => (
                  <div className="print-addendum" key={addendum.id}>
                    <div className="print-label">
                      Addendum, {when(addendum.createdAt)} — signed by {addendum.signedBy}
                    </div>
                    <RichTextView doc={addendum.text as RichTextDoc} className="print-rich" />
                  </div>
                ))}
              </section>
            )}
          </article>
        ))}
    </main>
  );
}

/** The homework sections of a note: what was reviewed in that session and what was assigned in it. */
function NoteHomework({ noteId, homework }: { noteId: string; homework: readonly Assignment[] }) {
  const reviewed = reviewsInNote(homework, noteId);
  const assigned = homework.filter((assignment) => assignment.noteId === noteId);
  if (reviewed.length === 0 && assigned.length === 0) return null;
  return (
    <section className="print-section">
      <h2>Homework</h2>
      {reviewed.map(({ assignment, event }) => (
        <div className="print-field" key={`reviewed-${assignment.id}`}>
          <div className="print-label">Reviewed: {assignment.title}</div>
          <div className="print-text">
            {STATUS_LABELS[event.status]}
            {event.amount && ` — ${event.amount}`}
            {event.barrier && ` — “${event.barrier}”`}
            {event.learned && ` — learned or noticed: “${event.learned}”`}
          </div>
        </div>
      ))}
      {assigned.map((assignment) => (
        <div className="print-field" key={`assigned-${assignment.id}`}>
          <div className="print-label">Assigned: {assignment.title}</div>
          <div className="print-text">
            {describeFrequency(assignment.frequency)}
            {assignment.target && ` · target ${assignment.target}`} · review on {assignment.dueDate}
          </div>
        </div>
      ))}
    </section>
  );
}
