import type { Assignment } from '../../../shared/homework/assignment';
import {
  type Completion,
  commonBarriers,
  completionByWeek,
  completionByWorksheet,
  localDayOf,
  recentLearned,
} from '../../../shared/homework/stats';
import { formatDay } from './dates';
import './homework.css';
import './review.css';

const BAR_WIDTH = 96;

const weekLabel = (iso: string) =>
  new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * The rate as words and a bar: the table cell reads "50%" (or "nothing reviewed"); the
 * bar is drawn in SVG beside it and hidden from screen readers, so no meaning rests on
 * the picture or its colour.
 */
function RateCell({ rate }: { rate: number | null }) {
  if (rate === null) {
    return (
      <td className="rate-cell">
        <span aria-hidden="true" className="muted">
          —
        </span>
        <span className="visually-hidden">nothing reviewed</span>
      </td>
    );
  }
  const percent = Math.round(rate * 100);
  return (
    <td className="rate-cell">
      <svg className="rate-bar" width={BAR_WIDTH} height="12" aria-hidden="true" focusable="false">
        <rect className="rate-track" x="0" y="0" width={BAR_WIDTH} height="12" rx="3" />
        <rect className="rate-fill" x="0" y="0" width={(BAR_WIDTH * percent) / 100} height="12" rx="3" />
      </svg>
      <span className="rate-text">{percent}%</span>
    </td>
  );
}

function CountCells({ row }: { row: Completion }) {
  return (
    <>
      <td>{row.reviewed}</td>
      <td>{row.done}</td>
      <td>{row.partial}</td>
      <td>{row.notDone}</td>
      <td>{row.dropped}</td>
      <RateCell rate={row.rate} />
    </>
  );
}

function CountHeadings() {
  return (
    <>
      <th scope="col">Reviewed</th>
      <th scope="col">Done</th>
      <th scope="col">Partly done</th>
      <th scope="col">Not done</th>
      <th scope="col">Dropped</th>
      <th scope="col">Completion</th>
    </>
  );
}

/**
 * Completion over time (per week of the review date) and per worksheet type, as real
 * tables: done counts 1, partly done ½, over what was reviewed; dropped homework is
 * listed but not rated.
 */
export function CompletionCharts({
  assignments,
  today,
  worksheetTitle,
}: {
  assignments: Assignment[];
  today: string;
  worksheetTitle: (id: string) => string;
}) {
  // Weeks with nothing reviewed are left out (issue 12 item 8): eight weeks of mostly
  // "Nothing reviewed" buried the weeks that had something to show.
  const weeks = completionByWeek(assignments, today).filter((week) => week.reviewed + week.dropped > 0);
  const worksheets = completionByWorksheet(assignments).filter((row) => row.reviewed + row.dropped > 0);
  if (worksheets.length === 0) {
    return <p className="muted">Completion shows here once homework has been reviewed.</p>;
  }
  return (
    <div className="completion">
      <p className="hint">
        Done counts in full and partly done as half, out of the homework reviewed; dropped homework is not rated.
      </p>
      {/* Focusable so that, when a narrow window makes it scroll, the keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keys */}
      <section className="table-scroll" tabIndex={0} aria-label="Completion by week">
        <table className="completion-table">
          <caption>Completion by week (week of the review date; weeks with nothing reviewed left out)</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <CountHeadings />
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{weekLabel(week.weekStart)}</th>
                <CountCells row={week} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keys */}
      <section className="table-scroll" tabIndex={0} aria-label="Completion by worksheet">
        <table className="completion-table">
          <caption>Completion by worksheet</caption>
          <thead>
            <tr>
              <th scope="col">Worksheet</th>
              <CountHeadings />
            </tr>
          </thead>
          <tbody>
            {worksheets.map((row) => (
              <tr key={row.worksheetId}>
                <th scope="row">{worksheetTitle(row.worksheetId)}</th>
                <CountCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** What the client said they learned or noticed, newest first, with the homework and the day. */
export function WhatWasLearned({ assignments }: { assignments: Assignment[] }) {
  const learned = recentLearned(assignments);
  if (learned.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="learned-list" aria-label="What the client learned or noticed">
      {learned.map(({ text, title, at }) => (
        <li key={`${at}-${text}`}>
          <span className="learned-text">“{text}”</span>
          <span className="muted">
            {' '}
            — {title}, {formatDay(localDayOf(at))}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** What clients said got in the way, most frequent first. */
export function CommonBarriers({ assignments }: { assignments: Assignment[] }) {
  const barriers = commonBarriers(assignments);
  if (barriers.length === 0) return <p className="muted">No barriers recorded yet.</p>;
  return (
    <ol className="barriers" aria-label="Common barriers">
      {barriers.map(({ barrier, count }) => (
        <li key={barrier}>
          <span className="barrier-text">“{barrier}”</span>
          <span className="muted"> — {count === 1 ? 'once' : `${count} times`}</span>
        </li>
      ))}
    </ol>
  );
}
