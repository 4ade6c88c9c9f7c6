import type { SlotField } from '../../../shared/templates/types';

/** The note's measures section: give a measure, see the change since last time. (To be built.) */
export function MeasuresSlotField({ field }: { field: SlotField }) {
  return <div className="note-field">{field.label}</div>;
}
