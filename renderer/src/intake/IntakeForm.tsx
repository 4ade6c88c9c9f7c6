import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type IntakeEntry, intakeFieldsSchema } from '../../../shared/intake/entry';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { kindLabels } from './describe';
import type { FieldKit } from './IntakeFields';
import { draftKey, draftValues, dropDraft, type FormTarget, hasDraft, keepDraft } from './intakeDrafts';
import { type Errors, fieldsOf, firstErrors, type Values, valuesOf } from './intakeValues';
import { MedicationFields } from './MedicationFields';
import { NameField } from './NameField';
import { SubstanceFields } from './SubstanceFields';
import { intakeChanged } from './useIntake';

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
  const [values, setValues] = useState<Values>(() => draftValues(key) ?? initial.current);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const restored = useRef(hasDraft(key));
  const untouched = JSON.stringify(values) === JSON.stringify(initial.current);

  useEffect(() => {
    if (untouched) dropDraft(key);
    else keepDraft(key, target, values);
  }, [key, target, values, untouched]);

  const change = (field: string, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function close(saved: IntakeEntry | null) {
    dropDraft(key);
    onDone(saved);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = intakeFieldsSchema.safeParse(fieldsOf(kind, values));
    if (!parsed.success) {
      const found = firstErrors(parsed.error.issues);
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

  const kit: FieldKit = { id, values, errors, change };
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
        <NameField kit={kit} kind={kind} />
        {kind === 'substance' ? (
          <SubstanceFields kit={kit} stopHint={stopHint} />
        ) : (
          <MedicationFields kit={kit} stopHint={stopHint} />
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
