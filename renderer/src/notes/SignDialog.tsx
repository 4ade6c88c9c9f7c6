import { useEffect, useId, useState } from 'react';
import { PHQ_FREQUENCY_OPTIONS } from '../../../shared/measures';
import type { Note } from '../../../shared/notes/note';
import { RISK_REASON_MAX, type RiskAtSigning, riskAtSigning, riskSectionOf } from '../../../shared/notes/riskAtSigning';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import type { AutosaveController } from './autosave';
import { Modal } from './Modal';
import { SignerNameForm } from './SignerName';
import './signDialog.css';

type Props = {
  note: Note;
  controller: AutosaveController;
  onSigned: (note: Note) => void;
  onClose: () => void;
  /** Closes the dialog and puts the focus in the note's section with this id. */
  onGoToSection: (sectionId: string) => void;
};

type SoftStop = Extract<RiskAtSigning, { softStop: true }>;

const day = (iso: string) =>
  new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The soft-stop decision for the note as saved (the last keystrokes first), with the measures given in it. */
async function checkRisk(note: Note, controller: AutosaveController): Promise<RiskAtSigning> {
  await controller.flush();
  const [saved, measures] = await Promise.all([
    call('notes:get', { id: note.id }),
    call('measures:listForClient', { clientId: note.clientId }),
  ]);
  return riskAtSigning({ id: saved.id, template: saved.template, values: saved.values, measures });
}

/**
 * Confirms signing: what it means, then notes:sign (asking for the signer's name if
 * unset). A note with PHQ-9 item 9 above 0 and an empty Risk section gets a soft stop
 * first (shared/notes/riskAtSigning.ts): go to Risk, or sign anyway with a reason, which
 * the core requires and keeps with the note.
 */
export function SignDialog({ note, controller, onSigned, onClose, onGoToSection }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  // null while checking; the check reads the note as saved, with the measures given in it.
  const [risk, setRisk] = useState<RiskAtSigning | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  useEffect(() => {
    let live = true;
    checkRisk(note, controller)
      // If the check cannot run, signing goes ahead as before: the core checks again.
      .catch((): RiskAtSigning => ({ softStop: false }))
      .then((checked) => live && setRisk(checked));
    return () => {
      live = false;
    };
  }, [note, controller]);

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
      const softStop = risk?.softStop === true;
      onSigned(await call('notes:sign', softStop ? { id: note.id, reason: reason.trim() } : { id: note.id }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'SIGNER_NAME_MISSING') setNameMissing(true);
      else if (failure instanceof ApiError && failure.field === 'reason' && risk?.softStop !== true) {
        // The core saw what the check here did not (it could not run): ask for the reason now.
        const checked = await checkRisk(note, controller).catch(() => null);
        if (checked?.softStop) setRisk(checked);
        else setError(messageOf(failure));
      } else setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const softStop = risk?.softStop ? risk : null;
  const reasonGiven = reason.trim().length > 0;

  return (
    <Modal title="Sign this note?" onClose={onClose}>
      {softStop && <RiskNotice stop={softStop} />}
      <p>
        Signing makes the note <strong>final and read-only</strong>. It is stored with your name and the date and time
        of signing, and a fingerprint of its content. Corrections or later information go in a dated, signed addendum
        below the note.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {nameMissing ? (
        <SignerNameForm actionLabel="Save my name and sign" onSaved={sign} onCancel={onClose} />
      ) : softStop ? (
        <>
          <div className="actions">
            <button type="button" onClick={onClose}>
              Keep editing
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => onGoToSection(riskSectionOf(note.template)?.id ?? 'risk')}
            >
              Go to {softStop.riskTitle}
            </button>
          </div>
          <form
            className="sign-anyway"
            aria-label="Sign anyway"
            onSubmit={(event) => {
              event.preventDefault();
              if (reasonGiven && !busy) void sign();
            }}
          >
            <div className="field">
              <label htmlFor={reasonId}>Reason for signing with {softStop.riskTitle} empty</label>
              <textarea
                id={reasonId}
                rows={2}
                maxLength={RISK_REASON_MAX}
                value={reason}
                aria-describedby={`${reasonId}-hint`}
                onChange={(event) => setReason(event.target.value)}
              />
              <p className="hint" id={`${reasonId}-hint`}>
                Kept with the note as a signed addendum. The activity log records that a reason was given, not its
                words.
              </p>
            </div>
            <div className="actions">
              <button type="submit" disabled={!reasonGiven || busy}>
                {busy ? 'Signing…' : 'Sign anyway'}
              </button>
            </div>
          </form>
        </>
      ) : (
        <div className="actions">
          <button type="button" onClick={onClose}>
            Keep editing
          </button>
          <button type="button" className="primary" disabled={busy || risk === null} onClick={() => void sign()}>
            {busy ? 'Signing…' : risk === null ? 'Checking…' : 'Sign note'}
          </button>
        </div>
      )}
    </Modal>
  );
}

/** What was answered, and that Risk records nothing: facts only. */
function RiskNotice({ stop }: { stop: SoftStop }) {
  const answer = PHQ_FREQUENCY_OPTIONS.find((option) => option.score === stop.item9.score)?.label;
  return (
    <div className="risk-stop" role="alert">
      <p className="risk-stop-title">Item 9 was answered above 0 and {stop.riskTitle} is empty</p>
      <p>
        In the PHQ-9 given in this note on {day(stop.item9.givenOn)}, item 9 (thoughts that they would be better off
        dead or of hurting themselves) was answered {answer ? `“${answer}” (${stop.item9.score})` : stop.item9.score}.
        The {stop.riskTitle} section of this note records nothing yet.
      </p>
    </div>
  );
}
