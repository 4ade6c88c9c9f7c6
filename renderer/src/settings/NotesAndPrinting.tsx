import { type FormEvent, useId, useState } from 'react';
import { DRAFT_REMINDER_MAX_DAYS, type Settings, settingsUpdateSchema } from '../../../shared/settings';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { useSettingsForm } from './useSettingsForm';

const paperChoices: { value: Settings['paperSize']; label: string }[] = [
  { value: 'auto', label: 'As usual for this computer’s language (A4 or US Letter)' },
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'US Letter' },
];

/**
 * Settings → Notes and printing: after how many days an unsigned draft is flagged on the
 * home screen, and the paper client sheets print on unless chosen otherwise.
 */
export function NotesAndPrinting() {
  const id = useId();
  const [days, setDays] = useState('');
  const [paper, setPaper] = useState<Settings['paperSize']>('auto');
  const [daysError, setDaysError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const loading = useSettingsForm(
    (settings) => {
      setDays(String(settings.draftReminderDays));
      setPaper(settings.paperSize);
    },
    (text) => setMessage({ kind: 'error', text }),
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = settingsUpdateSchema.safeParse({ draftReminderDays: Number(days), paperSize: paper });
    if (days.trim() === '' || !parsed.success) {
      setDaysError(
        days.trim() === ''
          ? 'Enter a number of days.'
          : (parsed.error?.issues[0]?.message ?? `Enter 1 to ${DRAFT_REMINDER_MAX_DAYS} days.`),
      );
      document.getElementById(`${id}-days`)?.focus();
      return;
    }
    setDaysError(null);
    try {
      const saved = await call('settings:update', parsed.data);
      setDays(String(saved.draftReminderDays));
      setPaper(saved.paperSize);
      const size = paperChoices.find((choice) => choice.value === saved.paperSize)?.label ?? '';
      setMessage({
        kind: 'success',
        text: `Saved. Drafts are flagged after ${saved.draftReminderDays} day${saved.draftReminderDays === 1 ? '' : 's'}; sheets print on ${saved.paperSize === 'auto' ? 'the usual size for this computer' : size}.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <form className="card" onSubmit={save} {...loading} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Notes and printing</h2>
      <div className="field inline">
        <label htmlFor={`${id}-days`}>Flag unsigned drafts after (days, 1–{DRAFT_REMINDER_MAX_DAYS})</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={DRAFT_REMINDER_MAX_DAYS}
          step={1}
          value={days}
          aria-invalid={daysError ? true : undefined}
          aria-describedby={daysError ? `${id}-days-error` : `${id}-days-hint`}
          onChange={(event) => {
            setDays(event.target.value);
            setDaysError(null);
          }}
        />
      </div>
      {daysError ? (
        <p id={`${id}-days-error`} className="field-error">
          {daysError}
        </p>
      ) : (
        <p id={`${id}-days-hint`} className="hint">
          The home screen lists notes still unsigned after this many days.
        </p>
      )}
      <div className="field inline">
        <label htmlFor={`${id}-paper`}>Paper size for client sheets</label>
        <select
          id={`${id}-paper`}
          value={paper}
          onChange={(event) => setPaper(event.target.value as Settings['paperSize'])}
        >
          {paperChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit">Save</button>
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
    </form>
  );
}
