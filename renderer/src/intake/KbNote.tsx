import { knowledgeBase } from '../../../shared/cautions';
import { formatDay } from '../homework/dates';

export const DISCLAIMER =
  'Information to discuss with the client’s prescriber or pharmacist; not medical advice. Absence of a caution does not mean a combination is safe.';

/** "Knowledge base 1.0.0, reviewed 25 Nov 2026" */
export function kbVersionText(): string {
  return `Caution knowledge base ${knowledgeBase.version}, reviewed ${formatDay(knowledgeBase.reviewed)}`;
}

/** The knowledge base's version and review date, and the disclaimer. */
export function KbNote() {
  return (
    <div className="kb-note" role="note" aria-label="About these cautions">
      <p>{DISCLAIMER}</p>
      <p className="muted">{kbVersionText()}.</p>
    </div>
  );
}
