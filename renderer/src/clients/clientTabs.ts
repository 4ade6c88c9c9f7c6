/**
 * The client page's tabs, in the order a therapist meets them. "Notes" comes first and is
 * the default: opening a client during a session most often means writing the note.
 */
export const CLIENT_TABS = [
  { id: 'notes', label: 'Notes' },
  { id: 'homework', label: 'Homework' },
  { id: 'measures', label: 'Measures' },
  { id: 'intake', label: 'Substances and medications' },
  { id: 'safety-plan', label: 'Safety plan' },
  { id: 'details', label: 'Details' },
] as const;

export type ClientTab = (typeof CLIENT_TABS)[number]['id'];

export const DEFAULT_CLIENT_TAB: ClientTab = 'notes';

/**
 * Which tab a key press in the tab list moves to (WAI-ARIA tabs pattern: arrows wrap,
 * Home and End go to the ends), or null when the key is not one the tab list handles.
 */
export function tabAfterKey(current: number, key: string, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
