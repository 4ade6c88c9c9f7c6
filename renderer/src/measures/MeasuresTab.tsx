import { useState } from 'react';
import {
  AUDITC_THRESHOLD_EXPLANATION,
  getInstrument,
  type InstrumentId,
  instrumentIds,
} from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';
import { Alert } from '../components/Alert';
import { DamagedRowsNotice } from '../components/DamagedRowsNotice';
import { useNoteLabels } from '../homework/useHomework';
import { draftKey, readDraft } from './drafts';
import {
  changeWords,
  chronological,
  cutOffOf,
  cutOffsFor,
  hasItem9Flag,
  item9Answer,
  previousOf,
  resultWords,
  verdict,
} from './history';
import { LineChart } from './LineChart';
import { MeasureForm } from './MeasureForm';
import { formatDay, formatTick, useAdministrations } from './useMeasures';
import './measures.css';

const DAMAGED_TABLES = ['measure_administrations'] as const;

/**
 * The client's measures over time: for each instrument given at least once, a chart of
 * the totals (bands or the screen's cut-off named in words) and a table of every
 * administration, and giving a measure outside a note.
 */
export function MeasuresTab({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { administrations, error } = useAdministrations(clientId);
  // The date given has its own column.
  const noteLabel = useNoteLabels(clientId, { withDate: false });
  // A measure left half-entered comes back as it was (drafts.ts), without taking the focus.
  const [giving, setGiving] = useState(() => !archived && readDraft(draftKey(clientId, null)) !== undefined);
  const [opened, setOpened] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const list = administrations ?? [];
  const given = instrumentIds.filter((instrument) => list.some((each) => each.instrument === instrument));

  return (
    <section className="measures-tab" aria-labelledby="measures-heading">
      <div className="client-notes-header">
        <h2 id="measures-heading">Measures</h2>
        {!archived && !giving && (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setNotice(null);
                setOpened(true);
                setGiving(true);
              }}
            >
              Give a measure
            </button>
          </div>
        )}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <DamagedRowsNotice clientId={clientId} tables={DAMAGED_TABLES} readAgain={administrations} />
      {giving && (
        <MeasureForm
          clientId={clientId}
          noteId={null}
          focusOnOpen={opened}
          onClose={() => setGiving(false)}
          onRecorded={(recorded) => {
            setGiving(false);
            setNotice(`${getInstrument(recorded.instrument).name} recorded: ${resultWords(recorded)}.`);
          }}
        />
      )}
      {administrations === null && !error && <p className="muted">Loading measures…</p>}
      {administrations !== null && given.length === 0 && (
        <p className="muted">
          No measures given yet. Give one here, or in a session note’s measures section during the session.
        </p>
      )}
      {given.map((instrument) => (
        <InstrumentHistory
          key={instrument}
          instrument={instrument}
          history={chronological(list.filter((each) => each.instrument === instrument))}
          noteLabel={noteLabel}
        />
      ))}
    </section>
  );
}

/** One instrument's history: the chart and the table of every time it was given (tab and printed record). */
export function InstrumentHistory({
  instrument,
  history,
  noteLabel,
}: {
  instrument: InstrumentId;
  history: Administration[];
  noteLabel: (noteId: string) => string;
}) {
  const def = getInstrument(instrument);
  const latest = history[history.length - 1];
  const headingId = `measures-${instrument}-heading`;
  const marked = history.some(hasItem9Flag);
  const withoutSex = instrument === 'auditc' && history.some((each) => each.sex === null);
  return (
    <div className="measure-history">
      <h3 id={headingId} className="measure-heading">
        {def.name} <span className="muted">{def.fullName}</span>
      </h3>
      {latest && (
        <p className="measure-latest">
          Latest: <strong>{resultWords(latest)}</strong> on {formatDay(latest.givenOn)}
          {history.length > 1 && <> — {changeWords(latest, previousOf(history, latest), formatDay)}</>}
        </p>
      )}
      <figure className="measure-figure">
        <LineChart
          summary={chartSummary(instrument, history)}
          maxTotal={def.maxTotal}
          bands={def.bands}
          cutOffs={cutOffsFor(instrument, history)}
          points={history.map((each) => ({
            id: each.id,
            date: each.givenOn,
            total: each.total,
            marked: hasItem9Flag(each),
            title: `${formatDay(each.givenOn)}: ${def.name} ${resultWords(each)}${hasItem9Flag(each) ? '; item 9 answered above 0' : ''}`,
          }))}
          formatTick={formatTick}
        />
        {marked && (
          <figcaption className="chart-legend">
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <rect className="legend-diamond" x="2.5" y="2.5" width="7" height="7" transform="rotate(45 6 6)" />
            </svg>{' '}
            Item 9 answered above 0
          </figcaption>
        )}
      </figure>
      {/* A table wider than a narrow window scrolls: reachable from the keyboard (axe scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keys */}
      <section className="table-scroll" tabIndex={0} aria-label={`${def.name}, each time given`}>
        <table className="measure-table">
          <caption>{def.name}, each time given (newest first)</caption>
          <thead>
            <tr>
              <th scope="col">Given on</th>
              <th scope="col">Total</th>
              <th scope="col">{def.bands.length > 0 ? 'Severity' : 'Screen'}</th>
              {instrument === 'phq9' && <th scope="col">Item 9</th>}
              <th scope="col">Change</th>
              <th scope="col">Given in</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((each) => {
              const previous = previousOf(history, each);
              const answer = item9Answer(each);
              return (
                <tr key={each.id}>
                  <th scope="row">{formatDay(each.givenOn)}</th>
                  <td className="number">
                    {each.total}
                    <span className="muted"> / {def.maxTotal}</span>
                  </td>
                  <td>
                    {capitalised(verdict(each) ?? '—')}
                    {def.bands.length === 0 && (
                      <span className="muted">
                        {' '}
                        (cut-off {cutOffOf(each)}
                        {instrument === 'auditc' && each.sex === null && ', sex not recorded'})
                      </span>
                    )}
                  </td>
                  {instrument === 'phq9' && (
                    <td className={hasItem9Flag(each) ? 'item9-cell flagged' : 'item9-cell'}>
                      {answer ? `${answer.score} (${answer.label})` : '—'}
                      {hasItem9Flag(each) && <strong className="item9-flag"> — above 0</strong>}
                    </td>
                  )}
                  <td>
                    {previous
                      ? each.total === previous.total
                        ? 'no change'
                        : `${each.total < previous.total ? 'down' : 'up'} ${Math.abs(each.total - previous.total)}`
                      : 'first'}
                  </td>
                  <td className="given-in">{each.noteId ? noteLabel(each.noteId) : 'Client page'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {withoutSex && <p className="hint measure-explanation">{AUDITC_THRESHOLD_EXPLANATION}</p>}
    </div>
  );
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** The chart in words, for screen readers: how many times, the range of dates, first and latest, lowest and highest. */
function chartSummary(instrument: InstrumentId, history: readonly Administration[]): string {
  const name = getInstrument(instrument).name;
  const first = history[0];
  const latest = history[history.length - 1];
  if (!first || !latest) return `${name}: not given yet.`;
  const reading = (each: Administration) => {
    const words = verdict(each);
    return words ? `${each.total} (${words})` : String(each.total);
  };
  if (history.length === 1) return `${name} total over time: once, on ${formatDay(first.givenOn)}: ${reading(first)}.`;
  const totals = history.map((each) => each.total);
  const flagged = history.filter(hasItem9Flag).length;
  return [
    `${name} total over time: ${history.length} times from ${formatDay(first.givenOn)} to ${formatDay(latest.givenOn)}.`,
    `First ${reading(first)}, latest ${reading(latest)}; lowest ${Math.min(...totals)}, highest ${Math.max(...totals)}.`,
    flagged > 0 ? `Item 9 answered above 0 ${flagged === 1 ? 'once' : `${flagged} times`}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
