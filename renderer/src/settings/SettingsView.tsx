import { type FormEvent, type MouseEvent, type ReactNode, useEffect, useState } from 'react';
import { settingsUpdateSchema } from '../../../shared/settings';
import { ApiError, call, messageOf } from '../api';
import { BackupSettings } from '../backup/BackupSettings';
import { TransferSettings } from '../backup/TransferSettings';
import { Alert } from '../components/Alert';
import { newPassphraseProblem, PassphraseField } from '../components/PassphraseField';
import { AboutKnowledgeBase } from '../intake/AboutKnowledgeBase';
import { DistortionSettings } from '../templates/DistortionSettings';
import { TemplateSettings } from '../templates/TemplateSettings';
import { AuditLog } from './AuditLog';
import { DataHealth } from './DataHealth';
import { NotesAndPrinting } from './NotesAndPrinting';
import { SafetyPlanContacts } from './SafetyPlanContacts';
import { SecuritySettings } from './SecuritySettings';
import { useSettingsForm } from './useSettingsForm';
import './settingsNav.css';

type Message = { kind: 'error' | 'success'; text: string } | null;

function ProfileSettings() {
  const [therapistName, setTherapistName] = useState('');
  const [practiceName, setPracticeName] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const loading = useSettingsForm(
    (settings) => {
      setTherapistName(settings.therapistName);
      setPracticeName(settings.practiceName);
    },
    (text) => setMessage({ kind: 'error', text }),
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = await call('settings:update', { therapistName, practiceName });
      setTherapistName(saved.therapistName);
      setPracticeName(saved.practiceName);
      setMessage({ kind: 'success', text: 'Saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <form className="card" onSubmit={save} {...loading} aria-labelledby="profile-title" noValidate>
      <h2 id="profile-title">You and your practice</h2>
      <p>Your name is recorded when you sign a note; both appear on printed notes.</p>
      <div className="field">
        <label htmlFor="therapist-name">Your name, as you sign notes</label>
        <input
          id="therapist-name"
          value={therapistName}
          maxLength={120}
          placeholder="e.g. Dr Ana Ruiz, Clinical Psychologist"
          onChange={(event) => setTherapistName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="practice-name">Practice name</label>
        <input
          id="practice-name"
          value={practiceName}
          maxLength={120}
          onChange={(event) => setPracticeName(event.target.value)}
        />
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="actions">
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}

function AutoLockSettings() {
  const [minutes, setMinutes] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const loading = useSettingsForm(
    (settings) => setMinutes(String(settings.autoLockMinutes)),
    (text) => setMessage({ kind: 'error', text }),
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    // Only this field: the full settings schema would ask for every other setting too.
    const parsed = settingsUpdateSchema.safeParse({ autoLockMinutes: Number(minutes) });
    if (!parsed.success || minutes.trim() === '') {
      setMessage({ kind: 'error', text: parsed.error?.issues[0]?.message ?? 'Enter a number of minutes.' });
      return;
    }
    try {
      const saved = await call('settings:update', parsed.data);
      setMinutes(String(saved.autoLockMinutes));
      setMessage({
        kind: 'success',
        text: `Sessionkeep will lock after ${saved.autoLockMinutes} minutes without activity.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <form className="card" onSubmit={save} {...loading} aria-labelledby="autolock-title" noValidate>
      <h2 id="autolock-title">Automatic lock</h2>
      <p>
        Lock the vault after this many minutes without activity. It also locks when the screen locks or the computer
        sleeps.
      </p>
      <div className="field inline">
        <label htmlFor="auto-lock-minutes">Minutes (1–60)</label>
        <input
          id="auto-lock-minutes"
          type="number"
          min={1}
          max={60}
          step={1}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <button type="submit">Save</button>
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
    </form>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (current === '') {
      setMessage({ kind: 'error', text: 'Enter your current passphrase.' });
      return;
    }
    const problem = await newPassphraseProblem(next, repeat);
    if (problem) {
      setMessage({ kind: 'error', text: problem });
      return;
    }
    setBusy(true);
    try {
      await call('vault:changePassphrase', { currentPassphrase: current, newPassphrase: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage({
        kind: 'success',
        text: 'Passphrase changed. Use the new one next time you unlock. Your recovery key still works.',
      });
    } catch (error) {
      if (error instanceof ApiError && error.field === 'currentPassphrase') setCurrent('');
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="passphrase-title" noValidate>
      <h2 id="passphrase-title">Change passphrase</h2>
      <PassphraseField
        label="Current passphrase"
        name="current"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField
        label="New passphrase"
        name="next"
        value={next}
        onChange={setNext}
        withMeter
        autoComplete="new-password"
      />
      <PassphraseField
        label="Repeat the new passphrase"
        name="repeat"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}

function VaultFacts() {
  const [folder, setFolder] = useState('');
  useEffect(() => {
    void call('vault:status', {}).then(
      (status) => setFolder(status.folder),
      () => undefined,
    );
  }, []);
  return (
    <section className="card" aria-labelledby="vault-title">
      <h2 id="vault-title">Your vault</h2>
      <p>
        Everything is stored encrypted in <code>{folder}</code>. The files there are unreadable without your passphrase
        or recovery key.
      </p>
    </section>
  );
}

/** The cards of the page, in order, with the words the in-page navigation uses for them. */
const CARDS: { id: string; label: string; Card: () => ReactNode }[] = [
  { id: 'settings-profile', label: 'You and your practice', Card: ProfileSettings },
  { id: 'settings-safety-plan', label: 'Safety plan contacts', Card: SafetyPlanContacts },
  { id: 'settings-templates', label: 'Note templates', Card: TemplateSettings },
  { id: 'settings-distortions', label: 'Cognitive distortions', Card: DistortionSettings },
  { id: 'settings-notes', label: 'Notes and printing', Card: NotesAndPrinting },
  { id: 'settings-autolock', label: 'Automatic lock', Card: AutoLockSettings },
  { id: 'settings-passphrase', label: 'Change passphrase', Card: ChangePassphrase },
  { id: 'settings-security', label: 'Security', Card: SecuritySettings },
  { id: 'settings-vault', label: 'Your vault', Card: VaultFacts },
  { id: 'settings-backups', label: 'Backups', Card: BackupSettings },
  { id: 'settings-transfer', label: 'Export and import', Card: TransferSettings },
  { id: 'settings-health', label: 'Data health', Card: DataHealth },
  { id: 'settings-activity', label: 'Activity log', Card: AuditLog },
  { id: 'settings-about', label: 'About', Card: AboutKnowledgeBase },
];

/** Brings a card into view and puts focus on its heading, so keyboard users land where they chose. */
function goToCard(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const card = document.getElementById(id);
  if (!card) return;
  // The app has one page address: the link's #id only names the card, it is not a route.
  event.preventDefault();
  card.scrollIntoView({ block: 'start' });
  const heading = card.querySelector<HTMLElement>('h2') ?? card;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

export function SettingsView() {
  return (
    <div className="settings with-nav">
      <h1>Settings</h1>
      <nav className="settings-nav" aria-label="Settings sections">
        <ul>
          {CARDS.map(({ id, label }) => (
            <li key={id}>
              <a href={`#${id}`} onClick={(event) => goToCard(event, id)}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-cards">
        {CARDS.map(({ id, Card }) => (
          <div key={id} id={id} className="settings-anchor">
            <Card />
          </div>
        ))}
      </div>
    </div>
  );
}
