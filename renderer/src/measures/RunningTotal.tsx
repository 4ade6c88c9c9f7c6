import type { InstrumentDef, MeasureResult } from '../../../shared/measures';
import type { MeasureDraft } from './drafts';
import { cutOffOf, runningTotal, verdict } from './history';

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

type Props = {
  def: InstrumentDef;
  answers: readonly (number | null)[];
  /** The score once every item is answered, else null. */
  result: MeasureResult | null;
  sex: MeasureDraft['sex'];
};

/**
 * The total as answers go in, announced politely: the running sum while items are
 * missing, the total with its band or screen once every item is answered.
 */
export function RunningTotal({ def, answers, result, sex }: Props) {
  const answered = answers.filter((answer) => answer !== null).length;
  return (
    <p className="running-total" role="status" aria-live="polite">
      {result ? (
        <>
          <span className="total-figure">
            Total {result.total}
            <span className="muted"> / {def.maxTotal}</span>
          </span>
          <span aria-hidden="true"> · </span>
          <span className="total-verdict">
            {capitalised(
              verdict({ instrument: def.id, band: result.band ?? null, positive: result.positive ?? null }) ?? '',
            )}
            {def.bands.length === 0 && (
              <span className="muted"> (cut-off {cutOffOf({ instrument: def.id, sex })})</span>
            )}
          </span>
        </>
      ) : answered === 0 ? (
        <span className="muted">No items answered yet.</span>
      ) : (
        <>
          <span className="total-figure">Running total {runningTotal(answers)}</span>{' '}
          <span className="muted">
            · {answered} of {def.items.length} answered; scored once every item is answered
          </span>
        </>
      )}
    </p>
  );
}
