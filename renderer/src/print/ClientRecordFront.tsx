import { type Client, clientLabel } from '../../../shared/clients/client';
import type { Assignment } from '../../../shared/homework/assignment';
import { describeFrequency } from '../../../shared/homework/stats';
import { isCurrent } from '../../../shared/intake/entry';
import type { ClientIntake } from '../../../shared/ipc/contract';
import { instrumentIds } from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';
import type { Note } from '../../../shared/notes/note';
import type { Settings } from '../../../shared/settings';
import { reviewText } from '../homework/AssignmentCard';
import { formatDay, formatMoment, today } from '../homework/dates';
import { actionText, changeText, detailPhrases, kindLabels, severityWords } from '../intake/describe';
import { chronological } from '../measures/history';
import { InstrumentHistory } from '../measures/MeasuresTab';

/**
 * The front of an exported client record (a records request or a transfer): who the
 * client is, what they take and what was done about each caution, the measures with
 * their charts, and the homework — then the notes follow in date order (PrintView).
 */
export function ClientRecordFront({
  client,
  settings,
  notes,
  intake,
  measures,
  homework,
  includePsychotherapy,
  noteLabel,
}: {
  client: Client;
  settings: Settings;
  notes: readonly Note[];
  intake: ClientIntake | null;
  measures: readonly Administration[];
  homework: readonly Assignment[];
  includePsychotherapy: boolean;
  noteLabel: (noteId: string) => string;
}) {
  const first = notes[0];
  const last = notes[notes.length - 1];
  return (
    <article className="print-note print-record" aria-label={`Client record of ${clientLabel(client)}`}>
      <header className="print-header">
        <div>
          {settings.practiceName.trim() !== '' && <div className="practice">{settings.practiceName}</div>}
          <h1>Client record</h1>
        </div>
        <dl className="print-facts">
          <dt>Client</dt>
          <dd>{clientLabel(client)}</dd>
          <dt>Exported</dt>
          <dd>{formatMoment(new Date().toISOString())}</dd>
          <dt>Notes</dt>
          <dd>
            {notes.length === 0
              ? 'none signed'
              : `${notes.length} signed, ${formatDay(first?.createdAt.slice(0, 10) ?? '')} to ${formatDay(last?.createdAt.slice(0, 10) ?? '')}`}
          </dd>
        </dl>
      </header>
      <p className="print-text">
        {includePsychotherapy
          ? 'Psychotherapy notes are included, as chosen when exporting.'
          : 'Psychotherapy notes are kept apart from the clinical record and are not included.'}{' '}
        Draft (unsigned) notes are not included.
      </p>

      <section className="print-section">
        <h2>Client details</h2>
        <dl className="print-details">
          {(
            [
              ['Name', client.displayName],
              ['Preferred name', client.preferredName],
              ['Pronouns', client.pronouns],
              ['Date of birth', client.dateOfBirth && formatDay(client.dateOfBirth)],
              ['Phone', client.phone],
              ['Email', client.email],
              [
                'Emergency contact',
                [client.emergencyContactName, client.emergencyContactPhone].filter(Boolean).join(', '),
              ],
              ['Diagnosis', [client.diagnosisCode, client.diagnosis].filter(Boolean).join(' — ')],
              ['Presenting concerns', client.presentingConcerns],
              ['Status', client.status === 'archived' ? 'Archived' : 'Active'],
            ] as const
          )
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>

      {intake && <IntakeRecord intake={intake} noteLabel={noteLabel} />}

      {measures.length > 0 && (
        <section className="print-section print-record-measures">
          <h2>Measures</h2>
          {instrumentIds
            .filter((instrument) => measures.some((each) => each.instrument === instrument))
            .map((instrument) => (
              <InstrumentHistory
                key={instrument}
                instrument={instrument}
                history={chronological(measures.filter((each) => each.instrument === instrument))}
                noteLabel={noteLabel}
              />
            ))}
        </section>
      )}

      {homework.length > 0 && (
        <section className="print-section">
          <h2>Homework</h2>
          {[...homework]
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((assignment) => (
              <div className="print-field" key={assignment.id}>
                <div className="print-label">
                  {assignment.title} · {describeFrequency(assignment.frequency)} · {formatDay(assignment.startDate)} to{' '}
                  {formatDay(assignment.dueDate)}
                  {assignment.target && ` · target: ${assignment.target}`}
                </div>
                <div className="print-text">
                  {assignment.history.map((event) => `${formatMoment(event.at)}: ${reviewText(event)}`).join('; ')}
                </div>
              </div>
            ))}
        </section>
      )}
    </article>
  );
}

/** What the client takes and took, every dated change, and what was done about each caution. */
function IntakeRecord({ intake, noteLabel }: { intake: ClientIntake; noteLabel: (noteId: string) => string }) {
  if (intake.entries.length === 0 && intake.actions.length === 0) return null;
  const day = today();
  return (
    <section className="print-section">
      <h2>Substances and medications</h2>
      {intake.entries.map((entry) => (
        <div className="print-field" key={entry.id}>
          <div className="print-label">
            {entry.fields.name} ({kindLabels[entry.fields.kind].toLocaleLowerCase()}
            {isCurrent(entry, day) ? ', current' : ', stopped'}) — {detailPhrases(entry.fields).join(', ')}
          </div>
          <div className="print-text">
            {entry.history.map((change, index) => (
              <div key={change.at + String(index)}>
                {formatMoment(change.at)}: {changeText(entry, index)}
                {change.noteId && ` (in the note: ${noteLabel(change.noteId)})`}
              </div>
            ))}
          </div>
        </div>
      ))}
      {intake.actions.length > 0 && (
        <>
          <h3>Cautions and what was done</h3>
          {intake.actions.map((action) => (
            <div className="print-field" key={action.id}>
              <div className="print-label">
                {severityWords[action.severity]}: {action.cautionTitle} ({action.involves.join(', ')})
              </div>
              <div className="print-text">
                {formatMoment(action.at)}: {actionText(action)}
                {action.noteId ? ` (in the note: ${noteLabel(action.noteId)})` : ' (on the client’s record)'}. Knowledge
                base {action.kbVersion}.
              </div>
            </div>
          ))}
          <p className="print-text">
            Cautions are information to discuss with the client’s prescriber or pharmacist, not medical advice.
          </p>
        </>
      )}
    </section>
  );
}
