import { type FormEvent, useId, useState } from 'react';
import { type Caution, knowledgeBase } from '../../../shared/cautions';
import { type CautionAction, type CautionActionKind, cautionActionKinds } from '../../../shared/intake/cautionAction';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { intakeChanged } from './useIntake';

/**
 * Recording what was done about one caution, dated, in the note (or on the client's
 * record). Nothing is recorded until "Record"; "Not relevant" needs a reason.
 */
export function RecordActionForm({
  clientId,
  caution,
  noteId,
  onDone,
}: {
  clientId: string;
  caution: Caution;
  noteId: string | null;
  onDone: (saved: CautionAction | null) => void;
}) {
  const id = useId();
  const [action, setAction] = useState<CautionActionKind | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: 'action' | 'reason' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === null) {
      setProblem({ field: 'action', message: 'Choose what was done.' });
      return;
    }
    if (action === 'notRelevant' && reason.trim() === '') {
      setProblem({ field: 'reason', message: 'Say why it is not relevant.' });
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const saved = await call('cautions:recordAction', {
        clientId,
        noteId,
        cautionId: caution.id,
        cautionTitle: caution.title,
        severity: caution.severity,
        involves: caution.involves,
        action,
        reason: action === 'notRelevant' ? reason.trim() : '',
        kbVersion: knowledgeBase.version,
      });
      intakeChanged(clientId);
      onDone(saved);
    } catch (failure) {
      setProblem({
        field: failure instanceof ApiError && failure.field === 'reason' ? 'reason' : null,
        message: messageOf(failure),
      });
      setBusy(false);
    }
  }

  const untouched = action === null && reason === '';
  return (
    <form
      className="caution-record"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // Escape leaves only an untouched choice.
        if (event.key === 'Escape' && untouched) {
          event.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      <fieldset>
        <legend>What was done about “{caution.title}”?</legend>
        <div className="caution-choices">
          {cautionActionKinds.map((kind, index) => (
            <label key={kind.id} className="review-choice">
              <input
                type="radio"
                name={`${id}-action`}
                value={kind.id}
                checked={action === kind.id}
                autoFocus={index === 0}
                onChange={() => {
                  setAction(kind.id);
                  setProblem(null);
                }}
              />
              {kind.label}
            </label>
          ))}
        </div>
        {problem?.field === 'action' && <p className="field-error">{problem.message}</p>}
        {action === 'notRelevant' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why it is not relevant</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={1000}
              value={reason}
              aria-invalid={problem?.field === 'reason' ? true : undefined}
              aria-describedby={problem?.field === 'reason' ? `${id}-reason-error` : undefined}
              onChange={(event) => {
                setReason(event.target.value);
                if (problem?.field === 'reason') setProblem(null);
              }}
              onKeyDown={(event) => {
                // Enter records (as in the other fields); Shift+Enter starts a new line.
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
            {problem?.field === 'reason' && (
              <p id={`${id}-reason-error`} className="field-error">
                {problem.message}
              </p>
            )}
          </div>
        )}
        {problem && problem.field === null && <Alert kind="error">{problem.message}</Alert>}
        <div className="actions caution-record-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
