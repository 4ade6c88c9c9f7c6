import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  emptySafetyPlanSteps,
  REASONS_FOR_LIVING,
  SAFETY_PLAN_ITEM_MAX,
  SAFETY_PLAN_ITEMS_MAX,
  SAFETY_PLAN_STEPS,
  type SafetyPlanSteps,
  type SafetyPlanVersion,
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

/** Tells the safety plan and the risk flag of this client to read again. */
function safetyPlanChanged(clientId: string) {
  clientRecordsChanged('safetyPlan:get', clientId);
  clientRecordsChanged('clients:riskSummary', clientId);
}

/**
 * The client's safety plan (Stanley & Brown), filled in together in the session: each
 * save is a new dated version, earlier ones stay readable. Not homework: it is never
 * assigned or rated.
 */
export function SafetyPlanSection({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { value: plan, error } = useClientRecords('safetyPlan:get', clientId);
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
              Version {latest.version}, saved {savedOn(latest.createdAt)}.
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
                {each.noteId && <span className="muted"> — in a session note</span>}
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

/** The plan being filled in: each step a list of lines; Enter starts the next line, empty lines are dropped. */
function SafetyPlanForm({
  clientId,
  initial,
  onCancel,
  onSaved,
}: {
  clientId: string;
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
      onSaved(await call('safetyPlan:save', { clientId, steps, noteId: null }));
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
