import type { ReactNode } from 'react';
import type { IntakeEntry } from '../../../shared/intake/entry';
import { formatDay, formatMoment } from '../homework/dates';
import { changeParts, changeVerbs, detailPhrases, recognisedAs } from './describe';

type Props = {
  entry: IntakeEntry;
  /** True for an entry on the current list; stopped ones say when they stopped. */
  current: boolean;
  headingLevel: 3 | 4 | 5;
  noteLabel: (noteId: string) => string;
  /** The note being written, whose changes read "in this note". */
  thisNoteId?: string;
  /** Edit / Stop buttons, at the top right. */
  actions?: ReactNode;
  /** The form they open. */
  children?: ReactNode;
};

/** One substance or medication: its name as the client gave it, what it was recognised as, its details and history. */
export function EntryCard({ entry, current, headingLevel, noteLabel, thisNoteId, actions, children }: Props) {
  const Heading = `h${headingLevel}` as const;
  const headingId = `intake-entry-${entry.id}`;
  const { fields } = entry;
  const known = recognisedAs(fields.name);
  const details = detailPhrases(fields);
  return (
    <article className={`intake-entry ${fields.kind}`} aria-labelledby={headingId}>
      <div className="intake-entry-head">
        <Heading id={headingId} className="intake-entry-name">
          {fields.name}
        </Heading>
        <span className="intake-kind">{fields.kind === 'medication' ? 'Medication' : 'Substance'}</span>
        {actions}
      </div>
      {known && <p className="intake-known muted">{known}</p>}
      {details.length > 0 && (
        <p className="intake-details">
          {details.map((phrase) => (
            <span key={phrase}>{phrase}</span>
          ))}
        </p>
      )}
      {!current && fields.stoppedOn && <p className="intake-stopped-on">Stopped on {formatDay(fields.stoppedOn)}</p>}
      {current && fields.stoppedOn && <p className="intake-stopped-on">Stopping on {formatDay(fields.stoppedOn)}</p>}
      <EntryHistory entry={entry} noteLabel={noteLabel} thisNoteId={thisNoteId} />
      {children}
    </article>
  );
}

/** Every change to an entry, dated and kept: nothing is overwritten. */
export function EntryHistory({
  entry,
  noteLabel,
  thisNoteId,
}: {
  entry: IntakeEntry;
  noteLabel: (noteId: string) => string;
  thisNoteId?: string | undefined;
}) {
  const count = entry.history.length;
  return (
    <details className="intake-history">
      <summary>
        History ({count} {count === 1 ? 'change' : 'changes'})
        <span className="visually-hidden"> of {entry.fields.name}</span>
      </summary>
      <ol>
        {entry.history.map((change, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order
          <li key={index}>
            <span className="muted">{formatMoment(change.at)}</span> — <ChangeWords entry={entry} index={index} />
            {change.noteId && (
              <span className="muted">
                {' '}
                ({change.noteId === thisNoteId ? 'in this note' : `in ${noteLabel(change.noteId)}`})
              </span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** "<strong>Stopped</strong> on 12 Mar 2026", "<strong>Changed</strong>: Dose: 50 mg → 100 mg". */
export function ChangeWords({ entry, index }: { entry: IntakeEntry; index: number }) {
  const { verb, text } = changeParts(entry, index);
  return (
    <>
      <strong>{verb}</strong>
      {text && (verb === changeVerbs.stopped ? ` ${text}` : `: ${text}`)}
    </>
  );
}
