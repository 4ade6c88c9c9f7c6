import { describe, expect, it } from 'vitest';
import {
  backupDue,
  backupFolderName,
  backupOverdue,
  backupsToDelete,
  DEFAULT_ROTATION,
  parseBackupFolderName,
  type RotationCandidate,
} from '../../electron/core/backup/backupPolicy';

/**
 * Rotation and due-ness as pure tables. Policy: the newest good backup of each of the
 * last 7 days, 4 ISO weeks (Monday first, ISO 8601) and 12 months; never the newest good
 * one; never one made today.
 */

const NOW = new Date('2026-11-25T15:00:00Z'); // a Wednesday

const b = (id: string, createdAt: string, ok = true): RotationCandidate => ({ id, createdAt: new Date(createdAt), ok });

/** One good backup a day at 02:00 UTC for `days` days back from NOW (day 0 = today). */
function daily(days: number): RotationCandidate[] {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.parse('2026-11-25T02:00:00Z') - i * 86_400_000);
    return b(`d${i}`, at.toISOString());
  });
}

describe('backupsToDelete', () => {
  const cases: { name: string; backups: RotationCandidate[]; deleted: string[]; now?: Date }[] = [
    { name: 'nothing to rotate', backups: [], deleted: [] },
    {
      name: 'a single old backup is the newest good one and stays',
      backups: [b('a', '2020-01-01T00:00:00Z')],
      deleted: [],
    },
    {
      name: 'of two on the same earlier day, the older goes',
      backups: [b('early', '2026-11-24T08:00:00Z'), b('late', '2026-11-24T20:00:00Z')],
      deleted: ['early'],
    },
    {
      name: 'every backup made today stays, broken ones too',
      backups: [
        b('t1', '2026-11-25T01:00:00Z'),
        b('t2', '2026-11-25T09:00:00Z', false),
        b('t3', '2026-11-25T14:00:00Z'),
      ],
      deleted: [],
    },
    {
      name: 'a broken backup from an earlier day goes, even when it is the newest',
      backups: [b('good', '2026-11-20T10:00:00Z'), b('bad', '2026-11-23T10:00:00Z', false)],
      deleted: ['bad'],
    },
    {
      name: 'the newest good backup stays even when it is far outside every window',
      backups: [b('old-good', '2024-01-01T00:00:00Z'), b('new-bad', '2026-11-24T00:00:00Z', false)],
      deleted: ['new-bad'],
    },
    {
      name: 'a backup dated in the future (wrong clock) stays',
      backups: [b('future', '2027-01-01T00:00:00Z'), b('now', '2026-11-25T10:00:00Z')],
      deleted: [],
    },
    {
      // 60 daily backups: days 0–6 by day; weeks: Mon 23 Nov (d2), 16 Nov (d9 = Mon 16 → newest in that week is Sun 22 = d3)…
      name: '60 days of daily backups keep 7 days + 4 weeks + 3 months',
      backups: daily(60),
      // kept: d0–d6 (days); weeks: this week newest d0, 16–22 Nov newest d3, 9–15 Nov d10, 2–8 Nov d17;
      // months: Nov d0, Oct (31 Oct) d25, Sep (30 Sep) d56.
      deleted: daily(60)
        .map((x) => x.id)
        .filter((id) => !['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd10', 'd17', 'd25', 'd56'].includes(id)),
    },
    {
      name: 'monthly keeps the newest of each of the last 12 months, and no older',
      backups: [
        b('nov', '2026-11-01T00:00:00Z'),
        b('dec-2025', '2025-12-31T23:00:00Z'),
        b('dec-2025-early', '2025-12-01T00:00:00Z'),
        b('nov-2025', '2025-11-30T00:00:00Z'),
      ],
      deleted: ['dec-2025-early', 'nov-2025'],
    },
    {
      name: 'ISO weeks start on Monday: Sunday and the next Monday are different weeks',
      now: new Date('2026-12-20T12:00:00Z'), // a Sunday, weeks of 14 Dec and 7 Dec and 30 Nov and 23 Nov
      backups: [
        b('mon-23-nov', '2026-11-23T09:00:00Z'),
        b('sun-22-nov', '2026-11-22T09:00:00Z'),
        b('sat-21-nov', '2026-11-21T09:00:00Z'),
        b('today', '2026-12-20T09:00:00Z'),
      ],
      // Monday 23 Nov opens the 4th week back and stays (it is also November's newest);
      // Sunday 22 Nov closes the 5th week back and goes.
      deleted: ['sat-21-nov', 'sun-22-nov'],
    },
  ];
  it.each(cases)('$name', ({ backups, deleted, now }) => {
    expect(backupsToDelete(backups, now ?? NOW).sort()).toEqual([...deleted].sort());
  });

  it("counts days in the therapist's time zone", () => {
    // A failed backup at 23:30 UTC on the 24th: in UTC+2 it was made "today" (the 25th) and stays; in UTC it is yesterday's and goes.
    const backups = [b('late-on-24th-utc', '2026-11-24T23:30:00Z', false), b('good', '2026-11-25T10:00:00Z')];
    expect(backupsToDelete(backups, NOW, { ...DEFAULT_ROTATION, utcOffsetMinutes: 120 })).toEqual([]);
    expect(backupsToDelete(backups, NOW, DEFAULT_ROTATION)).toEqual(['late-on-24th-utc']);
  });
});

describe('due and overdue', () => {
  const hour = 3_600_000;
  it.each([
    { last: null, due: true, overdue: true },
    { last: 1 * hour, due: false, overdue: false },
    { last: 23.9 * hour, due: false, overdue: false },
    { last: 24 * hour, due: true, overdue: false },
    { last: 7 * 24 * hour, due: true, overdue: false },
    { last: 7 * 24 * hour + 1, due: true, overdue: true },
  ])('last good backup $last ms ago → due $due, overdue $overdue', ({ last, due, overdue }) => {
    const lastAt = last === null ? null : new Date(NOW.getTime() - last);
    expect(backupDue(lastAt, NOW)).toBe(due);
    expect(backupOverdue(lastAt, NOW)).toBe(overdue);
  });
});

describe('folder names', () => {
  it('round-trip, with no colons', () => {
    const name = backupFolderName(new Date('2026-11-25T15:02:09.123Z'));
    expect(name).toBe('sessionkeep-backup-2026-11-25T15-02-09Z');
    expect(parseBackupFolderName(name)).toEqual({ kind: 'complete', createdAt: new Date('2026-11-25T15:02:09Z') });
    expect(parseBackupFolderName(`${name}-2`)?.kind).toBe('complete');
    expect(parseBackupFolderName(`.partial-${name}.ab12`)?.kind).toBe('partial');
    expect(parseBackupFolderName(`.broken-${name}.ab12`)?.kind).toBe('broken');
    for (const other of ['photos', 'sessionkeep-backup-2026-13-45T99-00-00Z', `${name}.txt`, `x${name}`]) {
      expect(parseBackupFolderName(other)).toBeNull();
    }
  });
});
