import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { knowledgeBase } from '../../../shared/cautions';
import {
  type IntakeEntry,
  type IntakeFields,
  intakeFieldsSchema,
  medicationSourceOptions,
  obtainedFromOptions,
} from '../../../shared/intake/entry';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { fieldLabels, kindLabels, prescriberKnowsLabels, recognition } from './describe';
import { intakeChanged } from './useIntake';

type Kind = IntakeFields['kind'];
type Values = Record<string, string>;
type Errors = Record<string, string>;

/** What a form edits: a new entry of a kind, or an existing entry. */
export type FormTarget = { kind: Kind; entryId: string | null };

// Unsaved form input survives the form unmounting (the vault locking, leaving the note)
// so nothing typed is lost; it stays in memory only, never on disk. Cancel drops it.
const drafts = new Map<string, { target: FormTarget; values: Values }>();

const draftKey = (scope: string, target: FormTarget) => `${scope}|${target.entryId ?? `new-${target.kind}`}`;

/** A form left open with typing in it in this place (a note or the client's intake), to open again. */
export function openDraft(scope: string): FormTarget | null {
  for (const [key, draft] of drafts) if (key.startsWith(`${scope}|`)) return draft.target;
  return null;
}

const substanceKeys = [
  'name',
  'product',
  'amount',
  'unit',
  'route',
  'frequency',
  'startedOn',
  'lastUseOn',
  'obtainedFrom',
  'clientSaysFor',
  'prescriberKnows',
  'stoppedOn',
] as const;
const medicationKeys = ['name', 'dose', 'prescriber', 'source', 'startedOn', 'stoppedOn'] as const;

function valuesOf(kind: Kind, entry: IntakeEntry | null): Values {
  const keys = kind === 'substance' ? substanceKeys : medicationKeys;
  const fields = (entry?.fields ?? {}) as Record<string, unknown>;
  const values: Values = {};
  for (const key of keys) {
    const value = fields[key];
    values[key] = typeof value === 'string' ? value : '';
  }
  if (kind === 'substance' && values.prescriberKnows === '') values.prescriberKnows = 'unknown';
  if (kind === 'medication' && values.source === '') values.source = 'prescribed';
  return values;
}

function fieldsOf(kind: Kind, values: Values): unknown {
  if (kind === 'medication') return { kind, ...values };
  return { kind, ...values, obtainedFrom: values.obtainedFrom === '' ? null : values.obtainedFrom };
}

/** Names and aliases for the name field's suggestions; a substance may also be someone else's medicine. */
function suggestions(kind: Kind): { value: string; label: string }[] {
  const entries =
    kind === 'medication' ? knowledgeBase.medications : [...knowledgeBase.substances, ...knowledgeBase.medications];
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases]) {
      const folded = name.toLocaleLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      out.push({ value: name, label: name === entry.name ? '' : entry.name });
    }
  }
  return out;
}

const placeholders: Record<string, string> = {
  name: 'e.g. kratom, St John’s Wort, alcohol',
  product: 'e.g. brand or shop name',
  amount: 'e.g. 2',
  unit: 'e.g. g, capsules, drinks',
  route: 'e.g. by mouth, tea',
  frequency: 'e.g. daily, weekends',
  clientSaysFor: 'in the client’s words',
  dose: 'e.g. 50 mg once a day',
  prescriber: 'e.g. GP, psychiatrist',
};

type Props = {
  clientId: string;
  /** The note the change is recorded in, or null from the client's intake. */
  noteId: string | null;
  /** Where the form is (a note, the client's intake): drafts are kept per place. */
  scope: string;
  target: FormTarget;
  entry: IntakeEntry | null;
  onDone: (saved: IntakeEntry | null) => void;
};

/**
 * Adding or editing one entry. Enter saves; Escape closes an untouched form (typed text
 * is never thrown away by a stray key; Cancel drops it). Nothing is saved until the
 * fields pass the same schema the core checks; the core's own field errors show at
 * their field.
 */
export function IntakeForm({ clientId, noteId, scope, target, entry, onDone }: Props) {
  const id = useId();
  const kind = target.kind;
  const key = draftKey(scope, target);
  const initial = useRef(valuesOf(kind, entry));
  const [values, setValues] = useState<Values>(() => drafts.get(key)?.values ?? initial.current);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const restored = useRef(drafts.has(key));
  // "Not in the built-in list" waits until the name field is left: mid-word it is only noise.
  const [nameLeft, setNameLeft] = useState(() => (values.name ?? '') !== '');
  const untouched = JSON.stringify(values) === JSON.stringify(initial.current);

  useEffect(() => {
    if (untouched) drafts.delete(key);
    else drafts.set(key, { target, values });
  }, [key, target, values, untouched]);

  const change = (field: string, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function close(saved: IntakeEntry | null) {
    drafts.delete(key);
    onDone(saved);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = intakeFieldsSchema.safeParse(fieldsOf(kind, values));
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field && !found[field]) found[field] = issue.message;
      }
      setErrors(found);
      if (Object.keys(found).length === 0) setFailure(parsed.error.issues[0]?.message ?? 'Check the entry.');
      focusFirstError();
      return;
    }
    if (entry && JSON.stringify(parsed.data) === JSON.stringify(entry.fields)) {
      // Nothing changed: no dated change to record.
      close(null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = entry
        ? await call('intake:update', { id: entry.id, noteId, fields: parsed.data })
        : await call('intake:add', { clientId, noteId, fields: parsed.data });
      intakeChanged(clientId);
      close(saved);
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.replace(/^fields\./, '') : undefined;
      if (field && field in values) {
        setErrors({ [field]: messageOf(error) });
        focusFirstError();
      } else setFailure(`${messageOf(error)} Your typing is still here.`);
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && untouched) {
      event.preventDefault();
      close(null);
    }
  }

  const described = (field: string, hint?: boolean) => ({
    'aria-invalid': errors[field] ? (true as const) : undefined,
    'aria-describedby':
      [errors[field] ? `${id}-${field}-error` : '', hint ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') ||
      undefined,
  });
  const errorOf = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  const text = (field: string, className = '') => (
    <div className={`field ${className}`.trim()}>
      <label htmlFor={`${id}-${field}`}>{fieldLabels[field as keyof typeof fieldLabels]}</label>
      <input
        id={`${id}-${field}`}
        value={values[field] ?? ''}
        placeholder={placeholders[field]}
        onChange={(event) => change(field, event.target.value)}
        {...described(field)}
      />
      {errorOf(field)}
    </div>
  );
  const date = (field: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{fieldLabels[field as keyof typeof fieldLabels]}</label>
      <input
        id={`${id}-${field}`}
        type="date"
        value={values[field] ?? ''}
        onChange={(event) => change(field, event.target.value)}
        {...described(field, hint !== undefined)}
      />
      {errorOf(field)}
      {hint && (
        <p id={`${id}-${field}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );

  const nameFound = recognition(values.name ?? '');
  const recognised = nameFound?.known === false && !nameLeft ? null : nameFound;
  const title = entry ? `Edit ${entry.fields.name}` : `Add a ${kindLabels[kind].toLocaleLowerCase()}`;
  const stopHint = entry ? 'Leave empty while it is still taken.' : 'Only for something already stopped.';

  return (
    <form
      ref={formRef}
      className="intake-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id={`${id}-title`} className="intake-form-title">
        {title}
      </h3>
      {restored.current && !untouched && (
        <p className="hint intake-restored">What you typed before is back. Cancel drops it.</p>
      )}
      {failure && <Alert kind="error">{failure}</Alert>}
      <div className="intake-form-grid">
        <div className="field span-2">
          <label htmlFor={`${id}-name`}>{kind === 'medication' ? 'Medication (generic or brand)' : 'Name'}</label>
          <input
            id={`${id}-name`}
            list={`${id}-names`}
            autoComplete="off"
            autoFocus
            value={values.name ?? ''}
            placeholder={kind === 'medication' ? 'e.g. sertraline, Zoloft' : placeholders.name}
            onChange={(event) => {
              setNameLeft(false);
              change('name', event.target.value);
            }}
            onBlur={() => setNameLeft(true)}
            {...described('name', true)}
          />
          <datalist id={`${id}-names`}>
            {suggestions(kind).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </datalist>
          {errorOf('name')}
          <p
            id={`${id}-name-hint`}
            className={recognised?.known === false ? 'hint intake-recognised unknown' : 'hint intake-recognised'}
            aria-live="polite"
          >
            {recognised?.text ?? 'Start typing: names, brands and street names from the built-in list are suggested.'}
          </p>
        </div>
        {kind === 'substance' ? (
          <>
            {text('amount')}
            {text('unit')}
            {text('frequency')}
            {text('clientSaysFor', 'span-2')}
            {text('route')}
            <fieldset className="field intake-radios span-2">
              <legend>Prescriber knows</legend>
              <div className="intake-radio-row">
                {(['yes', 'no', 'unknown'] as const).map((answer) => (
                  <label key={answer} className="review-choice">
                    <input
                      type="radio"
                      name={`${id}-prescriberKnows`}
                      value={answer}
                      checked={values.prescriberKnows === answer}
                      onChange={() => change('prescriberKnows', answer)}
                    />
                    {prescriberKnowsLabels[answer]}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-obtainedFrom`}>{fieldLabels.obtainedFrom}</label>
              <select
                id={`${id}-obtainedFrom`}
                value={values.obtainedFrom ?? ''}
                onChange={(event) => change('obtainedFrom', event.target.value)}
                {...described('obtainedFrom')}
              >
                <option value="">Not recorded</option>
                {obtainedFromOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
              {errorOf('obtainedFrom')}
            </div>
            {text('product')}
            {date('startedOn')}
            {date('lastUseOn')}
            {date('stoppedOn', stopHint)}
          </>
        ) : (
          <>
            {text('dose')}
            {text('prescriber')}
            <div className="field span-2">
              <label htmlFor={`${id}-source`}>{fieldLabels.source}</label>
              <select
                id={`${id}-source`}
                value={values.source ?? 'prescribed'}
                onChange={(event) => change('source', event.target.value)}
                {...described('source')}
              >
                {medicationSourceOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
              {errorOf('source')}
            </div>
            {date('startedOn')}
            {date('stoppedOn', stopHint)}
          </>
        )}
      </div>
      <div className="actions intake-form-actions">
        <button type="button" onClick={() => close(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : entry ? 'Save changes' : 'Add'}
        </button>
      </div>
    </form>
  );
}

type StopProps = {
  entry: IntakeEntry;
  noteId: string | null;
  today: string;
  onDone: (saved: IntakeEntry | null) => void;
};

/** Stopping an entry: a change with a stop date (today unless said otherwise), kept in its history. */
export function StopForm({ entry, noteId, today, onDone }: StopProps) {
  const id = useId();
  const [stoppedOn, setStoppedOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = entry.fields.name;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = intakeFieldsSchema.safeParse({ ...entry.fields, stoppedOn });
    if (!stoppedOn) {
      setError('Enter the date it was stopped.');
      return;
    }
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the date.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const saved = await call('intake:update', { id: entry.id, noteId, fields: parsed.data });
      intakeChanged(entry.clientId);
      onDone(saved);
    } catch (failed) {
      if (failed instanceof ApiError && failed.field === 'fields.stoppedOn') setError(messageOf(failed));
      else setFailure(messageOf(failed));
      setBusy(false);
    }
  }

  return (
    <form
      className="intake-stop"
      aria-label={`Stop ${name}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-stoppedOn`}>Stopped on</label>
        <input
          id={`${id}-stoppedOn`}
          type="date"
          autoFocus
          value={stoppedOn}
          onChange={(event) => setStoppedOn(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-stoppedOn-error` : undefined}
        />
        {error && (
          <p id={`${id}-stoppedOn-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Stopping…' : `Stop ${name}`}
        </button>
      </div>
      {failure && <Alert kind="error">{failure}</Alert>}
    </form>
  );
}
