import { useEffect, useRef, useState } from 'react';
import type { Addendum } from '../../../shared/notes/note';
import type { RichTextDoc } from '../../../shared/templates/types';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { RichTextField } from './fields/RichTextField';
import { Modal } from './Modal';
import './addenda.css';
import { RichTextView } from './RichTextView';
import { SignerNameForm } from './SignerName';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** Addenda typed but not signed yet survive the composer closing (e.g. a lock), in memory only. */
const composing = new Map<string, RichTextDoc>();

export function AddendaList({ addenda }: { addenda: Addendum[] }) {
  if (addenda.length === 0) return null;
  return (
    <ol className="addenda">
      {addenda.map((addendum, index) => (
        <li key={addendum.id} className="addendum">
          <h3>Addendum {index + 1}</h3>
          <RichTextView doc={addendum.text} />
          <p className="signature-line small">
            Signed by <strong>{addendum.signedBy}</strong> on {when(addendum.createdAt)}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * Write an addendum under a signed note and sign it (it can never be changed). Signing
 * asks first, as the note's own signing does (issue 12): an addendum is just as final.
 */
export function AddendumComposer({ noteId, onAdded }: { noteId: string; onAdded: (addendum: Addendum) => void }) {
  const read = useRef<() => RichTextDoc | null>(() => composing.get(noteId) ?? null);
  const [editorKey, setEditorKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The text being confirmed: what the dialog shows is exactly what is signed. */
  const [confirming, setConfirming] = useState<RichTextDoc | null>(null);

  useEffect(
    () => () => {
      const doc = read.current();
      if (doc) composing.set(noteId, doc);
      else composing.delete(noteId);
    },
    [noteId],
  );

  function askToSign() {
    const doc = read.current();
    setError(null);
    if (!doc) {
      setError('Write the addendum first.');
      return;
    }
    setNameMissing(false);
    setConfirming(doc);
  }

  async function sign() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      const addendum = await call('notes:addAddendum', { id: noteId, text: confirming });
      composing.delete(noteId);
      read.current = () => null;
      setNameMissing(false);
      setConfirming(null);
      setEditorKey((key) => key + 1);
      onAdded(addendum);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'SIGNER_NAME_MISSING') setNameMissing(true);
      else setError(`${messageOf(failure)} Your text is still here.`);
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setConfirming(null);
    setNameMissing(false);
    setError(null);
  };

  return (
    <section className="addendum-composer" aria-labelledby="addendum-label">
      <h3 id="addendum-label">Add an addendum</h3>
      <p id="addendum-help" className="hint">
        For a correction or later information. It is dated and signed with your name, and cannot be changed afterwards.
      </p>
      <RichTextField
        key={editorKey}
        labelledBy="addendum-label"
        describedBy="addendum-help"
        placeholder="What to add to this note, and why…"
        initial={composing.get(noteId) ?? null}
        onChange={(next) => {
          read.current = next;
        }}
      />
      {error && !confirming && <Alert kind="error">{error}</Alert>}
      <div className="actions">
        <button type="button" className="primary" onClick={askToSign}>
          Sign addendum…
        </button>
      </div>
      {confirming && (
        <Modal title="Sign this addendum?" onClose={close}>
          <p>
            Signing adds it below the note <strong>for good</strong>: it is stored with your name and the date and time
            of signing, and can never be changed or removed afterwards.
          </p>
          <blockquote className="addendum-preview">
            <RichTextView doc={confirming} />
          </blockquote>
          {error && <Alert kind="error">{error}</Alert>}
          {nameMissing ? (
            <SignerNameForm actionLabel="Save my name and sign the addendum" onSaved={sign} onCancel={close} />
          ) : (
            <div className="actions">
              <button type="button" onClick={close}>
                Keep writing
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void sign()}>
                {busy ? 'Signing…' : 'Sign addendum'}
              </button>
            </div>
          )}
        </Modal>
      )}
    </section>
  );
}
