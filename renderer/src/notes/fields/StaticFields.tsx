import type { SessionNumberField, SlotField } from '../../../../shared/templates/types';
import { HomeworkSlotField, isHomeworkSlot } from '../../homework/HomeworkSlot';

/** Counted by the app when the note was created; never typed. */
export function SessionNumberView({ field, value }: { field: SessionNumberField; value: number | null }) {
  return (
    <div className="note-field">
      <div className="note-label">{field.label}</div>
      <p className="session-number">
        {value === null ? <span className="muted">Not counted</span> : `Session ${value}`}
      </p>
      {field.help && <p className="hint">{field.help}</p>}
    </div>
  );
}

const comingWith: Record<SlotField['slot'], string> = {
  homeworkReview: 'the homework feature',
  newHomework: 'the homework feature',
  intake: 'the intake feature',
  measures: 'the outcome measures feature',
};

/**
 * A place a feature fills: the homework review and new homework (in a note, see
 * homework/HomeworkSlot.tsx); the others (intake, measures) are still to come and say so
 * plainly instead of offering a control that would record nothing.
 */
export function SlotBox({ field }: { field: SlotField }) {
  if (isHomeworkSlot(field)) return <HomeworkSlotField field={field} />;
  return (
    <div className="note-field">
      <div className="slot-box" role="note" aria-label={field.label}>
        <strong>{field.label}</strong> — coming with {comingWith[field.slot]}; nothing is recorded here yet.
        {field.help && <span className="hint"> {field.help}</span>}
      </div>
    </div>
  );
}
