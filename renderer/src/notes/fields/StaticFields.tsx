import type { SessionNumberField, SlotField } from '../../../../shared/templates/types';
import { HomeworkSlotContent } from '../../homework/HomeworkSlot';
import { useNoteHomework } from '../../homework/noteHomework';
import { IntakeSlotContent } from '../../intake/IntakeSlot';
import { MeasuresSlotContent } from '../../measures/MeasuresSlot';

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

const slotClass: Record<SlotField['slot'], string> = {
  homeworkReview: 'hw-slot',
  newHomework: 'hw-slot',
  intake: 'intake-slot',
  measures: 'measures-slot',
};

/**
 * What a feature records in this note: the homework review and new homework
 * (homework/HomeworkSlot.tsx), the client's intake with its cautions (intake/IntakeSlot.tsx)
 * and the measures given in the session (measures/MeasuresSlot.tsx). Live controls in a
 * draft, the record of this note once signed (ReadOnlyNote shows it without the box).
 */
export function SlotContent({ field }: { field: SlotField }) {
  if (field.slot === 'intake') return <IntakeSlotContent field={field} />;
  if (field.slot === 'measures') return <MeasuresSlotContent />;
  return <HomeworkSlotContent field={field} />;
}

/**
 * A slot in an editable note, with its label (hidden when the section heading already
 * says it, as for the note's other single-field sections). Outside a note (an old
 * revision in the history) slots are left out.
 */
export function SlotBox({ field }: { field: SlotField }) {
  const note = useNoteHomework();
  if (!note) return null;
  const section = note.template.sections.find((each) => each.fields.some((sub) => sub.id === field.id));
  const labelRepeatsHeading =
    section !== undefined &&
    section.fields.length === 1 &&
    section.title.toLowerCase().startsWith(field.label.toLowerCase());
  return (
    <fieldset className={`note-field ${slotClass[field.slot]}`}>
      <legend className={labelRepeatsHeading ? 'visually-hidden' : 'note-label'}>{field.label}</legend>
      {field.help && <p className="hint">{field.help}</p>}
      <SlotContent field={field} />
    </fieldset>
  );
}
