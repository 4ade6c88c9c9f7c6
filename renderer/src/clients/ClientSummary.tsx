import { useEffect, useState } from 'react';
import type { Client } from '../../../shared/clients/client';
import type { NoteSummary } from '../../../shared/notes/note';
import { call, messageOf } from '../api';
import { useClientRecords } from '../clientRecords';
import { formatDay, today } from '../homework/dates';
import { clientOverview } from './clientOverview';
import './clientSummary.css';

const dayOf = (iso: string) => formatDay(iso.slice(0, 10));

/**
 * The client at a glance, first on the client page (issue 12 item 8): diagnosis, the last
 * session, open homework and the latest score of each measure. Facts only; each list is
 * read again when it changes (homework and measures), the notes when the page opens.
 */
export function ClientSummary({ client, onOpenNote }: { client: Client; onOpenNote: (noteId: string) => void }) {
  const homework = useClientRecords('homework:listForClient', client.id);
  const measures = useClientRecords('measures:listForClient', client.id);
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  const [notesError, setNotesError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('notes:listForClient', { clientId: client.id })
      .then((list) => live && setNotes(list))
      .catch((failure) => live && setNotesError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [client.id]);

  const overview = clientOverview(notes ?? [], homework.value ?? [], measures.value ?? [], today());
  const diagnosis = [client.diagnosisCode, client.diagnosis].filter(Boolean).join(' — ');
  const last = overview.lastSession;
  const unread = (error: string | null, loaded: unknown) =>
    error ? <span className="muted">Could not be read. {error}</span> : loaded === null ? '…' : null;

  return (
    <section className="client-summary" aria-label="Client at a glance">
      <dl>
        <div>
          <dt>Diagnosis</dt>
          <dd>{diagnosis || <span className="muted">Not recorded</span>}</dd>
        </div>
        <div>
          <dt>Last session</dt>
          <dd>
            {unread(notesError, notes) ??
              (last ? (
                <button type="button" className="link" onClick={() => onOpenNote(last.id)}>
                  {[
                    last.sessionNumber !== null && `Session ${last.sessionNumber}`,
                    dayOf(last.createdAt),
                    last.status === 'signed' ? 'signed' : 'draft',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </button>
              ) : (
                <span className="muted">No notes yet</span>
              ))}
          </dd>
        </div>
        <div>
          <dt>Open homework</dt>
          <dd>
            {unread(homework.error, homework.value) ??
              (overview.openHomework === 0 ? (
                <span className="muted">None open</span>
              ) : (
                `${overview.openHomework} open${overview.overdueHomework ? `, ${overview.overdueHomework} overdue` : ''}`
              ))}
          </dd>
        </div>
        <div>
          <dt>Latest scores</dt>
          <dd>
            {unread(measures.error, measures.value) ??
              (overview.latestScores.length === 0 ? (
                <span className="muted">None given yet</span>
              ) : (
                <ul className="latest-scores">
                  {overview.latestScores.map((score) => (
                    <li key={score.name}>
                      {score.name} {score.total}/{score.maxTotal}
                      {score.band ? ` (${score.band.toLowerCase()})` : ''}, {dayOf(score.givenOn)}
                    </li>
                  ))}
                </ul>
              ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}
