import type { Assignment } from '../../../shared/homework/assignment';
import { openAssignments } from '../../../shared/homework/stats';
import { instruments } from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';
import type { NoteSummary } from '../../../shared/notes/note';

/** `band`: the severity band's words (PHQ-9, GAD-7), or null for a screen without bands. */
export type LatestScore = { name: string; total: number; maxTotal: number; band: string | null; givenOn: string };

export type ClientOverview = {
  /** The newest progress note (psychotherapy notes are kept apart and not summed up here). */
  lastSession: NoteSummary | null;
  openHomework: number;
  overdueHomework: number;
  /** One per instrument given, the latest time it was given, in the instruments' order. */
  latestScores: LatestScore[];
};

/**
 * The facts at the top of the client page (issue 12 item 8), from the lists the client's
 * sections read: counts and the latest of each, no judgement on them.
 */
export function clientOverview(
  notes: readonly NoteSummary[],
  assignments: readonly Assignment[],
  administrations: readonly Administration[],
  today: string,
): ClientOverview {
  const progress = notes.filter((note) => note.noteKind === 'progress');
  const lastSession = progress.reduce<NoteSummary | null>(
    (latest, note) => (latest === null || note.createdAt > latest.createdAt ? note : latest),
    null,
  );
  const open = openAssignments(assignments, today);
  const latestScores: LatestScore[] = [];
  for (const [id, def] of Object.entries(instruments)) {
    const latest = administrations
      .filter((each) => each.instrument === id)
      .reduce<Administration | null>((found, each) => {
        if (found === null) return each;
        const newer =
          each.givenOn > found.givenOn || (each.givenOn === found.givenOn && each.createdAt > found.createdAt);
        return newer ? each : found;
      }, null);
    if (!latest) continue;
    const band = def.bands.find((each) => each.band === latest.band)?.label ?? null;
    latestScores.push({ name: def.name, total: latest.total, maxTotal: def.maxTotal, band, givenOn: latest.givenOn });
  }
  return {
    lastSession,
    openHomework: open.length,
    overdueHomework: open.filter((each) => each.overdue).length,
    latestScores,
  };
}
