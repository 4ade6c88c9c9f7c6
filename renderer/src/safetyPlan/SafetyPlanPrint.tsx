import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SafetyPlanSteps, SafetyPlanVersion } from '../../../shared/safetyPlan/plan';
import type { Settings } from '../../../shared/settings';
import { printedFields } from '../../../shared/worksheets/contacts';
import { findBuiltInWorksheet } from '../../../shared/worksheets/index';
import type { WorksheetBlock } from '../../../shared/worksheets/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PrintActions } from '../print/PrintActions';
import { firstNameOf } from '../worksheets/WorksheetSheet';
import '../worksheets/sheets.css';

/**
 * The client's copy of their safety plan: what was filled in together, in the client
 * worksheet's own words for each step (shared/worksheets/library/safetyPlan.ts), with
 * the contacts from Settings under their labels. Shown over the page and printed alone.
 */

const WORKSHEET = findBuiltInWorksheet('safety-plan');
const stepsBlock = WORKSHEET?.blocks.find(
  (block): block is Extract<WorksheetBlock, { kind: 'steps' }> => block.kind === 'steps' && block.id === 'steps',
);
const contactsBlock = WORKSHEET?.blocks.find(
  (block): block is Extract<WorksheetBlock, { kind: 'fields' }> => block.kind === 'fields',
);

/** The step titles as the client reads them, in the order of SAFETY_PLAN_STEPS. */
const CLIENT_STEPS: { key: keyof SafetyPlanSteps; fallback: string }[] = [
  { key: 'warningSigns', fallback: 'My warning signs' },
  { key: 'copingStrategies', fallback: 'Things I can do on my own to cope' },
  { key: 'distractions', fallback: 'People and places that help me take my mind off things' },
  { key: 'helpers', fallback: 'People I can ask for help' },
  { key: 'professionals', fallback: 'Professionals and services I can contact' },
  { key: 'safeEnvironment', fallback: 'Making my surroundings safer' },
];

const PRINTING_CLASS = 'printing-safety-plan';

type Loaded = { settings: Settings; forName: string };

export function SafetyPlanPrint({ plan, onClose }: { plan: SafetyPlanVersion; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([call('settings:get', {}), call('clients:get', { id: plan.clientId })]).then(
      ([settings, client]) => live && setLoaded({ settings, forName: firstNameOf(client) }),
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [plan.clientId]);

  // Only this view prints while it is open (safetyPlan.css hides the rest of the page).
  useEffect(() => {
    document.body.classList.add(PRINTING_CLASS);
    return () => document.body.classList.remove(PRINTING_CLASS);
  }, []);

  const contacts = contactsBlock && loaded ? printedFields(contactsBlock.fields, loaded.settings) : [];
  const reasons = plan.steps.reasonsForLiving;

  return createPortal(
    <div className="safety-plan-print-view" role="dialog" aria-modal="true" aria-label="Safety plan to print">
      <div className="sheets-toolbar no-print">
        <button type="button" onClick={onClose} autoFocus>
          Back
        </button>
        <span className="muted">
          Version {plan.version}, as filled in on{' '}
          {new Date(plan.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}
        </span>
        <PrintActions job={loaded ? { kind: 'safetyPlan', clientId: plan.clientId, count: 1 } : null} />
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {loaded && (
        <article className="safety-plan-print">
          <h1>{loaded.forName ? `${loaded.forName}’s safety plan` : 'My safety plan'}</h1>
          <p className="safety-plan-print-when">
            Made with {loaded.settings.therapistName.trim() || 'my therapist'} on{' '}
            {new Date(plan.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}
          </p>
          <p className="safety-plan-print-instructions">
            Keep this somewhere you can find it quickly, like your phone or wallet. When things get hard, start at step
            1 and keep going until you feel safer.
          </p>
          {reasons.length > 0 && (
            <section className="safety-plan-print-step">
              <h2>The one thing that is most important to me</h2>
              <ul>
                {reasons.map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a saved version never changes; a line may repeat
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </section>
          )}
          <ol className="safety-plan-print-steps">
            {CLIENT_STEPS.map((step, index) => (
              <li key={step.key} className="safety-plan-print-step">
                <h2>
                  Step {index + 1}: {stepsBlock?.steps[index]?.title ?? step.fallback}
                </h2>
                {plan.steps[step.key].length > 0 ? (
                  <ul>
                    {plan.steps[step.key].map((line, at) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a saved version never changes; a line may repeat
                      <li key={at}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  <div className="safety-plan-print-blank" />
                )}
              </li>
            ))}
          </ol>
          {contacts.length > 0 && (
            <section className="safety-plan-print-step">
              <h2>{contactsBlock?.heading ?? 'Contacts'}</h2>
              <dl className="safety-plan-print-contacts">
                {contacts.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: several crisis lines share one label
                  <div key={index}>
                    <dt>{row.label}</dt>
                    <dd>{row.value || <span className="safety-plan-print-line" />}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <p className="safety-plan-print-emergency">
            If you are in danger right now, call your local emergency number.
          </p>
        </article>
      )}
    </div>,
    document.body,
  );
}
