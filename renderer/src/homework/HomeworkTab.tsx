import { useId, useState } from 'react';
import type { Assignment } from '../../../shared/homework/assignment';
import { defaultCopies, MAX_COPIES, MIN_COPIES } from '../../../shared/homework/copies';
import { describeFrequency, isOpen, openAssignments } from '../../../shared/homework/stats';
import { Alert } from '../components/Alert';
import { DamagedRowsNotice } from '../components/DamagedRowsNotice';
import type { SheetRequest } from '../worksheets/sheetRequest';
import { AssignForm } from './AssignForm';
import { AssignmentCard, AssignmentHistory } from './AssignmentCard';
import { CommonBarriers, CompletionCharts, WhatWasLearned } from './CompletionCharts';
import { formatDay, formatMoment, today } from './dates';
import { ReviewControls } from './ReviewControls';
import { useAssignments, useNoteLabels, useWorksheets, useWorksheetTitle } from './useHomework';
import './homework.css';
import './review.css';

/** Where a damaged assignment shows up: the tab's notice counts both. */
const DAMAGED_TABLES = ['assignments', 'assignment_events'] as const;

type Props = {
  clientId: string;
  archived: boolean;
  onOpenNote: (noteId: string) => void;
  /** Opens the printable client sheets; without it the print buttons are not offered. */
  onPrintSheets?: ((request: SheetRequest) => void) | undefined;
};

/** The copies field's words: whole numbers 1 to 31, or what is wrong. */
function copiesProblem(text: string): string | null {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < MIN_COPIES || value > MAX_COPIES) {
    return `Print ${MIN_COPIES} to ${MAX_COPIES} copies.`;
  }
  return null;
}

/**
 * Which assignments to print as one batch of client sheets, and how many copies of each
 * (issue 12): an "Every day" sheet starts at one a day up to the review, each printed
 * with its day and date. The open ones are ticked to start.
 */
function SheetsChoice({
  assignments,
  worksheetTitle,
  onPrint,
  onCancel,
}: {
  assignments: Assignment[];
  worksheetTitle: (id: string) => string;
  onPrint: (ids: string[], copies: Record<string, number>) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(assignments.filter(isOpen).map((assignment) => assignment.id)),
  );
  const [copies, setCopies] = useState<Record<string, string>>(() =>
    Object.fromEntries(assignments.map((assignment) => [assignment.id, String(defaultCopies(assignment))])),
  );
  const [showProblems, setShowProblems] = useState(false);
  const copiesOf = (assignmentId: string) => copies[assignmentId] ?? '1';
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // In the order listed, whatever order they were ticked in.
  const ids = assignments.filter((assignment) => chosen.has(assignment.id)).map((assignment) => assignment.id);
  const wrong = ids.filter((each) => copiesProblem(copiesOf(each)) !== null);
  // Copies are sheets: the button counts what will come out of the printer.
  const sheets = wrong.length > 0 ? ids.length : ids.reduce((sum, each) => sum + Number(copiesOf(each)), 0);
  return (
    <form
      className="print-choice sheets-choice"
      aria-label="Print client sheets"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (wrong.length > 0) {
          setShowProblems(true);
          document.getElementById(`${id}-copies-${wrong[0]}`)?.focus();
          return;
        }
        if (ids.length > 0) onPrint(ids, Object.fromEntries(ids.map((each) => [each, Number(copiesOf(each))])));
      }}
    >
      <fieldset>
        <legend>Choose the assignments to print as client sheets</legend>
        <ul className="sheets-list">
          {assignments.map((assignment) => {
            const copiesId = `${id}-copies-${assignment.id}`;
            const problem = showProblems && chosen.has(assignment.id) ? copiesProblem(copiesOf(assignment.id)) : null;
            return (
              <li key={assignment.id} className="sheets-choice-row">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.has(assignment.id)}
                    onChange={(event) => toggle(assignment.id, event.target.checked)}
                  />
                  <span>
                    {assignment.title}{' '}
                    <span className="muted">
                      — {worksheetTitle(assignment.worksheetId)} · {describeFrequency(assignment.frequency)} · review on{' '}
                      {formatDay(assignment.dueDate)}
                    </span>
                  </span>
                </label>
                <span className="sheets-copies">
                  <label htmlFor={copiesId}>
                    {assignment.frequency.kind === 'daily' ? 'Days' : 'Copies'}
                    <span className="visually-hidden"> of “{assignment.title}”</span>
                  </label>
                  <input
                    id={copiesId}
                    type="number"
                    inputMode="numeric"
                    min={MIN_COPIES}
                    max={MAX_COPIES}
                    step={1}
                    value={copiesOf(assignment.id)}
                    disabled={!chosen.has(assignment.id)}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${copiesId}-error` : undefined}
                    onChange={(event) => setCopies((current) => ({ ...current, [assignment.id]: event.target.value }))}
                  />
                  {problem && (
                    <span id={`${copiesId}-error`} className="field-error">
                      {problem}
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
        {assignments.some((assignment) => assignment.frequency.kind === 'daily') && (
          <p className="hint">
            Every-day homework prints one sheet a day up to the review, each with its day and date.
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={ids.length === 0}>
          {sheets === 1 ? 'Print 1 sheet' : `Print ${sheets} sheets`}
        </button>
      </div>
    </form>
  );
}

/**
 * The client's homework: what is open (overdue ones marked, never dropped from view
 * until reviewed), what was reviewed, completion over time, the common barriers and
 * what the client learned or noticed,
 * and assigning, reviewing and printing client sheets.
 */
export function HomeworkTab({ clientId, archived, onOpenNote, onPrintSheets }: Props) {
  const { assignments, error } = useAssignments(clientId);
  const { worksheets } = useWorksheets();
  const worksheetTitle = useWorksheetTitle(worksheets);
  const noteLabel = useNoteLabels(clientId);
  const [assigning, setAssigning] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [choosingSheets, setChoosingSheets] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const day = today();
  const list = assignments ?? [];
  const open = openAssignments(list, day);
  // Past: the most recently reviewed first.
  const past = list.filter((assignment) => !isOpen(assignment)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const print = (ids: string[], copies?: Record<string, number>) =>
    onPrintSheets?.({ kind: 'assignments', clientId, assignmentIds: ids, ...(copies ? { copies } : {}) });

  function origin(assignment: Assignment) {
    return assignment.noteId ? (
      <button type="button" className="link" onClick={() => assignment.noteId && onOpenNote(assignment.noteId)}>
        Assigned in the note: {noteLabel(assignment.noteId)}
      </button>
    ) : (
      <span className="muted">Assigned here on {formatMoment(assignment.createdAt)}</span>
    );
  }

  function printButton(assignment: Assignment) {
    return (
      onPrintSheets && (
        <button type="button" className="small-button" onClick={() => print([assignment.id])}>
          Print<span className="visually-hidden"> “{assignment.title}”</span>
        </button>
      )
    );
  }

  function reviewControls(assignment: Assignment) {
    return (
      reviewing === assignment.id && (
        <ReviewControls
          assignment={assignment}
          noteId={null}
          onCancel={() => setReviewing(null)}
          onRecorded={(updated) => {
            setReviewing(null);
            setNotice(`The review of “${updated.title}” is recorded.`);
          }}
        />
      )
    );
  }

  /** One assignment in the current or past list: open ones are reviewed, past ones can be re-reviewed. */
  function card(assignment: Assignment, list: 'current' | 'past') {
    return (
      <li key={assignment.id}>
        <AssignmentCard
          assignment={assignment}
          worksheetTitle={worksheetTitle(assignment.worksheetId)}
          today={day}
          headingLevel={4}
        >
          <div className="assignment-foot">
            {origin(assignment)}
            <div className="actions">
              {reviewing !== assignment.id && !archived && (
                <button type="button" className="small-button" onClick={() => setReviewing(assignment.id)}>
                  {list === 'current' ? 'Review' : 'Change review'}
                  <span className="visually-hidden">
                    {list === 'current' ? ` “${assignment.title}”` : ` of “${assignment.title}”`}
                  </span>
                </button>
              )}
              {printButton(assignment)}
            </div>
          </div>
          {reviewControls(assignment)}
          {(list === 'past' || assignment.history.length > 1) && (
            <AssignmentHistory assignment={assignment} noteLabel={noteLabel} />
          )}
        </AssignmentCard>
      </li>
    );
  }

  return (
    <section className="homework-tab" aria-labelledby="homework-heading">
      <div className="client-notes-header">
        <h2 id="homework-heading">Homework</h2>
        <div className="actions">
          {onPrintSheets && list.length > 0 && (
            <button type="button" onClick={() => setChoosingSheets((shown) => !shown)} aria-expanded={choosingSheets}>
              Print sheets…
            </button>
          )}
          {!archived && (
            <button type="button" className="primary" onClick={() => setAssigning(true)}>
              Assign homework
            </button>
          )}
        </div>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <DamagedRowsNotice clientId={clientId} tables={DAMAGED_TABLES} readAgain={assignments} />
      {choosingSheets && (
        <SheetsChoice
          assignments={[...open, ...past]}
          worksheetTitle={worksheetTitle}
          onPrint={print}
          onCancel={() => setChoosingSheets(false)}
        />
      )}
      {assigning && (
        <AssignForm
          clientId={clientId}
          noteId={null}
          onClose={() => setAssigning(false)}
          onAssigned={(assignment) => {
            setAssigning(false);
            setNotice(`“${assignment.title}” is assigned.`);
          }}
        />
      )}
      {assignments === null && !error && <p className="muted">Loading homework…</p>}

      {assignments !== null && (
        <>
          <h3 id="homework-current-heading" className="homework-subheading">
            Current <span className="muted">({open.length})</span>
          </h3>
          {open.length === 0 ? (
            <p className="muted">
              Nothing open. Homework assigned here or in a note stays listed until it is reviewed or dropped.
            </p>
          ) : (
            <ul className="assignment-list" aria-labelledby="homework-current-heading">
              {open.map((assignment) => card(assignment, 'current'))}
            </ul>
          )}

          <h3 id="homework-past-heading" className="homework-subheading">
            Past <span className="muted">({past.length})</span>
          </h3>
          {past.length === 0 ? (
            <p className="muted">No homework reviewed yet.</p>
          ) : (
            <ul className="assignment-list past" aria-labelledby="homework-past-heading">
              {past.map((assignment) => card(assignment, 'past'))}
            </ul>
          )}

          <h3 className="homework-subheading">Completion</h3>
          <CompletionCharts assignments={list} today={day} worksheetTitle={worksheetTitle} />

          <h3 className="homework-subheading">Common barriers</h3>
          <p className="hint">What the client said got in the way when homework was not done, most frequent first.</p>
          <CommonBarriers assignments={list} />

          <h3 className="homework-subheading">What the client learned or noticed</h3>
          <p className="hint">In the client’s words, from homework done or partly done, newest first.</p>
          <WhatWasLearned assignments={list} />
        </>
      )}
    </section>
  );
}
