import type { SessionNumberField, SlotField } from '../../../../shared/templates/types';
import { HomeworkSlotField, isHomeworkSlot } from '../../homework/HomeworkSlot';
import { IntakeSlotField } from '../../intake/IntakeSlot';
import { MeasuresSlotField } from '../../measures/MeasuresSlot';

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

/**
 * A place a feature fills in a note: the homework review and new homework
 * (homework/HomeworkSlot.tsx), the client's intake with its cautions
 * (intake/IntakeSlot.tsx) and the measures given in the session (measures/MeasuresSlot.tsx).
 */
export function SlotBox({ field }: { field: SlotField }) {
  if (isHomeworkSlot(field)) return <HomeworkSlotField field={field} />;
  if (field.slot === 'intake') return <IntakeSlotField field={field} />;
  return <MeasuresSlotField field={field} />;
}
