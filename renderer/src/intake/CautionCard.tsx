import { useId, useState } from 'react';
import type { Caution, Grade } from '../../../shared/cautions';
import type { CautionAction } from '../../../shared/intake/cautionAction';
import { factCount } from './cautionGroups';
import { actionText, actionWhere, gradeWords } from './describe';
import { RecordActionForm } from './RecordActionForm';
import { SeverityLabel } from './Severity';

const gradeHint: Record<Grade, string> = {
  A: 'from an agency, regulator, official label or registry',
  P: 'from peer-reviewed work',
  S: 'from secondary reports (news, monographs, vendors)',
  U: 'unconfirmed: not established; say so when discussing it',
};

type CardProps = {
  clientId: string;
  caution: Caution;
  latest: CautionAction | null;
  noteId: string | null;
  noteLabel: (noteId: string) => string;
  canRecord: boolean;
  headingLevel: 4 | 5;
};

/**
 * One caution: its severity and title, what has been done about it, and folded under
 * it what is known, what to discuss, its sources and how well each fact is sourced.
 * Recording an action opens RecordActionForm under the card.
 */
export function CautionCard({ clientId, caution, latest, noteId, noteLabel, canRecord, headingLevel }: CardProps) {
  const id = useId();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const Heading = `h${headingLevel}` as const;
  const hedged = caution.grades.includes('U');
  return (
    <article className={`caution-card sev-${caution.severity}`} aria-labelledby={`${id}-title`}>
      <div className="caution-head">
        <SeverityLabel severity={caution.severity} />
        <Heading id={`${id}-title`} className="caution-title">
          {caution.title}
        </Heading>
      </div>
      <div className="caution-status-row">
        <div className="caution-status">
          <p className="caution-involves">
            <span className="muted">Involves:</span> {caution.involves.join(', ')}
          </p>
          <p className={latest ? 'caution-done' : 'caution-open'}>
            {latest ? (
              <>
                <span aria-hidden="true">✓ </span>
                <strong>{actionText(latest)}</strong>
                <span className="muted"> · {actionWhere(latest, noteLabel, noteId ?? undefined)}</span>
              </>
            ) : caution.severity === 'serious' ? (
              <strong>Not yet addressed</strong>
            ) : (
              <span className="muted">Nothing recorded yet</span>
            )}
          </p>
        </div>
        {canRecord && !recording && (
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setRecorded(false);
              setRecording(true);
            }}
          >
            {latest ? 'Record another action' : 'Record what was done'}
            <span className="visually-hidden"> about “{caution.title}”</span>
          </button>
        )}
      </div>
      {recorded && (
        <p className="visually-hidden" role="status">
          Recorded.
        </p>
      )}
      <details className="caution-more">
        <summary>
          What is known, what to discuss, sources
          <span className="visually-hidden"> — {caution.title}</span>
        </summary>
        <p className="caution-part">What is known</p>
        <p>{caution.summary}</p>
        {hedged && (
          <p className="caution-hedge">
            Parts of this are <strong>unconfirmed</strong> (grade U): present them as possible, not established.
          </p>
        )}
        <p className="caution-part">What to discuss, and with whom</p>
        <p>{caution.discuss}</p>
        <p className="caution-part">Sources</p>
        <ol className="caution-sources">
          {caution.sources.map((source) => (
            <li
              key={`${source.title}-${source.publisher}`}
              className={source.grade === 'U' ? 'unconfirmed' : undefined}
            >
              <span className="source-title">{source.title}</span>.{' '}
              <span className="muted">
                {source.publisher}
                {source.year !== null ? `, ${source.year}` : ', year not given'}.
              </span>{' '}
              <GradeTag grade={source.grade} />
              {source.url && (
                // Plain text, not a link: the app opens nothing and has no network.
                <span className="source-url">{source.url}</span>
              )}
            </li>
          ))}
        </ol>
        {caution.grades.length > 0 && (
          <>
            <p className="caution-part">How well the facts are sourced</p>
            <ul className="caution-grades">
              {caution.grades.map((grade) => (
                <li key={grade} className={grade === 'U' ? 'unconfirmed' : undefined}>
                  <GradeTag grade={grade} /> {gradeHint[grade]}
                  {/* Counted, never pointed at by section: the user sees this caution's own sources above. */}
                  <span className="muted"> ({factCount(caution.facts, grade)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
      {recording && (
        <RecordActionForm
          clientId={clientId}
          caution={caution}
          noteId={noteId}
          onDone={(saved) => {
            setRecording(false);
            if (saved) setRecorded(true);
          }}
        />
      )}
    </article>
  );
}

function GradeTag({ grade }: { grade: Grade }) {
  return (
    <span className={`grade-tag grade-${grade}`}>
      <abbr title={gradeWords[grade]}>{grade}</abbr>
      <span className="grade-word"> {gradeWords[grade]}</span>
    </span>
  );
}
