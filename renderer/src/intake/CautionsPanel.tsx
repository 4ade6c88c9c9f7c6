import { useId } from 'react';
import type { Caution } from '../../../shared/cautions';
import { type CautionAction, cautionKey } from '../../../shared/intake/cautionAction';
import { latestActions } from '../../../shared/intake/overview';
import { CautionCard } from './CautionCard';
import { groupBySeverity, severityCounts } from './cautionGroups';
import { KbNote } from './KbNote';

type PanelProps = {
  clientId: string;
  cautions: Caution[];
  actions: CautionAction[];
  /** The note actions are recorded in, or null on the client's intake. */
  noteId: string | null;
  noteLabel: (noteId: string) => string;
  /** False: no recording (an archived client). */
  canRecord: boolean;
  /** Has the client anything listed at all (changes the empty message). */
  hasEntries: boolean;
  headingLevel: 3 | 4;
  /** Information-only cautions shown open (the client's intake) or folded (a note). */
  infoOpen: boolean;
};

/** The cautions for the current list, most severe first, each with what was done about it. */
export function CautionsPanel({
  clientId,
  cautions,
  actions,
  noteId,
  noteLabel,
  canRecord,
  hasEntries,
  headingLevel,
  infoOpen,
}: PanelProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const latest = latestActions(actions);
  const counts = severityCounts(cautions);
  const { pressing, information } = groupBySeverity(cautions);
  const item = (caution: Caution) => {
    const key = cautionKey(caution);
    return (
      <li key={key}>
        <CautionCard
          clientId={clientId}
          caution={caution}
          latest={latest.get(key) ?? null}
          noteId={noteId}
          noteLabel={noteLabel}
          canRecord={canRecord}
          headingLevel={headingLevel === 3 ? 4 : 5}
        />
      </li>
    );
  };
  return (
    <section className="intake-cautions" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} className="intake-subheading">
        Cautions {counts.length > 0 && <span className="muted">({counts.join(', ')})</span>}
      </Heading>
      <KbNote />
      {cautions.length === 0 ? (
        <p className="muted">
          {hasEntries
            ? 'No built-in caution for the current list. That does not mean the combination is safe.'
            : 'Cautions appear here as substances and medications are added.'}
        </p>
      ) : (
        <>
          {pressing.length > 0 && (
            <ul className="caution-list" aria-label="Cautions to discuss">
              {pressing.map(item)}
            </ul>
          )}
          {information.length > 0 && (
            <details className="caution-info-group" open={infoOpen}>
              <summary>
                For information <span className="muted">({information.length})</span>
              </summary>
              <ul className="caution-list" aria-label="For information">
                {information.map(item)}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
