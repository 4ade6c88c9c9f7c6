import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { NoteSummary } from '../../../shared/notes/note';
import {
  emptySafetyPlanSteps,
  REASONS_FOR_LIVING,
  SAFETY_PLAN_ITEM_MAX,
  SAFETY_PLAN_ITEMS_MAX,
  SAFETY_PLAN_STEPS,
  type SafetyPlanSteps,
  type SafetyPlanVersion,
  type SafetyPlanVersionRef,
} from '../../../shared/safetyPlan/plan';
import { call, messageOf } from '../api';
import { clientRecordsChanged, useClientRecords } from '../clientRecords';
import { Alert } from '../components/Alert';
import { SafetyPlanPrint } from './SafetyPlanPrint';
import './safetyPlan.css';

type StepKey = keyof SafetyPlanSteps;

/** The six steps, numbered as on the plan, then the reasons for living (not numbered). */
const PARTS: { key: StepKey; title: string; hint: string; number: number | null }[] = [
  ...SAFETY_PLAN_STEPS.map((step, index) => ({ key: step.id, title: step.title, hint: step.hint, number: index + 1 })),
  {
    key: REASONS_FOR_LIVING.id,
    title: REASONS_FOR_LIVING.title,
    hint: 'What the client names as worth living for. Optional.',
    number: null,
  },
];

const partName = (part: (typeof PARTS)[number]) =>
  part.number === null ? part.title : `Step ${part.number}: ${part.title}`;

export const savedOn = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A day written out in full ("3 December 2026"), as a note states the plan's date. */
export const savedOnLong = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** Tells the safety plan and the risk flag of this client to read again. */
export function safetyPlanChanged(clientId: string) {
  clientRecordsChanged('safetyPlan:get', clientId);
  clientRecordsChanged('clients:riskSummary', clientId);
}

/**
 * The client's safety plan (Stanley & Brown), filled in together in the session: each
 * save is a new dated version, earlier ones stay readable. Not homework: it is never
 * assigned or rated.
 */
export function SafetyPlanSection({
  clientId,
  archived,
  onOpenNote,
}: {
  clientId: string;
  archived: boolean;
  /** Opens the note a version was made in; without it the note's date is only stated. */
  onOpenNote?: (noteId: string) => void;
}) {
  const { value: plan, error } = useClientRecords('safetyPlan:get', clientId);
  const notes = useNotesOfVersions(clientId, plan?.versions ?? null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState<SafetyPlanVersion | null>(null);
  const [shownError, setShownError] = useState<string | null>(null);
  const [printing, setPrinting] = useState<SafetyPlanVersion | null>(null);

  const latest = plan?.latest ?? null;
  const earlier = plan?.versions.slice(1) ?? [];

  async function openVersion(id: string) {
    setShownError(null);
    try {
      setShown(await call('safetyPlan:version', { clientId, id }));
    } catch (failure) {
      setShownError(messageOf(failure));
    }
  }

  return (
    <section className="safety-plan" aria-labelledby="safety-plan-heading">
      <div className="client-notes-header">
        <h2 id="safety-plan-heading">Safety plan</h2>
        {!editing && plan && (
          <div className="actions">
            {latest && (
              <button type="button" onClick={() => setPrinting(latest)}>
                Print for the client…
              </button>
            )}
            {!archived && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {latest ? 'Revise the safety plan' : 'Fill in the safety plan'}
              </button>
            )}
          </div>
        )}
      </div>
      {error && <Alert kind="error">The safety plan could not be read. {error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {plan && !editing && (
        <p className="safety-plan-status">
          {latest ? (
            <>
              Version {latest.version}, saved {savedOn(latest.createdAt)}
              <MadeInNote version={latest} notes={notes} onOpenNote={onOpenNote} />.
            </>
          ) : (
            <span className="muted">
              No safety plan on record. It is filled in with the client in the session, in their words.
            </span>
          )}
        </p>
      )}
      {editing && plan && (
        <SafetyPlanForm
          clientId={clientId}
          initial={latest?.steps ?? emptySafetyPlanSteps()}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(`Saved as version ${saved.version}, ${savedOn(saved.createdAt)}.`);
            safetyPlanChanged(clientId);
          }}
        />
      )}
      {!editing && latest && (
        <PlanSteps steps={latest.steps} label={`Safety plan, version ${latest.version}`} level="h3" />
      )}
      {!editing && earlier.length > 0 && (
        <div className="safety-plan-versions">
          <h3 id="safety-plan-versions-heading">Earlier versions</h3>
          <ul aria-labelledby="safety-plan-versions-heading">
            {earlier.map((each) => (
              <li key={each.id}>
                <button
                  type="button"
                  className="link"
                  aria-pressed={shown?.id === each.id}
                  onClick={() => (shown?.id === each.id ? setShown(null) : void openVersion(each.id))}
                >
                  Version {each.version}, {savedOn(each.createdAt)}
                </button>
                <MadeInNote version={each} notes={notes} onOpenNote={onOpenNote} />
              </li>
            ))}
          </ul>
          {shownError && <Alert kind="error">{shownError}</Alert>}
          {shown && (
            <div className="safety-plan-earlier">
              <PlanSteps steps={shown.steps} label={`Safety plan, version ${shown.version}`} level="h4" />
            </div>
          )}
        </div>
      )}
      {printing && <SafetyPlanPrint plan={printing} onClose={() => setPrinting(null)} />}
    </section>
  );
}

/**
 * The notes the versions were made in, by id, to name each by its date. Read only when a
 * version names a note; a note that cannot be listed is simply not named.
 */
function useNotesOfVersions(clientId: string, versions: SafetyPlanVersionRef[] | null): Map<string, NoteSummary> {
  const [notes, setNotes] = useState<Map<string, NoteSummary>>(new Map());
  // Read again when a version names a note not seen before (one made in a note just now).
  const noteIds = (versions ?? []).flatMap((each) => (each.noteId ? [each.noteId] : [])).join(' ');
  useEffect(() => {
    if (noteIds === '') return;
    let live = true;
    call('notes:listForClient', { clientId }).then(
      (list) => live && setNotes(new Map(list.map((note) => [note.id, note]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [clientId, noteIds]);
  return notes;
}

/** " — in the session note of 3 Dec 2026", the date a button that opens the note when it can. */
function MadeInNote({
  version,
  notes,
  onOpenNote,
}: {
  version: SafetyPlanVersionRef;
  notes: Map<string, NoteSummary>;
  onOpenNote: ((noteId: string) => void) | undefined;
}) {
  const { noteId } = version;
  if (noteId === null) return null;
  const note = notes.get(noteId);
  if (!note) return <span className="muted"> — in a session note</span>;
  const date = savedOn(note.createdAt);
  return (
    <span className="muted">
      {' — in the session note of '}
      {onOpenNote ? (
        <button
          type="button"
          className="link"
          aria-label={`Open the session note of ${date} (version ${version.version})`}
          onClick={() => onOpenNote(noteId)}
        >
          {date}
        </button>
      ) : (
        date
      )}
    </span>
  );
}

/** A version as read: the steps with what was written, in order; an empty step says so. */
function PlanSteps({ steps, label, level }: { steps: SafetyPlanSteps; label: string; level: 'h3' | 'h4' }) {
  const Heading = level;
  return (
    <ol className="safety-plan-steps" aria-label={label}>
      {PARTS.map((part) => (
        <li key={part.key} className={part.number === null ? 'reasons' : undefined}>
          <Heading className="safety-plan-step-title">{partName(part)}</Heading>
          {steps[part.key].length > 0 ? (
            <ul>
              {steps[part.key].map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a version never changes, so its lines keep their places
                <li key={index}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing written.</p>
          )}
        </li>
      ))}
    </ol>
  );
}

type Rows = Record<StepKey, string[]>;

/**
 * The plan being filled in: each step a list of lines; Enter starts the next line, empty
 * lines are dropped. Used on the client's page and in a draft note (which passes its id,
 * so the version records the note it was made in).
 */
export function SafetyPlanForm({
  clientId,
  noteId = null,
  initial,
  onCancel,
  onSaved,
}: {
  clientId: string;
  noteId?: string | null;
  initial: SafetyPlanSteps;
  onCancel: () => void;
  onSaved: (saved: SafetyPlanVersion) => void;
}) {
  const id = useId();
  // Each step starts with its lines and one empty line to type into.
  const [rows, setRows] = useState<Rows>(
    () =>
      Object.fromEntries(
        PARTS.map((part) => [part.key, [...initial[part.key], ''].slice(0, SAFETY_PLAN_ITEMS_MAX)]),
      ) as Rows,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusNext = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    formRef.current?.querySelector<HTMLInputElement>(`#${CSS.escape(focusNext.current)}`)?.focus();
    focusNext.current = null;
  });
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const inputId = (key: StepKey, index: number) => `${id}-${key}-${index}`;

  function change(key: StepKey, index: number, text: string) {
    setRows((current) => ({ ...current, [key]: current[key].map((line, at) => (at === index ? text : line)) }));
  }

  function addLine(key: StepKey, after: number) {
    if (rows[key].length >= SAFETY_PLAN_ITEMS_MAX) return;
    setRows((current) => ({ ...current, [key]: current[key].toSpliced(after + 1, 0, '') }));
    focusNext.current = inputId(key, after + 1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, key: StepKey, index: number) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addLine(key, index);
  }

  async function save() {
    setFailure(null);
    const steps = Object.fromEntries(
      PARTS.map((part) => [part.key, rows[part.key].map((line) => line.trim()).filter((line) => line !== '')]),
    ) as SafetyPlanSteps;
    if (Object.values(steps).every((lines) => lines.length === 0)) {
      setFailure('Write at least one line in the safety plan before saving it.');
      return;
    }
    setBusy(true);
    try {
      onSaved(await call('safetyPlan:save', { clientId, steps, noteId }));
    } catch (error) {
      setFailure(messageOf(error));
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="safety-plan-form"
      aria-label="Fill in the safety plan"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="hint">
        Filled in together, in the client’s words. Enter starts the next line; empty lines are left out. Saving keeps
        this as a new version, dated today; earlier versions stay as they were.
      </p>
      {PARTS.map((part) => (
        <fieldset key={part.key} className="safety-plan-step" aria-describedby={`${id}-${part.key}-hint`}>
          <legend>{partName(part)}</legend>
          <p id={`${id}-${part.key}-hint`} className="hint">
            {part.hint}
          </p>
          {rows[part.key].map((line, index) => (
            <input
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are only added, in place; their order is their identity
              key={index}
              id={inputId(part.key, index)}
              value={line}
              maxLength={SAFETY_PLAN_ITEM_MAX}
              aria-label={`${partName(part)}, line ${index + 1}`}
              onChange={(event) => change(part.key, index, event.target.value)}
              onKeyDown={(event) => onKeyDown(event, part.key, index)}
            />
          ))}
          {rows[part.key].length < SAFETY_PLAN_ITEMS_MAX && (
            <button
              type="button"
              className="link"
              aria-label={`Add a line to ${partName(part)}`}
              onClick={() => addLine(part.key, rows[part.key].length - 1)}
            >
              + Add a line
            </button>
          )}
        </fieldset>
      ))}
      {failure && <Alert kind="error">{failure}</Alert>}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save as a new version'}
        </button>
      </div>
    </form>
  );
}
