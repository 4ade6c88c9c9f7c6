import { useState } from 'react';
import type { Assignment, AssignmentEvent } from '../../../shared/homework/assignment';
import { openAssignments, reviewsInNote } from '../../../shared/homework/stats';
import type { SlotField } from '../../../shared/templates/types';
import { Alert } from '../components/Alert';
import { AssignForm } from './AssignForm';
import { AssignmentCard, reviewText, sameWords } from './AssignmentCard';
import { formatMoment, today } from './dates';
import { type NoteHomework, useNoteHomework } from './noteHomework';
import { ReviewControls } from './ReviewControls';
import { useAssignments, useNoteLabels, useWorksheets, useWorksheetTitle } from './useHomework';
import './homework.css';

/** The two slots of a note this feature fills. */
export function isHomeworkSlot(field: SlotField): boolean {
  return field.slot === 'homeworkReview' || field.slot === 'newHomework';
}

/** What the slot holds: live controls in a draft, the record of this note once signed. */
export function HomeworkSlotContent({ field }: { field: SlotField }) {
  const note = useNoteHomework();
  if (!note || !isHomeworkSlot(field)) return null;
  return (
    <div className="hw-content">
      {field.slot === 'homeworkReview' ? <HomeworkReview note={note} /> : <NewHomework note={note} />}
    </div>
  );
}

function useSlotData(clientId: string) {
  const { assignments, error } = useAssignments(clientId);
  const { worksheets } = useWorksheets();
  return { assignments, error, worksheetTitle: useWorksheetTitle(worksheets), noteLabel: useNoteLabels(clientId) };
}

/** A review recorded in this note, as text, with a way to change it while the note is a draft. */
function RecordedReview({
  assignment,
  event,
  worksheetTitle,
  noteId,
  editable,
}: {
  assignment: Assignment;
  event: AssignmentEvent;
  worksheetTitle: string;
  noteId: string;
  editable: boolean;
}) {
  const [changing, setChanging] = useState(false);
  return (
    <li className="recorded-review">
      <div className="recorded-line">
        <span>
          <strong>{assignment.title}</strong>
          {!sameWords(worksheetTitle, assignment.title) && <span className="muted"> ({worksheetTitle})</span>}:{' '}
          <span className="recorded-outcome">{reviewText(event)}</span>
          <span className="muted small"> · {formatMoment(event.at)}</span>
        </span>
        {editable && !changing && (
          <button type="button" className="small-button" onClick={() => setChanging(true)}>
            Change<span className="visually-hidden"> the review of “{assignment.title}”</span>
          </button>
        )}
      </div>
      {changing && (
        <ReviewControls
          assignment={assignment}
          noteId={noteId}
          onCancel={() => setChanging(false)}
          onRecorded={() => setChanging(false)}
        />
      )}
    </li>
  );
}

/**
 * The homework review: the client's open assignments (overdue ones included, however
 * old), each with its review controls; what was reviewed here stays listed as recorded.
 * Assignments made in this very note are for next time and are not listed.
 */
function HomeworkReview({ note }: { note: NoteHomework }) {
  const { assignments, error, worksheetTitle, noteLabel } = useSlotData(note.clientId);
  const day = today();
  if (error) return <Alert kind="error">{error}</Alert>;
  if (assignments === null) return <p className="muted">Loading the client’s homework…</p>;

  // In the order they were recorded.
  const recorded = reviewsInNote(assignments, note.noteId).sort((a, b) => a.event.at.localeCompare(b.event.at));
  const recordedIds = new Set(recorded.map(({ assignment }) => assignment.id));
  const toReview = note.signed
    ? []
    : openAssignments(assignments, day).filter(
        (assignment) => assignment.noteId !== note.noteId && !recordedIds.has(assignment.id),
      );

  if (note.signed) {
    return recorded.length === 0 ? (
      <p className="muted">No homework was reviewed in this note.</p>
    ) : (
      <ul className="recorded-list" aria-label="Homework reviewed in this note">
        {recorded.map(({ assignment, event }) => (
          <RecordedReview
            key={assignment.id}
            assignment={assignment}
            event={event}
            worksheetTitle={worksheetTitle(assignment.worksheetId)}
            noteId={note.noteId}
            editable={false}
          />
        ))}
      </ul>
    );
  }

  return (
    <>
      {toReview.length > 0 ? (
        <>
          <p className="hint">
            The client’s open homework, the longest due first. Each review is recorded on the assignment and in this
            note.
          </p>
          <ul className="assignment-list" aria-label="Homework to review">
            {toReview.map((assignment) => (
              <li key={assignment.id}>
                <AssignmentCard
                  assignment={assignment}
                  worksheetTitle={worksheetTitle(assignment.worksheetId)}
                  today={day}
                  headingLevel={3}
                >
                  <p className="muted small">
                    {assignment.noteId
                      ? `Assigned in the note: ${noteLabel(assignment.noteId)}`
                      : `Assigned on the client’s page, ${formatMoment(assignment.createdAt)}`}
                  </p>
                  <ReviewControls assignment={assignment} noteId={note.noteId} />
                </AssignmentCard>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">
          {recorded.length === 0 ? 'No open homework to review.' : 'All open homework is reviewed.'}
        </p>
      )}
      {recorded.length > 0 && (
        <>
          <p className="hw-sublabel" id={`reviewed-${note.noteId}`}>
            Reviewed in this note
          </p>
          <ul className="recorded-list" aria-labelledby={`reviewed-${note.noteId}`}>
            {recorded.map(({ assignment, event }) => (
              <RecordedReview
                key={assignment.id}
                assignment={assignment}
                event={event}
                worksheetTitle={worksheetTitle(assignment.worksheetId)}
                noteId={note.noteId}
                editable
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** New homework: what was assigned in this note, and assigning more while it is a draft. */
function NewHomework({ note }: { note: NoteHomework }) {
  const { assignments, error, worksheetTitle } = useSlotData(note.clientId);
  const [assigning, setAssigning] = useState(false);
  const day = today();
  if (error) return <Alert kind="error">{error}</Alert>;
  if (assignments === null) return <p className="muted">Loading the client’s homework…</p>;

  const here = assignments
    .filter((assignment) => assignment.noteId === note.noteId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <>
      {here.length === 0 ? (
        <p className="muted">{note.signed ? 'No homework was assigned in this note.' : 'Nothing assigned yet.'}</p>
      ) : (
        <ul className="assignment-list" aria-label="Homework assigned in this note">
          {here.map((assignment) => (
            <li key={assignment.id}>
              <AssignmentCard
                assignment={assignment}
                worksheetTitle={worksheetTitle(assignment.worksheetId)}
                today={day}
                headingLevel={3}
                showStatus={!note.signed}
              >
                {!note.signed && (
                  <div className="assignment-foot end">
                    <button type="button" className="small-button" onClick={() => note.onPrintSheets([assignment.id])}>
                      Print sheet<span className="visually-hidden"> for “{assignment.title}”</span>
                    </button>
                  </div>
                )}
              </AssignmentCard>
            </li>
          ))}
        </ul>
      )}
      {!note.signed && (
        <div className="actions hw-slot-actions">
          {here.length > 1 && (
            <button type="button" onClick={() => note.onPrintSheets(here.map((assignment) => assignment.id))}>
              Print all {here.length} sheets
            </button>
          )}
          <button type="button" onClick={() => setAssigning(true)}>
            + Assign homework
          </button>
        </div>
      )}
      {assigning && (
        <AssignForm
          clientId={note.clientId}
          noteId={note.noteId}
          onClose={() => setAssigning(false)}
          onAssigned={() => setAssigning(false)}
        />
      )}
    </>
  );
}
