import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  ASKS_WHAT_WAS_LEARNED,
  type Assignment,
  type AssignmentStatus,
  LEARNED_MAX,
} from '../../../shared/homework/assignment';
import { STATUS_LABELS } from '../../../shared/homework/stats';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { assignmentsChanged } from './useHomework';
import './review.css';

type ReviewStatus = Exclude<AssignmentStatus, 'assigned'>;
const CHOICES: ReviewStatus[] = ['done', 'partial', 'notDone', 'carriedOver', 'dropped'];

type Props = {
  assignment: Assignment;
  /** The note the review is recorded in (its homework review), or null from the Homework tab. */
  noteId: string | null;
  onRecorded?: (updated: Assignment) => void;
  onCancel?: () => void;
};

/**
 * Reviewing one assignment: done / partly done (how much) / not done (the barrier, in
 * the client's words) / carried over / dropped. Done and partly done also ask what the
 * client learned or noticed (issue 12): what went well is as worth keeping as what got
 * in the way. Nothing is recorded until "Record
 * review": every recorded change is a dated event kept for good, so choosing an
 * option on the way to another must not leave one behind.
 */
export function ReviewControls({ assignment, noteId, onRecorded, onCancel }: Props) {
  const id = useId();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [amount, setAmount] = useState('');
  const [barrier, setBarrier] = useState('');
  const [learned, setLearned] = useState('');
  const [problem, setProblem] = useState<{ field: 'status' | 'amount' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  // Straight to the field that needs something.
  useEffect(() => {
    if (problem?.field === 'amount') amountRef.current?.focus();
  }, [problem]);

  async function record(event: FormEvent) {
    event.preventDefault();
    if (status === null) {
      setProblem({ field: 'status', message: 'Choose how it went.' });
      return;
    }
    if (status === 'partial' && amount.trim() === '') {
      setProblem({ field: 'amount', message: 'Say how much was done, e.g. “4 of 7 days”.' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const updated = await call('homework:review', {
        id: assignment.id,
        status,
        amount: status === 'partial' ? amount.trim() : '',
        barrier: status === 'notDone' ? barrier.trim() : '',
        learned: ASKS_WHAT_WAS_LEARNED.includes(status) ? learned.trim() : '',
        noteId,
      });
      assignmentsChanged(assignment.clientId);
      onRecorded?.(updated);
    } catch (failure) {
      setProblem({
        field: failure instanceof ApiError && failure.field === 'amount' ? 'amount' : null,
        message: messageOf(failure),
      });
      setBusy(false);
    }
  }

  const amountError = problem?.field === 'amount' ? problem.message : null;
  const asksLearned = status !== null && ASKS_WHAT_WAS_LEARNED.includes(status);
  return (
    <form className="review-controls" onSubmit={(event) => void record(event)} noValidate>
      <fieldset>
        <legend>How did “{assignment.title}” go?</legend>
        <div className="review-choices">
          {CHOICES.map((choice) => (
            <label key={choice} className="review-choice">
              <input
                type="radio"
                name={`${id}-status`}
                value={choice}
                checked={status === choice}
                onChange={() => {
                  setStatus(choice);
                  setProblem(null);
                }}
              />
              {STATUS_LABELS[choice]}
            </label>
          ))}
        </div>
        {problem?.field === 'status' && <p className="field-error">{problem.message}</p>}
        {status === 'partial' && (
          <div className="field">
            <label htmlFor={`${id}-amount`}>How much was done</label>
            <input
              ref={amountRef}
              id={`${id}-amount`}
              value={amount}
              maxLength={100}
              placeholder="e.g. 4 of 7 days"
              aria-invalid={amountError ? true : undefined}
              aria-describedby={amountError ? `${id}-amount-error` : `${id}-amount-hint`}
              onChange={(event) => setAmount(event.target.value)}
            />
            {amountError ? (
              <p id={`${id}-amount-error`} className="field-error">
                {amountError}
              </p>
            ) : (
              <p id={`${id}-amount-hint`} className="hint">
                {assignment.target ? `The target was “${assignment.target}”.` : 'In days, times or pages.'}
              </p>
            )}
          </div>
        )}
        {status === 'notDone' && (
          <div className="field">
            <label htmlFor={`${id}-barrier`}>What got in the way, in the client’s words</label>
            <textarea
              id={`${id}-barrier`}
              rows={2}
              maxLength={1000}
              value={barrier}
              onChange={(event) => setBarrier(event.target.value)}
            />
          </div>
        )}
        {asksLearned && (
          <div className="field review-learned">
            <label htmlFor={`${id}-learned`}>What the client learned or noticed, in their words</label>
            <textarea
              id={`${id}-learned`}
              rows={2}
              maxLength={LEARNED_MAX}
              value={learned}
              aria-describedby={`${id}-learned-hint`}
              onChange={(event) => setLearned(event.target.value)}
            />
            <p id={`${id}-learned-hint`} className="hint">
              Optional. For example what they noticed about their mood, their thoughts or what they did.
            </p>
          </div>
        )}
        {problem && problem.field === null && <Alert kind="error">{problem.message}</Alert>}
        <div className="actions review-actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record review'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
