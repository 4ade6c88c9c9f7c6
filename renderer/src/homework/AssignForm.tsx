import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Assignment, Frequency } from '../../../shared/homework/assignment';
import { addDays } from '../../../shared/homework/stats';
import { isHomeworkWorksheet } from '../../../shared/safetyPlan/notHomework';
import type { RichTextDoc } from '../../../shared/templates/types';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { RichTextField } from '../notes/fields/RichTextField';
import { Modal } from '../notes/Modal';
import { today } from './dates';
import { assignmentsChanged, useWorksheets } from './useHomework';
import './homework.css';

type Props = {
  clientId: string;
  /** The note it is assigned in (its "new homework" section), or null from the Homework tab. */
  noteId: string | null;
  onAssigned: (assignment: Assignment) => void;
  onClose: () => void;
  /** A worksheet to start with. */
  initialWorksheetId?: string;
};

type FrequencyKind = Frequency['kind'];
type Field = 'worksheet' | 'title' | 'times' | 'custom' | 'startDate' | 'dueDate' | 'target';
type Errors = Partial<Record<Field, string>>;

/** By default the homework starts today and is reviewed at the next session, a week on. */
const REVIEW_AFTER_DAYS = 7;

/** The core names fields by their path in the request; these are the ones this form shows. */
const serverFields: Record<string, Field> = {
  'assignment.worksheetId': 'worksheet',
  'assignment.title': 'title',
  'assignment.startDate': 'startDate',
  'assignment.dueDate': 'dueDate',
  'assignment.target': 'target',
  'assignment.frequency': 'custom',
};

/** Assigning homework: a worksheet, what to do, how often, until when, and the target. */
export function AssignForm({ clientId, noteId, onAssigned, onClose, initialWorksheetId }: Props) {
  const id = useId();
  const { worksheets: library, error: loadError } = useWorksheets();
  // The safety plan is filled in together in the session, never given as homework.
  const worksheets = useMemo(
    () => library?.filter((worksheet) => isHomeworkWorksheet(worksheet.id)) ?? null,
    [library],
  );
  const [worksheetId, setWorksheetId] = useState(initialWorksheetId ?? '');
  const [title, setTitle] = useState('');
  const titleEdited = useRef(false);
  const readInstructions = useRef<() => RichTextDoc | null>(() => null);
  const [frequency, setFrequency] = useState<FrequencyKind>('daily');
  const [times, setTimes] = useState('3');
  const [custom, setCustom] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [dueDate, setDueDate] = useState(() => addDays(today(), REVIEW_AFTER_DAYS));
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const chosen = worksheets?.find((worksheet) => worksheet.id === worksheetId);
  // A preselected worksheet names the assignment once the library has loaded.
  useEffect(() => {
    if (!initialWorksheetId || titleEdited.current) return;
    const initial = worksheets?.find((worksheet) => worksheet.id === initialWorksheetId);
    if (initial) setTitle((current) => (current === '' ? initial.title : current));
  }, [worksheets, initialWorksheetId]);
  const onInstructions = useCallback((read: () => RichTextDoc | null) => {
    readInstructions.current = read;
  }, []);

  function chooseWorksheet(next: string) {
    setWorksheetId(next);
    const worksheet = worksheets?.find((each) => each.id === next);
    // The title follows the worksheet until the therapist writes their own.
    if (worksheet && (!titleEdited.current || title.trim() === '')) {
      setTitle(worksheet.title);
      titleEdited.current = false;
    }
  }

  function changeStart(next: string) {
    // A review date left at its default moves with the start.
    if (dueDate === addDays(startDate, REVIEW_AFTER_DAYS) && /^\d{4}-\d{2}-\d{2}$/.test(next)) {
      setDueDate(addDays(next, REVIEW_AFTER_DAYS));
    }
    setStartDate(next);
  }

  function frequencyValue(): Frequency | null {
    switch (frequency) {
      case 'once':
      case 'daily':
        return { kind: frequency };
      case 'perWeek': {
        const count = Number(times);
        return Number.isInteger(count) && count >= 1 && count <= 21 ? { kind: 'perWeek', times: count } : null;
      }
      case 'custom':
        return custom.trim() ? { kind: 'custom', text: custom.trim() } : null;
    }
  }

  function check(): Errors {
    const found: Errors = {};
    if (!worksheetId) found.worksheet = 'Choose a worksheet.';
    if (!title.trim()) found.title = 'Give the assignment a title.';
    if (frequency === 'perWeek' && !frequencyValue()) found.times = 'Enter a number of times from 1 to 21.';
    if (frequency === 'custom' && !frequencyValue()) found.custom = 'Describe how often, e.g. “when the worry comes”.';
    if (!startDate) found.startDate = 'Enter the start date.';
    if (!dueDate) found.dueDate = 'Enter the date it will be reviewed.';
    else if (startDate && dueDate < startDate) found.dueDate = 'The review date cannot be before the start date.';
    return found;
  }

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    const frequencyChosen = frequencyValue();
    if (Object.keys(found).length > 0 || !frequencyChosen) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const assignment = await call('homework:assign', {
        assignment: {
          clientId,
          worksheetId,
          title: title.trim(),
          instructions: readInstructions.current() ?? { type: 'doc', content: [] },
          frequency: frequencyChosen,
          startDate,
          dueDate,
          target: target.trim(),
          noteId,
        },
      });
      assignmentsChanged(clientId);
      onAssigned(assignment);
    } catch (error) {
      const field = error instanceof ApiError && error.field ? serverFields[error.field] : undefined;
      if (field) {
        setErrors({ [field]: messageOf(error) });
        focusFirstError();
      } else setFailure(messageOf(error));
      setBusy(false);
    }
  }

  /** The attributes that tie an input to its hint and its error message. */
  const described = (field: Field, hint = false) => ({
    'aria-invalid': errors[field] ? (true as const) : undefined,
    'aria-describedby':
      [errors[field] ? `${id}-${field}-error` : '', hint ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') ||
      undefined,
  });
  const errorOf = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <Modal title="Assign homework" onClose={onClose}>
      <form ref={formRef} className="assign-form" onSubmit={(event) => void submit(event)} noValidate>
        {noteId && (
          <p className="hint assign-context">Recorded in this note and under Homework on the client’s page.</p>
        )}
        {loadError && <Alert kind="error">{loadError}</Alert>}
        {failure && <Alert kind="error">{failure}</Alert>}

        <div className="field">
          <label htmlFor={`${id}-worksheet`}>Worksheet</label>
          <select
            id={`${id}-worksheet`}
            value={worksheetId}
            disabled={worksheets === null}
            onChange={(event) => chooseWorksheet(event.target.value)}
            {...described('worksheet', true)}
          >
            <option value="">{worksheets === null ? 'Loading the library…' : 'Choose a worksheet…'}</option>
            {worksheets?.map((worksheet) => (
              <option key={worksheet.id} value={worksheet.id}>
                {worksheet.title}
                {worksheet.builtIn ? '' : ' (yours)'}
              </option>
            ))}
          </select>
          {errorOf('worksheet')}
          <p id={`${id}-worksheet-hint`} className="hint">
            {chosen ? chosen.purpose : 'The sheet the client fills in; it prints with the instructions below.'}
          </p>
        </div>

        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={200}
            onChange={(event) => {
              titleEdited.current = true;
              setTitle(event.target.value);
            }}
            {...described('title')}
          />
          {errorOf('title')}
        </div>

        <div className="field">
          <span className="field-label" id={`${id}-instructions-label`}>
            Instructions
          </span>
          <RichTextField
            labelledBy={`${id}-instructions-label`}
            describedBy={`${id}-instructions-hint`}
            placeholder="What to do, when, and how to note it down…"
            initial={null}
            onChange={onInstructions}
          />
          <p id={`${id}-instructions-hint`} className="hint">
            For the client: printed on their sheet.
          </p>
        </div>

        <fieldset className="field frequency">
          <legend>How often</legend>
          <div className="frequency-choices">
            {(
              [
                ['once', 'Once'],
                ['daily', 'Every day'],
                ['perWeek', 'A number of times a week'],
                ['custom', 'Other'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="review-choice">
                <input
                  type="radio"
                  name={`${id}-frequency`}
                  value={kind}
                  checked={frequency === kind}
                  onChange={() => setFrequency(kind)}
                />
                {label}
              </label>
            ))}
          </div>
          {frequency === 'perWeek' && (
            <div className="field inline">
              <label htmlFor={`${id}-times`}>How many times a week</label>
              <input
                id={`${id}-times`}
                type="number"
                min={1}
                max={21}
                step={1}
                value={times}
                onChange={(event) => setTimes(event.target.value)}
                {...described('times')}
              />
              {errorOf('times')}
            </div>
          )}
          {frequency === 'custom' && (
            <div className="field">
              <label htmlFor={`${id}-custom`}>How often, in your words</label>
              <input
                id={`${id}-custom`}
                value={custom}
                maxLength={200}
                placeholder="e.g. each time the worry comes"
                onChange={(event) => setCustom(event.target.value)}
                {...described('custom')}
              />
              {errorOf('custom')}
            </div>
          )}
        </fieldset>

        <div className="assign-dates">
          <div className="field">
            <label htmlFor={`${id}-startDate`}>Starts</label>
            <input
              id={`${id}-startDate`}
              type="date"
              value={startDate}
              onChange={(event) => changeStart(event.target.value)}
              {...described('startDate')}
            />
            {errorOf('startDate')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-dueDate`}>Review on</label>
            <input
              id={`${id}-dueDate`}
              type="date"
              value={dueDate}
              onChange={(event) => setDueDate(event.target.value)}
              {...described('dueDate', true)}
            />
            {errorOf('dueDate')}
            <p id={`${id}-dueDate-hint`} className="hint">
              Usually the next session, a week on.
            </p>
          </div>
        </div>

        <div className="field">
          <label htmlFor={`${id}-target`}>Target</label>
          <input
            id={`${id}-target`}
            value={target}
            maxLength={200}
            placeholder="e.g. 5 of 7 days"
            onChange={(event) => setTarget(event.target.value)}
            {...described('target', true)}
          />
          {errorOf('target')}
          <p id={`${id}-target-hint`} className="hint">
            What you agreed counts as done. Optional.
          </p>
        </div>

        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Assigning…' : 'Assign'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
