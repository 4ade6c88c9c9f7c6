import type { WorksheetDef } from '../types';

/** "6 am" … "12 pm" … "12 am" for the hour that starts at `hour` (0–24). */
function clock(hour: number): { value: number; half: 'am' | 'pm' } {
  const half = hour % 24 < 12 ? 'am' : 'pm';
  const value = hour % 12 === 0 ? 12 : hour % 12;
  return { value, half };
}

/** "6–7 am", "11 am–12 pm", "11 pm–12 am": one row per hour from 6 am to midnight. */
export function hourRows(from: number, to: number): string[] {
  const rows: string[] = [];
  for (let hour = from; hour < to; hour += 1) {
    const start = clock(hour);
    const end = clock(hour + 1);
    rows.push(
      start.half === end.half
        ? `${start.value}–${end.value} ${end.half}`
        : `${start.value} ${start.half}–${end.value} ${end.half}`,
    );
  }
  return rows;
}

/**
 * Hour-by-hour activity monitoring for behavioural activation (reference
 * cbt-practice.md §7c, [P-ba1][P-ba2][P-ba3]): what you did, mood, mastery and
 * pleasure, each 0–10. One day per sheet, so the activity column has room to write
 * in; a week of seven day-columns would leave each hour a box too small to read.
 */
export const activityMonitoring: WorksheetDef = {
  id: 'activity-monitoring',
  version: 1,
  title: 'Activity monitoring',
  purpose:
    'Hour by hour, 6 am to midnight: what the client did, with mood, mastery and pleasure rated 0–10. One day per sheet.',
  instructions:
    'Fill in each hour as the day goes on, or at a few set times. Write what you were doing, even if it was resting or watching TV. Then rate your mood, mastery and pleasure from 0 to 10. Use one sheet for each day.',
  orientation: 'landscape',
  blocks: [
    { kind: 'fields', id: 'day', fields: [{ label: 'Day and date' }] },
    {
      kind: 'text',
      id: 'ratings',
      heading: 'What the numbers mean',
      body: 'Mood: how you felt, from 0 (the worst) to 10 (the best). Mastery: how much you achieved or coped, given how you felt, from 0 (nothing) to 10 (a lot). Pleasure: how much you enjoyed it, from 0 (not at all) to 10 (very much).',
    },
    {
      kind: 'table',
      id: 'hours',
      rowHeading: 'Time',
      columns: [
        { id: 'activity', heading: 'What I did', hint: 'Where, and with whom', width: 4 },
        { id: 'mood', heading: 'Mood 0–10', width: 1.25 },
        { id: 'mastery', heading: 'Mastery 0–10', width: 1.25 },
        { id: 'pleasure', heading: 'Pleasure 0–10', width: 1.25 },
      ],
      rows: hourRows(6, 24),
      rowHeight: 'medium',
    },
  ],
  source:
    'Behavioural activation activity monitoring (what was done, mood, mastery and pleasure rated 0–10), a common CBT worksheet; layout and wording Sessionkeep’s own.',
  builtIn: true,
};
