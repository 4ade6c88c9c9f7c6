import { useId, useRef, useState } from 'react';
import { type ClientIntakeContext, contextLabels, type IntakeEntry, isCurrent } from '../../../shared/intake/entry';
import { currentCautions } from '../../../shared/intake/overview';
import type { ClientIntake } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { today as localToday } from '../homework/dates';
import { CautionsPanel } from './CautionsPanel';
import { EntryCard } from './EntryCard';
import { IntakeForm } from './IntakeForm';
import { type FormTarget, openDraft } from './intakeDrafts';
import { StopForm } from './StopForm';
import { intakeChanged } from './useIntake';

type Props = {
  clientId: string;
  intake: ClientIntake;
  patch: (change: (current: ClientIntake) => ClientIntake) => void;
  /** The note changes are recorded in, or null on the client's intake. */
  noteId: string | null;
  /** False: read-only (an archived client). */
  editable: boolean;
  noteLabel: (noteId: string) => string;
  /** The level of the "Current" and "Cautions" headings. */
  headingLevel: 3 | 4;
  /** Stopped entries and information-only cautions shown open (the client's intake) or folded away (a note). */
  expanded: boolean;
};

/** Current ones in the order they were added; stopped ones, the most recently stopped first. */
function split(entries: readonly IntakeEntry[], day: string) {
  return {
    current: entries.filter((entry) => isCurrent(entry, day)),
    stopped: entries
      .filter((entry) => !isCurrent(entry, day))
      .sort((a, b) => b.fields.stoppedOn.localeCompare(a.fields.stoppedOn)),
  };
}

/**
 * The client's list with its cautions beside it (two columns when there is room): add,
 * edit and stop entries, the optional context, and recording what was done about each
 * caution. The cautions are worked out here, from the list as it stands, so they follow
 * every change at once.
 */
export function IntakeWorkspace({
  clientId,
  intake,
  patch,
  noteId,
  editable,
  noteLabel,
  headingLevel,
  expanded,
}: Props) {
  const id = useId();
  const scope = noteId ?? `client-${clientId}`;
  const [form, setForm] = useState<FormTarget | null>(() => (editable ? openDraft(scope) : null));
  const [stopping, setStopping] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const addButtons = useRef<HTMLDivElement>(null);
  const Heading = `h${headingLevel}` as const;
  const day = localToday();
  const { current, stopped } = split(intake.entries, day);
  const cautions = currentCautions(intake.entries, intake.context, day);

  function open(target: FormTarget) {
    setNotice(null);
    setStopping(null);
    setForm(target);
  }

  function formDone(saved: IntakeEntry | null, target: FormTarget) {
    setForm(null);
    if (saved) setNotice(target.entryId ? `${saved.fields.name}: changes saved.` : `${saved.fields.name} added.`);
    // Back to where the form was opened from.
    requestAnimationFrame(() => {
      if (target.entryId) document.getElementById(`intake-edit-${target.entryId}`)?.focus();
      else addButtons.current?.querySelector<HTMLButtonElement>(`[data-kind="${target.kind}"]`)?.focus();
    });
  }

  function entryForm(entry: IntakeEntry) {
    if (form?.entryId !== entry.id) return null;
    return (
      <IntakeForm
        clientId={clientId}
        noteId={noteId}
        scope={scope}
        target={form}
        entry={entry}
        onDone={(saved) => formDone(saved, form)}
      />
    );
  }

  function card(entry: IntakeEntry, isCurrentEntry: boolean) {
    const editing = form?.entryId === entry.id;
    return (
      <li key={entry.id}>
        <EntryCard
          entry={entry}
          current={isCurrentEntry}
          headingLevel={headingLevel === 3 ? 4 : 5}
          noteLabel={noteLabel}
          thisNoteId={noteId ?? undefined}
          actions={
            editable &&
            !editing &&
            stopping !== entry.id && (
              <div className="intake-entry-actions">
                <button
                  type="button"
                  id={`intake-edit-${entry.id}`}
                  className="small-button"
                  onClick={() => open({ kind: entry.fields.kind, entryId: entry.id })}
                >
                  Edit<span className="visually-hidden"> {entry.fields.name}</span>
                </button>
                {isCurrentEntry && (
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => {
                      setForm(null);
                      setNotice(null);
                      setStopping(entry.id);
                    }}
                  >
                    Stop<span className="visually-hidden"> {entry.fields.name}</span>
                  </button>
                )}
              </div>
            )
          }
        >
          {entryForm(entry)}
          {stopping === entry.id && (
            <StopForm
              entry={entry}
              noteId={noteId}
              today={day}
              onDone={(saved) => {
                setStopping(null);
                if (saved) setNotice(`${saved.fields.name} stopped; it is listed under Stopped with its history.`);
              }}
            />
          )}
        </EntryCard>
      </li>
    );
  }

  return (
    <div className="intake-workspace">
      {editable && (
        <div className="intake-add" ref={addButtons}>
          <button
            type="button"
            data-kind="substance"
            onClick={() => open({ kind: 'substance', entryId: null })}
            disabled={form?.entryId === null && form.kind === 'substance'}
          >
            + Substance or supplement
          </button>
          <button
            type="button"
            data-kind="medication"
            onClick={() => open({ kind: 'medication', entryId: null })}
            disabled={form?.entryId === null && form.kind === 'medication'}
          >
            + Medication
          </button>
          {notice && (
            <p className="intake-notice" role="status">
              {notice}
            </p>
          )}
        </div>
      )}
      {form && form.entryId === null && (
        <IntakeForm
          key={form.kind}
          clientId={clientId}
          noteId={noteId}
          scope={scope}
          target={form}
          entry={null}
          onDone={(saved) => formDone(saved, form)}
        />
      )}
      <div className="intake-layout">
        <div className="intake-main">
          <Heading id={`${id}-current`} className="intake-subheading">
            Current <span className="muted">({current.length})</span>
          </Heading>
          {current.length === 0 ? (
            <p className="muted intake-empty">
              Nothing listed as taken now. Add what the client takes: prescribed medicines, supplements, herbal
              products, alcohol and anything else.
            </p>
          ) : (
            <ul className="intake-list" aria-labelledby={`${id}-current`}>
              {current.map((entry) => card(entry, true))}
            </ul>
          )}

          {stopped.length > 0 && (
            <details className="intake-stopped" open={expanded}>
              <summary>
                <Heading id={`${id}-stopped`} className="intake-subheading">
                  Stopped <span className="muted">({stopped.length})</span>
                </Heading>
              </summary>
              <ul className="intake-list stopped" aria-labelledby={`${id}-stopped`}>
                {stopped.map((entry) => card(entry, false))}
              </ul>
            </details>
          )}

          <ContextChoices
            clientId={clientId}
            context={intake.context}
            editable={editable}
            onSaved={(context) => patch((currentIntake) => ({ ...currentIntake, context }))}
          />
        </div>
        <CautionsPanel
          clientId={clientId}
          cautions={cautions}
          actions={intake.actions}
          noteId={noteId}
          noteLabel={noteLabel}
          canRecord={editable}
          hasEntries={current.length > 0}
          headingLevel={headingLevel}
          infoOpen={expanded}
        />
      </div>
    </div>
  );
}

/** The optional context the cautions read (pregnancy, bipolar disorder…), saved as soon as it is ticked. */
function ContextChoices({
  clientId,
  context,
  editable,
  onSaved,
}: {
  clientId: string;
  context: ClientIntakeContext;
  editable: boolean;
  onSaved: (context: ClientIntakeContext) => void;
}) {
  const [shown, setShown] = useState<ClientIntakeContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = shown ?? context;

  async function toggle(key: keyof ClientIntakeContext, on: boolean) {
    const next = { ...value, [key]: on };
    setShown(next);
    setError(null);
    try {
      const saved = await call('intake:setContext', { clientId, context: next });
      onSaved(saved);
      setShown(null);
      intakeChanged(clientId);
    } catch (failure) {
      setShown(null);
      setError(`${messageOf(failure)} The box is back as it was.`);
    }
  }

  return (
    <fieldset className="intake-context">
      <legend>Context for the cautions</legend>
      <p className="hint">Optional: tick only what you know; the cautions take it into account.</p>
      <div className="intake-context-choices">
        {(Object.keys(contextLabels) as (keyof ClientIntakeContext)[]).map((key) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              checked={value[key]}
              disabled={!editable}
              onChange={(event) => void toggle(key, event.target.checked)}
            />
            {contextLabels[key]}
          </label>
        ))}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
    </fieldset>
  );
}
