import { useEffect, useId, useRef, useState } from 'react';
import {
  emptySafetyPlanSteps,
  type SafetyPlanVersion,
  type SafetyPlanVersionRef,
  versionsMadeIn,
} from '../../../shared/safetyPlan/plan';
import type { TemplateDef } from '../../../shared/templates/types';
import { call, messageOf } from '../api';
import { useClientRecords } from '../clientRecords';
import { Alert } from '../components/Alert';
import { useNoteHomework } from '../homework/noteHomework';
import { SafetyPlanPrint } from './SafetyPlanPrint';
import { SafetyPlanForm, safetyPlanChanged, savedOnLong } from './SafetyPlanSection';
import './safetyPlan.css';

/**
 * The safety plan inside a session note (issue: "filled in together in session … linked
 * from the note in which it was made or revised"). A draft note states the latest version
 * and opens the client page's own editor, saving with this note's id; a signed note says
 * which versions were made in it. Outside a note (an old revision) it is left out.
 */
export function NoteSafetyPlan({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const note = useNoteHomework();
  if (!note) return null;
  return note.signed ? (
    <SafetyPlanMadeInNote noteId={note.noteId} clientId={note.clientId} headingLevel={headingLevel} />
  ) : (
    <SafetyPlanInDraft noteId={note.noteId} clientId={note.clientId} />
  );
}

/**
 * Where a note shows its safety plan: after the risk section when the template has one
 * (the plan answers the risk just recorded), otherwise at the end, before signing.
 */
export const safetyPlanPlace = (template: TemplateDef): string | null =>
  template.sections.some((section) => section.id === RISK_SECTION_ID) ? RISK_SECTION_ID : null;

/** "Safety plan revised in this note — version 2, 3 December 2026": the one line, on screen and on paper. */
export const madeInNoteLine = (version: Pick<SafetyPlanVersionRef, 'version' | 'createdAt'>) =>
  `Safety plan revised in this note — version ${version.version}, ${savedOnLong(version.createdAt)}`;

/** The id riskSection() gives the risk section in every built-in template (shared/templates/builtins/sections.ts). */
const RISK_SECTION_ID = 'risk';

type Focus = 'editor' | 'confirmation' | 'opener' | null;

function SafetyPlanInDraft({ noteId, clientId }: { noteId: string; clientId: string }) {
  const id = useId();
  const { value: plan, error } = useClientRecords('safetyPlan:get', clientId);
  const [editing, setEditing] = useState(false);
  const [focus, setFocus] = useState<Focus>(null);
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  const latest = plan?.latest ?? null;
  const madeHere = plan ? versionsMadeIn(plan.versions, noteId).at(-1) : undefined;

  // The editor focuses its own first line; after saving the confirmation takes the focus
  // (read out by screen readers), after cancelling the button that opened the editor.
  useEffect(() => {
    if (focus === 'confirmation' && confirmationRef.current) {
      confirmationRef.current.focus();
      setFocus(null);
    } else if (focus === 'opener' && openerRef.current) {
      openerRef.current.focus();
      setFocus(null);
    }
  });

  return (
    <section className="note-section safety-plan-in-note" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        Safety plan
      </h2>
      <p className="section-help">
        Filled in or revised together with the client, in their words. Each save is a new dated version in the client’s
        record, linked to this note.
      </p>
      {error && <Alert kind="error">The safety plan could not be read. {error}</Alert>}
      {plan && !editing && (
        <p className="safety-plan-status">
          {latest ? `Version ${latest.version}, saved ${savedOnLong(latest.createdAt)}` : 'No safety plan yet'}
        </p>
      )}
      {madeHere && !editing && (
        <p ref={confirmationRef} tabIndex={-1} className="safety-plan-in-note-done">
          <span aria-hidden="true">✓ </span>Safety plan revised in this note (version {madeHere.version})
        </p>
      )}
      {plan && !editing && (
        <div className="actions">
          <button ref={openerRef} type="button" onClick={() => setEditing(true)}>
            {latest ? 'Revise the safety plan in this session' : 'Fill in the safety plan in this session'}
          </button>
        </div>
      )}
      {plan && editing && (
        <SafetyPlanForm
          clientId={clientId}
          noteId={noteId}
          initial={latest?.steps ?? emptySafetyPlanSteps()}
          onCancel={() => {
            setEditing(false);
            setFocus('opener');
          }}
          onSaved={() => {
            setEditing(false);
            setFocus('confirmation');
            safetyPlanChanged(clientId);
          }}
        />
      )}
    </section>
  );
}

/** A signed note: the versions saved in it, each viewable and printable as it was then. */
function SafetyPlanMadeInNote({
  noteId,
  clientId,
  headingLevel,
}: {
  noteId: string;
  clientId: string;
  headingLevel: 2 | 3;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { value: plan } = useClientRecords('safetyPlan:get', clientId);
  const [printing, setPrinting] = useState<SafetyPlanVersion | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const returnTo = useRef<HTMLButtonElement | null>(null);
  const made = plan ? versionsMadeIn(plan.versions, noteId) : [];
  if (made.length === 0) return null;

  async function open(version: SafetyPlanVersionRef, button: HTMLButtonElement) {
    setFailure(null);
    returnTo.current = button;
    try {
      setPrinting(await call('safetyPlan:version', { clientId, id: version.id }));
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <section className="note-section read safety-plan-in-note" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="section-title">
        Safety plan
      </Heading>
      <ul className="safety-plan-in-note-list">
        {made.map((version) => (
          <li key={version.id}>
            {madeInNoteLine(version)}.{' '}
            <button type="button" className="link" onClick={(event) => void open(version, event.currentTarget)}>
              View or print version {version.version}
            </button>
          </li>
        ))}
      </ul>
      {failure && <Alert kind="error">{failure}</Alert>}
      {printing && (
        <SafetyPlanPrint
          plan={printing}
          onClose={() => {
            setPrinting(null);
            returnTo.current?.focus();
          }}
        />
      )}
    </section>
  );
}

/** The same line in the printed note, under its own heading. */
export function PrintedSafetyPlanLine({ noteId, clientId }: { noteId: string; clientId: string }) {
  const { value: plan } = useClientRecords('safetyPlan:get', clientId);
  const made = plan ? versionsMadeIn(plan.versions, noteId) : [];
  if (made.length === 0) return null;
  return (
    <section className="print-section">
      <h2>Safety plan</h2>
      {made.map((version) => (
        <div className="print-field" key={version.id}>
          <div className="print-text">{madeInNoteLine(version)}.</div>
        </div>
      ))}
    </section>
  );
}
