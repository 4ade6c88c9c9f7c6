import type { ReactNode } from 'react';
import type { Assignment, AssignmentEvent } from '../../../shared/homework/assignment';
import { describeFrequency, isOpen, lastReview, STATUS_LABELS } from '../../../shared/homework/stats';
import { RichTextView } from '../notes/RichTextView';
import { formatDay, formatMoment } from './dates';
import './homework.css';

type Props = {
  assignment: Assignment;
  worksheetTitle: string;
  today: string;
  headingLevel: 3 | 4;
  /** False: only what was assigned (a signed note shows it as it was, not how it went later). */
  showStatus?: boolean;
  /** Under the details: where it came from, review controls, buttons. */
  children?: ReactNode;
};

const hasText = (assignment: Assignment) => JSON.stringify(assignment.instructions).includes('"text"');

/** A title that only repeats the worksheet's name is not worth saying twice. */
export function sameWords(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * What a review recorded, in words: "Partly done: 4 of 7 days — learned or noticed:
 * “…”", "Not done — “too tired”".
 */
export function reviewText(event: AssignmentEvent): string {
  const label = STATUS_LABELS[event.status];
  const outcome = event.status === 'partial' && event.amount ? `${label}: ${event.amount}` : label;
  if (event.status === 'notDone' && event.barrier) return `${label} — “${event.barrier}”`;
  if (event.learned) return `${outcome} — learned or noticed: “${event.learned}”`;
  return outcome;
}

/** The status shown on the card, in words first (colour only repeats it). */
function StatusBadge({ assignment, today }: { assignment: Assignment; today: string }) {
  if (isOpen(assignment)) {
    if (assignment.dueDate < today) return <span className="hw-badge is-overdue">Overdue</span>;
    return <span className="hw-badge open">{assignment.status === 'carriedOver' ? 'Carried over' : 'Open'}</span>;
  }
  return <span className={`hw-badge ${assignment.status}`}>{STATUS_LABELS[assignment.status]}</span>;
}

/** One assignment: title, status, worksheet, how often, dates, target and instructions. */
export function AssignmentCard({
  assignment,
  worksheetTitle,
  today,
  headingLevel,
  showStatus = true,
  children,
}: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const headingId = `assignment-${assignment.id}`;
  const open = isOpen(assignment);
  const overdue = showStatus && open && assignment.dueDate < today;
  const review = lastReview(assignment);
  return (
    <article className={overdue ? 'assignment is-overdue' : 'assignment'} aria-labelledby={headingId}>
      <div className="assignment-head">
        <Heading id={headingId} className="assignment-title">
          {assignment.title}
        </Heading>
        {showStatus && <StatusBadge assignment={assignment} today={today} />}
      </div>
      <p className="assignment-meta">
        {!sameWords(worksheetTitle, assignment.title) && <span>{worksheetTitle}</span>}
        <span>{describeFrequency(assignment.frequency)}</span>
        {assignment.target && <span>Target: {assignment.target}</span>}
      </p>
      <p className="assignment-dates">
        {formatDay(assignment.startDate)} → review on {formatDay(assignment.dueDate)}
        {overdue && <strong className="overdue-words"> · overdue: not yet reviewed</strong>}
      </p>
      {showStatus && !open && review && (
        <p className="assignment-outcome">
          <strong>{reviewText(review)}</strong>
          <span className="muted">
            {' '}
            · {review.status === 'dropped' ? '' : 'reviewed '}
            {formatMoment(review.at)}
          </span>
        </p>
      )}
      {showStatus && open && assignment.status === 'carriedOver' && review && (
        <p className="assignment-outcome muted">Carried over on {formatMoment(review.at)}</p>
      )}
      {hasText(assignment) && (
        <details className="assignment-instructions">
          <summary>Instructions</summary>
          <RichTextView doc={assignment.instructions} />
        </details>
      )}
      {children}
    </article>
  );
}

/** Every change to an assignment, dated: nothing is ever overwritten. */
export function AssignmentHistory({
  assignment,
  noteLabel,
}: {
  assignment: Assignment;
  noteLabel: (noteId: string) => string;
}) {
  return (
    <details className="assignment-history">
      <summary>
        History ({assignment.history.length} {assignment.history.length === 1 ? 'entry' : 'entries'})
      </summary>
      <ol>
        {assignment.history.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order
          <li key={index}>
            <span className="muted">{formatMoment(event.at)}</span> — {reviewText(event)}
            {event.noteId && <span className="muted"> (in {noteLabel(event.noteId)})</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
