import { useEffect, useState } from 'react';
import type { NoteSummary } from '../../../shared/notes/note';
import { call } from '../api';

type Overdue = NoteSummary & { clientName: string };

/** Home screen: unsigned drafts older than a week, so none is forgotten. */
export function OverdueDrafts({ onOpen }: { onOpen: (note: Overdue) => void }) {
  const [drafts, setDrafts] = useState<Overdue[]>([]);
  useEffect(() => {
    void call('notes:overdueDrafts', {}).then(setDrafts, () => setDrafts([]));
  }, []);
  if (drafts.length === 0) return null;
  return (
    <section className="overdue" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">Drafts waiting to be signed</h2>
      <p className="muted small">These notes were started more than a week ago and are not signed yet.</p>
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
