import type { Assignment } from '../../../shared/homework/assignment';
import { boundedCopies, copyLabels, defaultCopies } from '../../../shared/homework/copies';

/**
 * What to print as client sheets: chosen assignments of one client, or a blank worksheet.
 * `copies` is how many of each assignment's sheet the therapist chose (by id); one not
 * named prints its default (one per day for "Every day": shared/homework/copies.ts).
 */
export type SheetRequest =
  | { kind: 'assignments'; clientId: string; assignmentIds: string[]; copies?: Record<string, number> }
  | { kind: 'blank'; worksheetId: string };

/** One printed copy of an assignment's sheet: its React key and what it says about itself. */
export type SheetCopy = { key: string; label: string | null };

/** "Day 2 of 7 · Tuesday 3 March 2026", "Copy 2 of 3". */
function labelText(label: NonNullable<ReturnType<typeof copyLabels>[number]>): string {
  const counted = `${label.term} ${label.number} of ${label.of}`;
  if (!label.date) return counted;
  const day = new Date(`${label.date}T00:00:00`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return `${counted} · ${day}`;
}

/** The copies of one assignment's sheet to print for this request, each with its day or number. */
export function sheetCopies(
  request: Extract<SheetRequest, { kind: 'assignments' }>,
  assignment: Pick<Assignment, 'id' | 'frequency' | 'startDate' | 'dueDate'>,
): SheetCopy[] {
  const fallback = defaultCopies(assignment);
  const copies = boundedCopies(request.copies?.[assignment.id], fallback);
  return copyLabels(assignment, copies).map((label, index) => ({
    key: index === 0 ? assignment.id : `${assignment.id}-${index + 1}`,
    label: label && labelText(label),
  }));
}
