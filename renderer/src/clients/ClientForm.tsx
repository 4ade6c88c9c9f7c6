import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type Client, type ClientInput, clientInputSchema, emptyClientInput } from '../../../shared/clients/client';
import { localToday } from '../../../shared/dates';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { modLabel, useModShortcut } from '../shortcuts';

type Props = {
  client: Client | null;
  /** Unsaved edits are kept under this key while the form is away (e.g. the vault locked). */
  draftKey: string;
  onSaved: (client: Client) => void;
  onCancel: () => void;
};
type FieldName = keyof ClientInput;
type Errors = Partial<Record<FieldName, string>>;

// Unsaved form input survives the vault locking (the form unmounts) so nothing
// typed is lost; it never reaches the disk unencrypted.
const drafts = new Map<string, ClientInput>();

function inputOf(client: Client | null): ClientInput {
  if (!client) return { ...emptyClientInput };
  // The default template is set on its own (clients:setDefaultTemplate), not through the form.
  const { id: _id, status: _status, createdAt: _c, updatedAt: _u, defaultTemplateId: _t, ...input } = client;
  return input;
}

function validate(input: ClientInput): Errors {
  const result = clientInputSchema.safeParse(input);
  if (result.success) return {};
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FieldName | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

type FieldProps = {
  name: FieldName;
  label: string;
  input: ClientInput;
  errors: Errors;
  onChange: (name: FieldName, value: string) => void;
  onBlur: (name: FieldName) => void;
  type?: 'text' | 'email' | 'tel' | 'date';
  multiline?: boolean;
  hint?: string;
  autoFocus?: boolean;
  required?: boolean;
  autoComplete?: string;
};

function Field({
  name,
  label,
  input,
  errors,
  onChange,
  onBlur,
  type = 'text',
  multiline,
  hint,
  autoFocus,
  required,
  autoComplete = 'off',
}: FieldProps) {
  const id = `client-${name}`;
  const error = errors[name];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value: input[name],
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    onBlur: () => onBlur(name),
  };
  return (
    <div className={multiline ? 'field span-2' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> (required)</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={5} onChange={(event) => onChange(name, event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={autoComplete}
          max={type === 'date' ? localToday() : undefined}
          onChange={(event) => onChange(name, event.target.value)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Add or edit a client. Nothing is saved until every field passes validation. */
export function ClientForm({ client, draftKey, onSaved, onCancel }: Props) {
  const [input, setInput] = useState<ClientInput>(() => drafts.get(draftKey) ?? inputOf(client));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    drafts.set(draftKey, input);
  }, [draftKey, input]);

  const change = (name: FieldName, value: string) => {
    setInput((current) => ({ ...current, [name]: value }));
    if (errors[name]) setErrors((current) => ({ ...current, [name]: validate({ ...input, [name]: value })[name] }));
  };
  const blur = (name: FieldName) => setErrors((current) => ({ ...current, [name]: validate(input)[name] }));

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const found = validate(input);
    setErrors(found);
    setFormError(null);
    const firstBad = Object.keys(found)[0];
    if (firstBad) {
      formRef.current?.querySelector<HTMLElement>(`#client-${firstBad}`)?.focus();
      setFormError('Please correct the highlighted fields. Nothing has been saved yet.');
      return;
    }
    setBusy(true);
    try {
      const saved = client
        ? await call('clients:update', { id: client.id, client: input })
        : await call('clients:create', { client: input });
      drafts.delete(draftKey);
      onSaved(saved);
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.field?.split('.')[1] : undefined;
      if (field && field in input) setErrors((current) => ({ ...current, [field]: messageOf(failure) }));
      setFormError(`${messageOf(failure)} Your typing is still here.`);
      setBusy(false);
    }
  }

  function cancel() {
    drafts.delete(draftKey);
    onCancel();
  }

  useModShortcut('s', () => void save());
  const fieldProps = { input, errors, onChange: change, onBlur: blur };
  return (
    <form
      ref={formRef}
      className="client-form"
      onSubmit={save}
      onKeyDown={(event) => {
        // Escape leaves only an untouched form: typed text is never thrown away by a stray key.
        if (event.key === 'Escape' && JSON.stringify(input) === JSON.stringify(inputOf(client))) cancel();
      }}
      aria-labelledby="client-form-title"
      noValidate
    >
      <h1 id="client-form-title">{client ? `Edit ${client.displayName}` : 'New client'}</h1>
      <fieldset>
        <legend>Identity</legend>
        <div className="form-grid">
          <Field name="displayName" label="Name" required autoFocus {...fieldProps} />
          <Field name="preferredName" label="Preferred name" hint="Used on printed client sheets." {...fieldProps} />
          <Field name="pronouns" label="Pronouns" {...fieldProps} />
          <Field name="dateOfBirth" label="Date of birth" type="date" {...fieldProps} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        <div className="form-grid">
          <Field name="phone" label="Phone" type="tel" {...fieldProps} />
          <Field name="email" label="Email" type="email" {...fieldProps} />
          <Field name="emergencyContactName" label="Emergency contact name" {...fieldProps} />
          <Field name="emergencyContactPhone" label="Emergency contact phone" type="tel" {...fieldProps} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Clinical</legend>
        <div className="form-grid">
          <Field name="diagnosis" label="Diagnosis" {...fieldProps} />
          <Field name="diagnosisCode" label="ICD-10 code" hint="Optional, e.g. F32.1" {...fieldProps} />
          <Field name="presentingConcerns" label="Presenting concerns" multiline {...fieldProps} />
        </div>
      </fieldset>
      {formError && <Alert kind="error">{formError}</Alert>}
      <div className="actions sticky-actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy} title={`Save (${modLabel()}S)`}>
          {busy ? 'Saving…' : client ? 'Save changes' : 'Add client'}
        </button>
      </div>
    </form>
  );
}
