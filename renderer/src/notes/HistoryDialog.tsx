import { useEffect, useState } from 'react';
import type { Note, RevisionSummary } from '../../../shared/notes/note';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from './Modal';
import { ReadOnlyNote } from './ReadOnlyNote';
import { RevisionChanges } from './RevisionChanges';

type Props = {
  note: Note;
  onClose: () => void;
  /** A draft was restored to an earlier version: the editor redraws with it. */
  onRestored: (note: Note) => void;
};

const reasons: Record<RevisionSummary['reason'], string> = {
  autosave: 'Saved while writing',
  signing: 'Signed',
  restore: 'Restored from an earlier version',
};

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

type Revision = { id: number; createdAt: string; values: Record<string, unknown> };
/** A version opened, with the one kept just before it (null for the first) to show what changed. */
type Opened = Revision & { previous: Revision | null };

/** The note's revisions, newest first; one opens read-only and a draft can go back to it. */
export function HistoryDialog({ note, onClose, onRestored }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('notes:revisions', { id: note.id })
      .then((list) => {
        if (live) setRevisions([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id));
      })
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [note.id]);

  async function open(revisionId: number) {
    setError(null);
    try {
      // The list is newest first, so the version before is the next one down.
      const index = revisions?.findIndex((revision) => revision.id === revisionId) ?? -1;
      const earlier = index >= 0 ? revisions?.[index + 1] : undefined;
      const [version, previous] = await Promise.all([
        call('notes:revision', { id: note.id, revisionId }),
        earlier ? call('notes:revision', { id: note.id, revisionId: earlier.id }) : null,
      ]);
      setOpened({ ...version, previous });
      setConfirming(false);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function restore(revisionId: number) {
    setBusy(true);
    setError(null);
    try {
      onRestored(await call('notes:restoreRevision', { id: note.id, revisionId }));
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  if (opened) {
    return (
      <Modal title={`Version of ${when(opened.createdAt)}`} onClose={onClose} wide>
        <div className="actions history-actions">
          <button type="button" className="link" onClick={() => setOpened(null)}>
            ← All versions
          </button>
          {note.status === 'draft' && !confirming && (
            <button type="button" className="primary" onClick={() => setConfirming(true)}>
              Restore this version…
            </button>
          )}
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        {confirming && (
          <div className="confirm-box">
            <p id="restore-question">
              <strong>Restore the note to this version from {when(opened.createdAt)}?</strong> The note as it is now
              stays in the history, so you can come back to it.
            </p>
            <div className="actions">
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy}
                autoFocus
                onClick={() => void restore(opened.id)}
              >
                {busy ? 'Restoring…' : 'Restore'}
              </button>
            </div>
          </div>
        )}
        <RevisionChanges
          template={note.template}
          before={opened.previous?.values ?? null}
          after={opened.values}
          beforeLabel={opened.previous ? when(opened.previous.createdAt) : ''}
        />
        <h3 className="revision-full-title">This version in full</h3>
        <div className="revision-view">
          <ReadOnlyNote
            template={note.template}
            values={opened.values}
            sessionNumber={note.sessionNumber}
            headingLevel={3}
          />
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="History" onClose={onClose}>
      <p className="muted">
        Sessionkeep keeps a version of this note as you write{note.status === 'signed' ? ' and when it was signed' : ''}
        . Open one to read it{note.status === 'draft' ? ' or to go back to it' : ''}.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {revisions === null && !error && <p className="muted">Loading…</p>}
      {revisions?.length === 0 && <p className="muted">No versions yet: one is kept once something is typed.</p>}
      {revisions && revisions.length > 0 && (
        <ol className="revision-list">
          {revisions.map((revision) => (
            <li key={revision.id}>
              <button type="button" className="revision-item" onClick={() => void open(revision.id)}>
                <span className="revision-time">{when(revision.createdAt)}</span>
                <span className="muted small">{reasons[revision.reason]}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  );
}
