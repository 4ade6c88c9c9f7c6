import { currentCautions, openSeriousCautions } from '../../../shared/intake/overview';
import { today } from '../homework/dates';
import { INTAKE_HEADING_ID } from './IntakeTab';
import { SeverityIcon } from './Severity';
import { useClientIntake } from './useIntake';
import './intake.css';

/**
 * One line on the client's overview while serious cautions on the current list have
 * nothing recorded about them: "2 serious cautions not yet addressed: …". Nothing when
 * there are none (which never means the list is safe: the intake section says so).
 */
export function OpenCautionsSummary({ clientId, onShowIntake }: { clientId: string; onShowIntake: () => void }) {
  const { intake } = useClientIntake(clientId);
  if (intake === null) return null;
  const open = openSeriousCautions(currentCautions(intake.entries, intake.context, today()), intake.actions);
  if (open.length === 0) return null;
  const count = open.length === 1 ? '1 serious caution' : `${open.length} serious cautions`;
  const titles = open.map((caution) => `${caution.title} (${caution.involves.join(', ')})`).join('; ');

  function goToIntake() {
    // Show the tab first; the heading is inside its panel, which is hidden until then.
    onShowIntake();
    const heading = document.getElementById(INTAKE_HEADING_ID);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  return (
    <div className="open-cautions" role="status">
      <SeverityIcon severity="serious" />
      <p>
        <strong>{count} not yet addressed:</strong> {titles}.{' '}
        <button type="button" className="link" onClick={goToIntake}>
          See Substances and medications
        </button>
      </p>
    </div>
  );
}
