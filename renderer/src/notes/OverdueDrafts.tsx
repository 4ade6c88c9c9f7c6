import { useEffect, useState } from 'react';
import type { NoteSummary } from '../../../shared/notes/note';
import { call } from '../api';

type Overdue = NoteSummary & { clientName: string };

/** Home screen: unsigned drafts older than the days set in Settings (3 unless changed), so none is forgotten. */
export function OverdueDrafts({ onOpen }: { onOpen: (note: Overdue) => void }) {
  const [drafts, setDrafts] = useState<Overdue[]>([]);
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    void call('notes:overdueDrafts', {}).then(setDrafts, () => setDrafts([]));
    void call('settings:get', {}).then(
      (settings) => setDays(settings.draftReminderDays),
      () => setDays(null),
    );
  }, []);
  if (drafts.length === 0) return null;
  return (
    <section className="overdue" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">Drafts waiting to be signed</h2>
      <p className="muted small">
        These notes were started more than {days === null ? 'a few days' : `${days} day${days === 1 ? '' : 's'}`} ago
        and are not signed yet. The number of days is set in Settings → Notes and printing.
      </p>
      <ul>
        {drafts.map((note) => (
          <li key={note.id}>
            <button type="button" className="link" onClick={() => onOpen(note)}>
              {note.clientName} — {note.templateName}
              {note.sessionNumber !== null && `, session ${note.sessionNumber}`}, started{' '}
              {new Date(note.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
