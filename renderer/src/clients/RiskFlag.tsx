import { PHQ_FREQUENCY_OPTIONS } from '../../../shared/measures';
import { useClientRecords } from '../clientRecords';
import './riskFlag.css';

const day = (iso: string) =>
  new Date(iso.length === 10 ? `${iso}T00:00:00` : iso).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });

/**
 * The risk flag at the top of the client page (issue 12 item 4), above the cautions:
 * the latest PHQ-9 with item 9 above 0, the latest note whose Risk section records
 * something, and the safety plan. Facts with their dates; no advice. Nothing is shown
 * for a client with neither an item-9 answer above 0 nor a risk assessment recorded.
 */
export function RiskFlag({
  clientId,
  onOpenNote,
  onShowSafetyPlan,
}: {
  clientId: string;
  onOpenNote: (noteId: string) => void;
  onShowSafetyPlan: () => void;
}) {
  // Read again when a safety plan is saved (SafetyPlanSection tells it).
  const { value: summary, error } = useClientRecords('clients:riskSummary', clientId);

  if (error) {
    return (
      <p className="risk-flag-error" role="alert">
        The risk summary could not be read. {error}
      </p>
    );
  }
  if (!summary || (!summary.item9 && !summary.assessment)) return null;
  const { item9, assessment, safetyPlan } = summary;
  const answer = item9 && PHQ_FREQUENCY_OPTIONS.find((option) => option.score === item9.score)?.label;
  // Facts about order only: whether the latest assessment was recorded before the latest answer.
  const assessedBefore = item9 && assessment && assessment.at.slice(0, 10) < item9.givenOn;

  const openNote = (noteId: string, label: string) => (
    <button type="button" className="link" onClick={() => onOpenNote(noteId)}>
      {label}
    </button>
  );

  return (
    <section className={item9 ? 'risk-flag item9' : 'risk-flag'} aria-labelledby="risk-flag-title">
      <h2 id="risk-flag-title" className="risk-flag-title">
        Risk
      </h2>
      <dl className="risk-flag-facts">
        <dt>PHQ-9 item 9</dt>
        <dd>
          {item9 ? (
            <>
              Answered above 0 on {day(item9.givenOn)}: {answer ? `“${answer}” (${item9.score})` : item9.score}, total{' '}
              {item9.total}.{item9.noteId && <> {openNote(item9.noteId, 'Open the note')}</>}
            </>
          ) : (
            <span className="muted">No answer above 0 on record.</span>
          )}
        </dd>
        <dt>Latest risk assessment</dt>
        <dd>
          {assessment ? (
            <>
              {day(assessment.at)}, {assessment.templateName}
              {assessment.status === 'draft' && ' (draft)'}
              {assessment.summary && <>: {assessment.summary}</>}
              {assessedBefore && <span className="muted"> — before the latest item-9 answer</span>}.{' '}
              {openNote(assessment.noteId, 'Open the note')}
            </>
          ) : (
            <span className="muted">No Risk section filled in any note.</span>
          )}
        </dd>
        <dt>Safety plan</dt>
        <dd>
          {safetyPlan ? (
            <>Latest version saved {day(safetyPlan.date)}. </>
          ) : (
            <span className="muted">No safety plan on record. </span>
          )}
          <button type="button" className="link" onClick={onShowSafetyPlan}>
            Go to the safety plan
          </button>
        </dd>
      </dl>
    </section>
  );
}
