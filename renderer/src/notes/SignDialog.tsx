import { useState } from 'react';
import type { Note } from '../../../shared/notes/note';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import type { AutosaveController } from './autosave';
import { Modal } from './Modal';
import { SignerNameForm } from './SignerName';

type Props = {
  note: Note;
  controller: AutosaveController;
  onSigned: (note: Note) => void;
  onClose: () => void;
};

/** Confirms signing: what it means, then notes:sign (asking for the signer's name if unset). */
export function SignDialog({ note, controller, onSigned, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      // Sign exactly what is on screen: the last keystrokes are saved first.
      await controller.flush();
      // A value marked at its field is not stored: signing now would sign without it.
      if (controller.status?.state === 'invalid') {
        setError(`One value is not saved, so the note was not signed. ${controller.status.message}`);
        return;
      }
      if (controller.hasUnsaved) {
        const status = controller.status;
        setError(
          `The latest changes could not be saved, so the note was not signed. ${status?.state === 'error' ? status.message : ''}`,
        );
        return;
      }
      onSigned(await call('notes:sign', { id: note.id }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'SIGNER_NAME_MISSING') setNameMissing(true);
      else setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Sign this note?" onClose={onClose}>
      <p>
        Signing makes the note <strong>final and read-only</strong>. It is stored with your name and the date and time
        of signing, and a fingerprint of its content. Corrections or later information go in a dated, signed addendum
        below the note.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {nameMissing ? (
        <SignerNameForm actionLabel="Save my name and sign" onSaved={sign} onCancel={onClose} />
      ) : (
        <div className="actions">
          <button type="button" onClick={onClose}>
            Keep editing
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void sign()}>
            {busy ? 'Signing…' : 'Sign note'}
          </button>
        </div>
      )}
    </Modal>
  );
}
