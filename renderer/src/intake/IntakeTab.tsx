import { Alert } from '../components/Alert';
import { DamagedRowsNotice } from '../components/DamagedRowsNotice';
import { useNoteLabels } from '../homework/useHomework';
import { IntakeWorkspace } from './IntakeWorkspace';
import { useClientIntake } from './useIntake';
import './intake.css';

/** The id of the intake section's heading: the overview's open-cautions line moves focus to it. */
export const INTAKE_HEADING_ID = 'intake-heading';

/** Every table the intake view reads: a damaged row of any is left out and counted here. */
const DAMAGED_TABLES = [
  'intake_entries',
  'intake_events',
  'intake_context',
  'intake_reviews',
  'caution_actions',
] as const;

/**
 * The client's intake: substances, supplements and medications (current and stopped, each
 * with its dated history), the optional context, and beside them the cautions for the
 * current list with what was done about each. It records and cautions; it never
 * recommends anything or calls a combination safe.
 */
export function IntakeTab({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { intake, error, patch } = useClientIntake(clientId);
  const noteLabel = useNoteLabels(clientId);
  return (
    <section className="intake-tab" aria-labelledby={INTAKE_HEADING_ID}>
      <div className="client-notes-header">
        <h2 id={INTAKE_HEADING_ID} tabIndex={-1}>
          Substances and medications
        </h2>
      </div>
      <p className="hint intake-intro">
        What the client takes, as they describe it, with cautions to discuss with them and their prescriber or
        pharmacist. Every change is dated and kept.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      <DamagedRowsNotice clientId={clientId} tables={DAMAGED_TABLES} readAgain={intake} />
      {intake === null && !error && <p className="muted">Loading…</p>}
      {intake !== null && (
        <IntakeWorkspace
          clientId={clientId}
          intake={intake}
          patch={patch}
          noteId={null}
          editable={!archived}
          noteLabel={noteLabel}
          headingLevel={3}
          expanded
        />
      )}
    </section>
  );
}
