import { type FormEvent, useId, useState } from 'react';
import { type Caution, type Grade, knowledgeBase, type Severity } from '../../../shared/cautions';
import {
  type CautionAction,
  type CautionActionKind,
  cautionActionKinds,
  cautionKey,
} from '../../../shared/intake/cautionAction';
import { latestActions } from '../../../shared/intake/overview';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { formatDay } from '../homework/dates';
import { actionText, actionWhere, gradeWords, severityWords } from './describe';
import { intakeChanged } from './useIntake';

export const DISCLAIMER =
  'Information to discuss with the client’s prescriber or pharmacist; not medical advice. Absence of a caution does not mean a combination is safe.';

/** "Knowledge base 1.0.0, reviewed 25 Nov 2026" */
export function kbVersionText(): string {
  return `Caution knowledge base ${knowledgeBase.version}, reviewed ${formatDay(knowledgeBase.reviewed)}`;
}

/**
 * The severity as a shape as well as a word and a colour: a triangle for serious, a
 * diamond for caution, a circle for information. Decorative: the word beside it is read.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg className={`severity-icon sev-${severity}`} viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      {severity === 'serious' && (
        <>
          <path d="M10 1.5 19 18H1Z" className="shape" />
          <path d="M10 7v5" className="mark" />
          <circle cx="10" cy="15" r="1.1" className="dot" />
        </>
      )}
      {severity === 'caution' && (
        <>
          <path d="M10 1 19 10 10 19 1 10Z" className="shape" />
          <path d="M10 5.5v5.5" className="mark" />
          <circle cx="10" cy="14" r="1.1" className="dot" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="10" cy="10" r="9" className="shape" />
          <circle cx="10" cy="5.8" r="1.1" className="dot" />
          <path d="M10 9v6" className="mark" />
        </>
      )}
    </svg>
  );
}

export function SeverityLabel({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-label sev-${severity}`}>
      <SeverityIcon severity={severity} />
      {severityWords[severity]}
    </span>
  );
}

const gradeHint: Record<Grade, string> = {
  A: 'from an agency, regulator, official label or registry',
  P: 'from peer-reviewed work',
  S: 'from secondary reports (news, monographs, vendors)',
  U: 'unconfirmed: not established; say so when discussing it',
};

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
  const counts = (['serious', 'caution', 'info'] as const)
    .map((severity) => [severity, cautions.filter((caution) => caution.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severityWords[severity].toLocaleLowerCase()}`);
  const pressing = cautions.filter((caution) => caution.severity !== 'info');
  const information = cautions.filter((caution) => caution.severity === 'info');
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

/** The knowledge base's version and review date, and the disclaimer. */
export function KbNote() {
  return (
    <div className="kb-note" role="note" aria-label="About these cautions">
      <p>{DISCLAIMER}</p>
      <p className="muted">{kbVersionText()}.</p>
    </div>
  );
}

type CardProps = {
  clientId: string;
  caution: Caution;
  latest: CautionAction | null;
  noteId: string | null;
  noteLabel: (noteId: string) => string;
  canRecord: boolean;
  headingLevel: 4 | 5;
};

function CautionCard({ clientId, caution, latest, noteId, noteLabel, canRecord, headingLevel }: CardProps) {
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
                  <span className="muted">
                    {' '}
                    ({factCount(caution.facts.filter((fact) => fact.grade === grade).length)})
                  </span>
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

/** "1 fact" / "3 facts": how many of the caution's facts have a grade. */
const factCount = (count: number) => `${count} ${count === 1 ? 'fact' : 'facts'}`;

function GradeTag({ grade }: { grade: Grade }) {
  return (
    <span className={`grade-tag grade-${grade}`}>
      <abbr title={gradeWords[grade]}>{grade}</abbr>
      <span className="grade-word"> {gradeWords[grade]}</span>
    </span>
  );
}

/**
 * Recording what was done about one caution, dated, in the note (or on the client's
 * record). Nothing is recorded until "Record"; "Not relevant" needs a reason.
 */
function RecordActionForm({
  clientId,
  caution,
  noteId,
  onDone,
}: {
  clientId: string;
  caution: Caution;
  noteId: string | null;
  onDone: (saved: CautionAction | null) => void;
}) {
  const id = useId();
  const [action, setAction] = useState<CautionActionKind | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: 'action' | 'reason' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === null) {
      setProblem({ field: 'action', message: 'Choose what was done.' });
      return;
    }
    if (action === 'notRelevant' && reason.trim() === '') {
      setProblem({ field: 'reason', message: 'Say why it is not relevant.' });
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const saved = await call('cautions:recordAction', {
        clientId,
        noteId,
        cautionId: caution.id,
        cautionTitle: caution.title,
        severity: caution.severity,
        involves: caution.involves,
        action,
        reason: action === 'notRelevant' ? reason.trim() : '',
        kbVersion: knowledgeBase.version,
      });
      intakeChanged(clientId);
      onDone(saved);
    } catch (failure) {
      setProblem({
        field: failure instanceof ApiError && failure.field === 'reason' ? 'reason' : null,
        message: messageOf(failure),
      });
      setBusy(false);
    }
  }

  const untouched = action === null && reason === '';
  return (
    <form
      className="caution-record"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // Escape leaves only an untouched choice.
        if (event.key === 'Escape' && untouched) {
          event.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      <fieldset>
        <legend>What was done about “{caution.title}”?</legend>
        <div className="caution-choices">
          {cautionActionKinds.map((kind, index) => (
            <label key={kind.id} className="review-choice">
              <input
                type="radio"
                name={`${id}-action`}
                value={kind.id}
                checked={action === kind.id}
                autoFocus={index === 0}
                onChange={() => {
                  setAction(kind.id);
                  setProblem(null);
                }}
              />
              {kind.label}
            </label>
          ))}
        </div>
        {problem?.field === 'action' && <p className="field-error">{problem.message}</p>}
        {action === 'notRelevant' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why it is not relevant</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={1000}
              value={reason}
              aria-invalid={problem?.field === 'reason' ? true : undefined}
              aria-describedby={problem?.field === 'reason' ? `${id}-reason-error` : undefined}
              onChange={(event) => {
                setReason(event.target.value);
                if (problem?.field === 'reason') setProblem(null);
              }}
              onKeyDown={(event) => {
                // Enter records (as in the other fields); Shift+Enter starts a new line.
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
            {problem?.field === 'reason' && (
              <p id={`${id}-reason-error`} className="field-error">
                {problem.message}
              </p>
            )}
          </div>
        )}
        {problem && problem.field === null && <Alert kind="error">{problem.message}</Alert>}
        <div className="actions caution-record-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
