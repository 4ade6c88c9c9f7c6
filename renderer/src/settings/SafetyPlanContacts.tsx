import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { CRISIS_LINES_MAX, crisisLinesOf, type Settings, settingsUpdateSchema } from '../../../shared/settings';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import './safetyPlanContacts.css';
import { useSettingsForm } from './useSettingsForm';

/**
 * The contacts printed on a safety plan (issue 12), each in its own labelled field and
 * printed under its own label: the therapist's phone (with their name from the card
 * above), the after-hours line, any number of crisis lines, the emergency number and the
 * nearest emergency department. Nothing is built in: the numbers are the therapist's.
 */

type Single = 'therapistPhone' | 'afterHoursLine' | 'emergencyNumber' | 'emergencyDepartment';
type Line = { key: string; label: string; number: string };
type Message = { kind: 'error' | 'success' | 'info'; text: string } | null;
/** Problems by field: a single field's name, or `${line key}.label` / `${line key}.number`. */
type Problems = Record<string, string>;

const SINGLES: { key: Single; label: string; hint?: string; max: number; placeholder?: string }[] = [
  {
    key: 'therapistPhone',
    label: 'Your phone number',
    hint: 'Printed under “My therapist”, after your name.',
    max: 40,
  },
  {
    key: 'afterHoursLine',
    label: 'After-hours or on-call line',
    max: 120,
    placeholder: 'e.g. Practice on-call line and its number',
  },
  { key: 'emergencyNumber', label: 'Emergency number', max: 40 },
  {
    key: 'emergencyDepartment',
    label: 'Nearest emergency department',
    hint: 'Its name and address.',
    max: 200,
  },
];

let nextKey = 0;
const newLine = (label = '', number = ''): Line => ({ key: `line-${++nextKey}`, label, number });
const isEmpty = (line: Line) => line.label.trim() === '' && line.number.trim() === '';

const singlesOf = (settings: Settings): Record<Single, string> => ({
  therapistPhone: settings.therapistPhone,
  afterHoursLine: settings.afterHoursLine,
  emergencyNumber: settings.emergencyNumber,
  emergencyDepartment: settings.emergencyDepartment,
});
const linesOf = (settings: Settings) => crisisLinesOf(settings).map((line) => newLine(line.label, line.number));

export function SafetyPlanContacts() {
  const id = useId();
  const [singles, setSingles] = useState<Record<Single, string>>({
    therapistPhone: '',
    afterHoursLine: '',
    emergencyNumber: '',
    emergencyDepartment: '',
  });
  const [lines, setLines] = useState<Line[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  /** The control to focus after the next render (a new row, the row above a removed one). */
  const focusNext = useRef<string | null>(null);
  const card = useRef<HTMLFormElement>(null);

  const show = (loaded: Settings) => {
    setSingles(singlesOf(loaded));
    setLines(linesOf(loaded));
    return loaded;
  };

  const loading = useSettingsForm(
    (loaded) => {
      setSingles(singlesOf(loaded));
      setLines(linesOf(loaded));
      if (loaded.crisisLines.trim() !== '') {
        setMessage({
          kind: 'info',
          text: 'Your crisis lines were kept as text by an earlier version and are shown here as rows. Check each name and number, then save.',
        });
      }
    },
    (text) => setMessage({ kind: 'error', text }),
  );

  const focusOn = (domIdOf: string) => card.current?.querySelector<HTMLElement>(`#${CSS.escape(domIdOf)}`)?.focus();
  useEffect(() => {
    if (!focusNext.current) return;
    focusOn(focusNext.current);
    focusNext.current = null;
  });

  const domId = (field: string) => `${id}-${field}`.replace(/[^a-zA-Z0-9_-]/g, '');
  const clear = (field: string) => {
    if (problems[field]) {
      const { [field]: _, ...rest } = problems;
      setProblems(rest);
    }
    if (message?.kind === 'success') setMessage(null);
  };

  function addLine(after?: number) {
    if (lines.length >= CRISIS_LINES_MAX) return;
    const line = newLine();
    const at = after === undefined ? lines.length : after + 1;
    setLines([...lines.slice(0, at), line, ...lines.slice(at)]);
    focusNext.current = domId(`${line.key}.label`);
  }

  function removeLine(index: number) {
    const gone = lines[index];
    const rest = lines.filter((_, each) => each !== index);
    setLines(rest);
    if (gone) {
      const { [`${gone.key}.label`]: _label, [`${gone.key}.number`]: _number, ...kept } = problems;
      setProblems(kept);
    }
    // Focus stays near: the row above, else the row that took its place, else "Add".
    const near = rest[index - 1] ?? rest[index];
    focusNext.current = near ? domId(`${near.key}.label`) : domId('add');
  }

  /** Enter in a row goes on to the next row, adding one after the last. */
  function onRowKey(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const next = lines[index + 1];
    if (next) focusOn(domId(`${next.key}.label`));
    else addLine(index);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    // Rows left empty are drafts: dropped, never a reason to refuse the rest.
    const kept = lines.filter((line) => !isEmpty(line));
    const request = {
      ...singles,
      crisisLineEntries: kept.map(({ label, number }) => ({ label, number })),
      // Lines kept as text before are now rows above: saved once, as rows.
      crisisLines: '',
    };
    const parsed = settingsUpdateSchema.safeParse(request);
    if (!parsed.success) {
      const found: Problems = {};
      for (const issue of parsed.error.issues) {
        const [key, index, part] = issue.path;
        const line = key === 'crisisLineEntries' && typeof index === 'number' ? kept[index] : undefined;
        const field = line ? `${line.key}.${part === 'number' ? 'number' : 'label'}` : String(key);
        found[field] ??= issue.message;
      }
      setProblems(found);
      setMessage({ kind: 'error', text: 'Nothing was saved: check the marked fields.' });
      const first = [
        ...SINGLES.map((each) => each.key as string),
        ...lines.flatMap((line) => [`${line.key}.label`, `${line.key}.number`]),
      ].find((field) => found[field]);
      if (first) focusOn(domId(first));
      return;
    }
    setBusy(true);
    try {
      const saved = show(await call('settings:update', parsed.data));
      setProblems({});
      const count = crisisLinesOf(saved).length;
      setMessage({
        kind: 'success',
        text: `Saved. Safety plans print these contacts${count ? `, with ${count} crisis line${count === 1 ? '' : 's'}` : ''}.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) =>
    problems[field] ? (
      <p id={domId(`${field}-error`)} className="field-error">
        {problems[field]}
      </p>
    ) : null;
  const described = (field: string, hint?: boolean) =>
    [problems[field] ? domId(`${field}-error`) : '', hint ? domId(`${field}-hint`) : ''].filter(Boolean).join(' ') ||
    undefined;

  const single = (each: (typeof SINGLES)[number]) => (
    <div className="field" key={each.key}>
      <label htmlFor={domId(each.key)}>{each.label}</label>
      <input
        id={domId(each.key)}
        value={singles[each.key]}
        maxLength={each.max}
        placeholder={each.placeholder}
        inputMode={each.key === 'therapistPhone' || each.key === 'emergencyNumber' ? 'tel' : undefined}
        aria-invalid={problems[each.key] ? true : undefined}
        aria-describedby={described(each.key, !!each.hint)}
        onChange={(event) => {
          setSingles({ ...singles, [each.key]: event.target.value });
          clear(each.key);
        }}
      />
      {each.hint && (
        <p id={domId(`${each.key}-hint`)} className="hint">
          {each.hint}
        </p>
      )}
      {errorOf(each.key)}
    </div>
  );
  const [phone, afterHours, emergency, department] = SINGLES;

  return (
    <form
      className="card safety-contacts"
      ref={card}
      onSubmit={save}
      {...loading}
      aria-labelledby={domId('title')}
      noValidate
    >
      <h2 id={domId('title')}>Safety plan contacts</h2>
      <p>
        Printed on safety plans, each under its own label. A field left empty prints as a blank line to write on.
        Sessionkeep has no built-in numbers: check them for your clients’ region.
      </p>
      <div className="safety-contacts-grid">
        {phone && single(phone)}
        {afterHours && single(afterHours)}
      </div>
      <fieldset className="crisis-lines">
        <legend>Crisis lines</legend>
        {lines.length > 0 && (
          <div className="crisis-line-heads" aria-hidden="true">
            <span>Name</span>
            <span>Number to call or text</span>
          </div>
        )}
        <ol className="crisis-line-rows">
          {lines.map((line, index) => (
            <li className="crisis-line" key={line.key}>
              {(['label', 'number'] as const).map((part) => {
                const field = `${line.key}.${part}`;
                return (
                  <div className="crisis-line-cell" key={part}>
                    <input
                      id={domId(field)}
                      value={line[part]}
                      maxLength={part === 'label' ? 80 : 40}
                      inputMode={part === 'number' ? 'tel' : undefined}
                      aria-label={`Crisis line ${index + 1} ${part === 'label' ? 'name' : 'number'}`}
                      aria-invalid={problems[field] ? true : undefined}
                      aria-describedby={described(field)}
                      onKeyDown={(event) => onRowKey(event, index)}
                      onChange={(event) => {
                        setLines(
                          lines.map((each) => (each.key === line.key ? { ...each, [part]: event.target.value } : each)),
                        );
                        clear(field);
                      }}
                    />
                    {errorOf(field)}
                  </div>
                );
              })}
              <button
                type="button"
                className="quiet"
                aria-label={`Remove crisis line ${index + 1}${line.label.trim() ? ` (${line.label.trim()})` : ''}`}
                onClick={() => removeLine(index)}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        {lines.length === 0 && (
          <p className="hint">No crisis lines yet: the safety plan prints a blank line for one.</p>
        )}
        <div className="crisis-line-add">
          <button
            type="button"
            id={domId('add')}
            onClick={() => addLine()}
            disabled={lines.length >= CRISIS_LINES_MAX}
            aria-describedby={domId('add-hint')}
          >
            + Add crisis line
          </button>
          <span id={domId('add-hint')} className="hint">
            {lines.length >= CRISIS_LINES_MAX
              ? `Up to ${CRISIS_LINES_MAX} crisis lines.`
              : 'Enter in a row goes on to the next. All of them print.'}
          </span>
        </div>
        {errorOf('crisisLineEntries')}
      </fieldset>
      <div className="safety-contacts-grid">
        {emergency && single(emergency)}
        {department && single(department)}
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save contacts'}
        </button>
      </div>
    </form>
  );
}
