import { type CSSProperties, type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { isIsoDate, localToday } from '../../../shared/dates';
import {
  type AnswerOption,
  AUDITC_CUT_OFF,
  AUDITC_THRESHOLD_EXPLANATION,
  getInstrument,
  type InstrumentDef,
  type InstrumentId,
  instrumentIds,
  type MeasureResult,
  scoreMeasure,
} from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { draftKey, dropDraft, keepDraft, type MeasureDraft, readDraft } from './drafts';
import { cutOffOf, listWords, runningTotal, unansweredItems, verdict } from './history';
import { measuresChanged } from './useMeasures';
import './measures.css';

type Props = {
  clientId: string;
  /** The draft note it is given in, or null on the client's Measures tab. */
  noteId: string | null;
  onRecorded: (administration: Administration) => void;
  onClose: () => void;
  /** False when the form comes back by itself (a draft kept from before): the focus stays where it is. */
  focusOnOpen?: boolean;
};

type Sex = MeasureDraft['sex'];

const SEX_CHOICES: readonly { value: Sex; label: string }[] = [
  { value: null, label: 'Not recorded' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
];

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function emptyAnswers(def: InstrumentDef): (number | null)[] {
  return def.items.map(() => null);
}

function freshDraft(): MeasureDraft {
  return { instrument: 'phq9', answers: {}, sex: null, givenOn: localToday() };
}

/**
 * The answer options every item shares (the PHQ and GAD-7 frequencies), laid out as a
 * grid with the options named once above their columns; null when items differ (the
 * AUDIT-C), which get their options written out item by item.
 */
function sharedOptions(def: InstrumentDef): readonly AnswerOption[] | null {
  const first = def.items[0]?.options;
  if (!first) return null;
  const same = def.items.every(
    (item) =>
      item.options.length === first.length &&
      item.options.every(
        (option, index) => option.score === first[index]?.score && option.label === first[index]?.label,
      ),
  );
  return same ? first : null;
}

/** Scored only when every item is answered: an incomplete measure is never scored. */
function liveResult(instrument: InstrumentId, answers: readonly (number | null)[], sex: Sex): MeasureResult | null {
  if (answers.some((answer) => answer === null)) return null;
  try {
    return scoreMeasure(instrument, answers as number[], sex ? { sex } : {});
  } catch {
    return null;
  }
}

/**
 * Giving a measure in the session: the therapist enters the client's answers. Built to
 * be quick: each item is a radio group (arrow keys move within it; a number key answers
 * it with that score and moves to the next item), the running total shows as answers go
 * in, and Record refuses an incomplete measure, naming the items without an answer.
 * What is entered survives leaving the screen (drafts.ts) until it is recorded or
 * discarded.
 */
export function MeasureForm({ clientId, noteId, onRecorded, onClose, focusOnOpen = true }: Props) {
  const id = useId();
  const key = draftKey(clientId, noteId);
  const [draft, setDraft] = useState<MeasureDraft>(() => readDraft(key) ?? freshDraft());
  const [missing, setMissing] = useState<number[]>([]);
  const [dateError, setDateError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const def = getInstrument(draft.instrument);
  const answers = draft.answers[draft.instrument] ?? emptyAnswers(def);
  const answered = answers.filter((answer) => answer !== null).length;
  const result = liveResult(def.id, answers, draft.sex);
  const today = localToday();
  const anyAnswers = Object.values(draft.answers).some((list) => list?.some((answer) => answer !== null));

  // Kept on every change, so leaving the note (or the vault locking) loses nothing.
  useEffect(() => {
    keepDraft(key, draft);
  }, [key, draft]);

  // Opened: the instrument choice takes the focus, ready for the arrow keys.
  const focusFirst = useRef(focusOnOpen);
  useEffect(() => {
    if (focusFirst.current) formRef.current?.querySelector<HTMLInputElement>('input[data-instrument]:checked')?.focus();
  }, []);

  function update(change: Partial<MeasureDraft>) {
    setDraft((current) => ({ ...current, ...change }));
    setFailure(null);
    setConfirmingDiscard(false);
  }

  function answer(index: number, score: number) {
    setDraft((current) => {
      const list = [...(current.answers[current.instrument] ?? emptyAnswers(getInstrument(current.instrument)))];
      list[index] = score;
      return { ...current, answers: { ...current.answers, [current.instrument]: list } };
    });
    setMissing((current) => current.filter((number) => number !== index + 1));
    setFailure(null);
    setConfirmingDiscard(false);
  }

  /** The radio to land on in item `index` (its chosen answer, or its first), or Record after the last. */
  function focusItem(index: number) {
    const form = formRef.current;
    if (!form) return;
    const group = form.querySelector<HTMLElement>(`[data-item-index="${index}"]`);
    if (!group) {
      form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
      return;
    }
    (group.querySelector<HTMLInputElement>('input:checked') ?? group.querySelector<HTMLInputElement>('input'))?.focus();
  }

  /** A number key answers the item with that score and moves on to the next item. */
  function onItemKey(event: KeyboardEvent, index: number) {
    if (event.ctrlKey || event.metaKey || event.altKey || !/^[0-9]$/.test(event.key)) return;
    const score = Number(event.key);
    const item = def.items[index];
    if (!item?.options.some((option) => option.score === score)) return;
    event.preventDefault();
    answer(index, score);
    // At once, not after the next frame: the next key pressed must land on the next item.
    // (The next item's radios are already drawn; this answer changes none of them.)
    focusItem(index + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const unanswered = unansweredItems(def.id, answers);
    const badDate = !isIsoDate(draft.givenOn)
      ? 'Enter the date the measure was given.'
      : draft.givenOn > today
        ? 'The date given cannot be in the future.'
        : null;
    setMissing(unanswered);
    setDateError(badDate);
    if (badDate) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[type="date"]')?.focus());
      return;
    }
    if (unanswered.length > 0) {
      requestAnimationFrame(() => focusItem((unanswered[0] ?? 1) - 1));
      return;
    }
    setBusy(true);
    try {
      const recorded = await call('measures:record', {
        administration: {
          clientId,
          noteId,
          instrument: def.id,
          answers: answers as number[],
          sex: def.id === 'auditc' ? draft.sex : null,
          givenOn: draft.givenOn,
        },
      });
      dropDraft(key);
      measuresChanged(clientId);
      onRecorded(recorded);
    } catch (error) {
      // The answers stay as entered: nothing is lost to a failed save.
      setFailure(messageOf(error));
      setBusy(false);
    }
  }

  function discard() {
    dropDraft(key);
    onClose();
  }

  const paraphrased = def.items.some((item) => item.wording === 'paraphrase');
  const unverified = def.items.some((item) => item.optionsUnverified);
  const grid = sharedOptions(def);
  const maxScore = Math.max(...def.items.flatMap((item) => item.options.map((option) => option.score)));

  return (
    <form
      ref={formRef}
      className="measure-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={`${id}-title`} className="measure-form-title">
        {noteId ? 'Give a measure in this session' : 'Give a measure'}
      </h3>

      <div className="measure-setup">
        <div className="measure-choice">
          <span className="field-label" id={`${id}-instrument-label`}>
            Measure
          </span>
          <div className="choice-row" role="radiogroup" aria-labelledby={`${id}-instrument-label`}>
            {instrumentIds.map((instrument) => (
              <label
                key={instrument}
                className={draft.instrument === instrument ? 'choice checked' : 'choice'}
                title={getInstrument(instrument).fullName}
              >
                <input
                  type="radio"
                  name={`${id}-instrument`}
                  data-instrument={instrument}
                  checked={draft.instrument === instrument}
                  onChange={() => {
                    update({ instrument });
                    setMissing([]);
                  }}
                />
                {getInstrument(instrument).name}
              </label>
            ))}
          </div>
        </div>
        <div className="field measure-date">
          <label htmlFor={`${id}-givenOn`}>Given on</label>
          <input
            id={`${id}-givenOn`}
            type="date"
            value={draft.givenOn}
            max={today}
            onChange={(event) => {
              update({ givenOn: event.target.value });
              setDateError(null);
            }}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-givenOn-error` : undefined}
          />
          {dateError && (
            <p id={`${id}-givenOn-error`} className="field-error">
              {dateError}
            </p>
          )}
        </div>
      </div>

      <p className="measure-name">
        <strong>{def.fullName}</strong>{' '}
        <span className="muted">
          · {def.items.length} items, total 0–{def.maxTotal}
          {def.bands.length === 0 && ` · a yes/no screen`}
        </span>
      </p>

      {def.id === 'auditc' && (
        <div className="measure-sex">
          <span className="field-label" id={`${id}-sex-label`}>
            Sex <span className="muted">(sets the cut-off; optional)</span>
          </span>
          <div
            className="choice-row"
            role="radiogroup"
            aria-labelledby={`${id}-sex-label`}
            aria-describedby={`${id}-sex-hint`}
          >
            {SEX_CHOICES.map((choice) => (
              <label key={choice.label} className={draft.sex === choice.value ? 'choice checked' : 'choice'}>
                <input
                  type="radio"
                  name={`${id}-sex`}
                  checked={draft.sex === choice.value}
                  onChange={() => update({ sex: choice.value })}
                />
                {choice.label}
              </label>
            ))}
          </div>
          <p id={`${id}-sex-hint`} className="hint">
            {draft.sex === null
              ? AUDITC_THRESHOLD_EXPLANATION
              : `Positive at ${draft.sex === 'male' ? AUDITC_CUT_OFF.male : AUDITC_CUT_OFF.female} or more.`}
          </p>
        </div>
      )}

      {(paraphrased || unverified) && (
        <p className="measure-caveat" id={`${id}-paraphrase`}>
          {paraphrased && (
            <>
              Items marked <span className="paraphrase-tag">paraphrase</span> are Sessionkeep’s short paraphrase of what
              the item asks, not the published wording: read those from the published form.
            </>
          )}
          {unverified && ' The answer options are still to be checked against the WHO manual.'}
        </p>
      )}

      {def.timeFrame && <p className="measure-stem">{def.timeFrame}, how often have you been bothered by…</p>}
      <p className="hint measure-keys">
        Arrow keys move within an item; a number key from 0 to {maxScore} answers it and moves to the next.
      </p>

      <div
        className={grid ? 'measure-items is-grid' : 'measure-items'}
        style={grid ? ({ '--answer-columns': grid.length } as CSSProperties) : undefined}
      >
        {grid && (
          // The answers named once above their columns, as on the paper form; each radio
          // carries its own name for assistive technology, so this row is hidden from it.
          <div className="measure-grid-head" aria-hidden="true">
            <span />
            <span className="measure-grid-answers">
              {grid.map((option) => (
                <span key={option.score} className="grid-head-cell">
                  <span className="option-score">{option.score}</span>
                  {option.label}
                </span>
              ))}
            </span>
          </div>
        )}
        <ol>
          {def.items.map((item, index) => {
            const isMissing = missing.includes(item.number);
            const described = [
              item.wording === 'paraphrase' ? `${id}-paraphrase` : '',
              isMissing ? `${id}-item-${item.number}-missing` : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <li key={`${def.id}-${item.number}`} className={isMissing ? 'measure-item is-missing' : 'measure-item'}>
                <div className="measure-item-text">
                  <span id={`${id}-item-${item.number}`}>
                    <span className="item-number">
                      <span className="visually-hidden">Item </span>
                      {item.number}.
                    </span>{' '}
                    {item.text}
                  </span>
                  {item.wording === 'paraphrase' && (
                    <span className="paraphrase-tag" aria-hidden="true">
                      paraphrase
                    </span>
                  )}
                  {isMissing && (
                    <span id={`${id}-item-${item.number}-missing`} className="item-missing">
                      No answer
                    </span>
                  )}
                </div>
                <div
                  className={grid ? 'measure-grid-answers' : 'measure-options'}
                  role="radiogroup"
                  data-item-index={index}
                  aria-labelledby={`${id}-item-${item.number}`}
                  aria-describedby={described || undefined}
                  aria-invalid={isMissing ? true : undefined}
                  onKeyDown={(event) => onItemKey(event, index)}
                >
                  {item.options.map((option) => {
                    const checked = answers[index] === option.score;
                    return grid ? (
                      <label
                        key={option.score}
                        className={checked ? 'grid-cell checked' : 'grid-cell'}
                        title={option.label}
                      >
                        <input
                          type="radio"
                          name={`${id}-${def.id}-item-${item.number}`}
                          value={option.score}
                          checked={checked}
                          onChange={() => answer(index, option.score)}
                        />
                        <span className="visually-hidden">{option.label}</span>
                      </label>
                    ) : (
                      <label key={option.score} className={checked ? 'choice checked' : 'choice'}>
                        <input
                          type="radio"
                          name={`${id}-${def.id}-item-${item.number}`}
                          value={option.score}
                          checked={checked}
                          onChange={() => answer(index, option.score)}
                        />
                        <span className="option-score" aria-hidden="true">
                          {option.score}
                        </span>
                        {option.label}
                      </label>
                    );
                  })}
                </div>
              </li>
            );
          })}
        </ol>
      </div>

      {def.notice && <p className="measure-notice">{def.notice}</p>}
      {def.id === 'auditc' ? (
        <p className="measure-notice">Source: {def.source}</p>
      ) : (
        <details className="measure-source">
          <summary>Source and scoring</summary>
          <p className="measure-notice">{def.source}</p>
        </details>
      )}

      {missing.length > 0 && (
        <Alert kind="error">
          Not recorded: {missing.length === 1 ? 'item' : 'items'} {listWords(missing)}{' '}
          {missing.length === 1 ? 'has' : 'have'} no answer. An incomplete {def.name} is never scored; answer every
          item, then record it.
        </Alert>
      )}
      {failure && <Alert kind="error">Not recorded: {failure}</Alert>}

      <div className="measure-footer">
        <p className="running-total" role="status" aria-live="polite">
          {result ? (
            <>
              <span className="total-figure">
                Total {result.total}
                <span className="muted"> / {def.maxTotal}</span>
              </span>
              <span aria-hidden="true"> · </span>
              <span className="total-verdict">
                {capitalised(
                  verdict({ instrument: def.id, band: result.band ?? null, positive: result.positive ?? null }) ?? '',
                )}
                {def.bands.length === 0 && (
                  <span className="muted"> (cut-off {cutOffOf({ instrument: def.id, sex: draft.sex })})</span>
                )}
              </span>
            </>
          ) : answered === 0 ? (
            <span className="muted">No items answered yet.</span>
          ) : (
            <>
              <span className="total-figure">Running total {runningTotal(answers)}</span>{' '}
              <span className="muted">
                · {answered} of {def.items.length} answered; scored once every item is answered
              </span>
            </>
          )}
        </p>
        {confirmingDiscard ? (
          <div className="actions discard-confirm">
            <span>Discard the answers entered?</span>
            <button type="button" onClick={() => setConfirmingDiscard(false)}>
              Keep entering
            </button>
            <button type="button" className="danger" onClick={discard}>
              Discard answers
            </button>
          </div>
        ) : (
          <div className="actions">
            <button type="button" onClick={() => (anyAnswers ? setConfirmingDiscard(true) : discard())}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Recording…' : `Record ${def.name}`}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}
