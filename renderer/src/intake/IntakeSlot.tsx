import type { SlotField } from '../../../shared/templates/types';

/** The note's intake section: the client's current list with its cautions. (To be built.) */
export function IntakeSlotField({ field }: { field: SlotField }) {
  return <div className="note-field">{field.label}</div>;
}
