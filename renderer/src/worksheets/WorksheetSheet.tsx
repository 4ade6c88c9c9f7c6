import type { ReactNode } from 'react';
import type { Frequency } from '../../../shared/homework/assignment';
import type { RichTextDoc } from '../../../shared/templates/types';
import { richTextToPlain } from '../../../shared/templates/values';
import { printedFields, type SafetyPlanContacts } from '../../../shared/worksheets/contacts';
import type { WorksheetBlock, WorksheetDef } from '../../../shared/worksheets/types';
import { RichTextView } from '../notes/RichTextView';

/**
 * One printable client sheet: an optional assignment header, the worksheet's own
 * instructions, its blocks, and a small footer. Print rules live in sheets.css (imported
 * by PrintSheets, so this module stays importable by the unit tests): each sheet starts
 * a new page, on a named page that sets its paper size and orientation.
 *
 * Privacy: the sheet goes home with the client and may be seen by others, so it is
 * given only a first name (never the full name, date of birth, diagnosis, note content
 * or an id): the caller passes `forName`, not the client record.
 */

export type PaperSize = 'a4' | 'letter';

export const paperSizes: readonly { value: PaperSize; label: string }[] = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'US Letter' },
];

/** The assignment details a sheet prints (a subset of Assignment). */
export type SheetAssignment = {
  title: string;
  instructions: RichTextDoc;
  frequency: Frequency;
  startDate: string;
  dueDate: string;
  target: string;
  createdAt: string;
  /** Which of several copies this is: "Day 2 of 7 · Tuesday 3 March 2026" (sheetRequest.ts). */
  copyLabel?: string | null;
};

type Props = {
  worksheet: WorksheetDef;
  paper: PaperSize;
  /** A client's assignment, with the client's first name only; absent for a blank sheet. */
  assignment?: { forName: string; details: SheetAssignment };
  practiceName?: string;
  therapistName?: string;
  /** The safety-plan contacts from Settings, each printed on the field marked with it; without them those lines stay blank. */
  contacts?: SafetyPlanContacts;
};

/** Letter where it is the norm (the US and Canada), A4 everywhere else. */
export function defaultPaperSize(language: string): PaperSize {
  return /^[a-z]{2,3}-(US|CA)\b/i.test(language) ? 'letter' : 'a4';
}

/**
 * The name printed on a sheet: the first word of the preferred name, else of the
 * display name ("Surname, First" gives First). Never a surname on purpose.
 */
export function firstNameOf(client: { preferredName: string; displayName: string }): string {
  const preferred = client.preferredName.trim();
  if (preferred) return preferred.split(/\s+/)[0] ?? '';
  const display = client.displayName.trim();
  const comma = display.indexOf(',');
  const given = comma >= 0 ? display.slice(comma + 1).trim() : display;
  return given.split(/\s+/)[0] ?? '';
}

export function frequencyInWords(frequency: Frequency): string {
  switch (frequency.kind) {
    case 'once':
      return 'Once';
    case 'daily':
      return 'Every day';
    case 'perWeek':
      if (frequency.times === 1) return 'Once a week';
      if (frequency.times === 2) return 'Twice a week';
      return `${frequency.times} times a week`;
    case 'custom':
      return frequency.text;
  }
}

/** A calendar date (YYYY-MM-DD, or the date part of a timestamp read in local time) in words. */
function longDate(value: string, isTimestamp = false): string {
  const date = isTimestamp ? new Date(value) : calendarDate(value);
  if (date === null || Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

function calendarDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  // Built from parts in local time: new Date('2025-03-01') would be UTC midnight and
  // could print as the day before west of Greenwich.
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

function localDateOf(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function WorksheetSheet({ worksheet, paper, assignment, practiceName, therapistName, contacts }: Props) {
  const title = assignment?.details.title.trim() || worksheet.title;
  const note = assignment && richTextToPlain(assignment.details.instructions).trim() !== '';
  return (
    <article
      className={`sheet ${worksheet.orientation} paper-${paper}`}
      aria-label={assignment ? `${title} (${worksheet.title})` : worksheet.title}
      data-worksheet={worksheet.id}
    >
      <header className="sheet-header">
        <div className="sheet-heading">
          {practiceName?.trim() && <div className="sheet-practice">{practiceName}</div>}
          <h1>{title}</h1>
          {title !== worksheet.title && <div className="sheet-subtitle">{worksheet.title}</div>}
          {assignment ? (
            <AssignmentFacts forName={assignment.forName} details={assignment.details} />
          ) : (
            <div className="sheet-blank-lines">
              <span className="sheet-field-label">Name</span>
              <span className="sheet-fill" />
              <span className="sheet-field-label">Date</span>
              <span className="sheet-fill" />
            </div>
          )}
        </div>
        {assignment && note && (
          <section className="sheet-therapist-note">
            <h2>{therapistName?.trim() ? `From ${therapistName.trim()}` : 'From your therapist'}</h2>
            <RichTextView doc={assignment.details.instructions} />
          </section>
        )}
      </header>
      {worksheet.instructions.trim() && <p className="sheet-instructions">{worksheet.instructions}</p>}
      {worksheet.blocks.map((block) => (
        <SheetBlock key={block.id} block={block} contacts={contacts} />
      ))}
      <footer className="sheet-footer">
        <span>{worksheet.title}</span>
        <span>Sessionkeep</span>
        {worksheet.source && <span className="sheet-source">{worksheet.source}</span>}
      </footer>
    </article>
  );
}

/** When it was given, how often, the aim and the review date, in words. */
function AssignmentFacts({ forName, details }: { forName: string; details: SheetAssignment }) {
  const givenOn = localDateOf(details.createdAt);
  return (
    <dl className="sheet-facts">
      {forName && <Fact term="For">{forName}</Fact>}
      {details.copyLabel && <Fact term="Sheet">{details.copyLabel}</Fact>}
      <Fact term="Given on">{givenOn ? longDate(givenOn) : longDate(details.createdAt, true)}</Fact>
      {details.startDate !== givenOn && <Fact term="Start on">{longDate(details.startDate)}</Fact>}
      <Fact term="How often">{frequencyInWords(details.frequency)}</Fact>
      {details.target.trim() && <Fact term="Aim">{details.target}</Fact>}
      <Fact term="We’ll go over it on">{longDate(details.dueDate)}</Fact>
    </dl>
  );
}

/** One term and its value, kept together on a line (a div inside a dl is valid HTML). */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sheet-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SheetBlock({ block, contacts }: { block: WorksheetBlock; contacts?: SafetyPlanContacts }) {
  switch (block.kind) {
    case 'text':
      return (
        <section className="sheet-block sheet-text">
          {block.heading && <h2>{block.heading}</h2>}
          {block.body.split(/\n{2,}/).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed text, never reordered
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      );
    case 'reference':
      return (
        <section className="sheet-block sheet-reference">
          {block.heading && <h2>{block.heading}</h2>}
          <dl>
            {block.items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed list, never reordered; terms could repeat
              <div className="sheet-reference-item" key={index}>
                <dt>{item.term}</dt>
                <dd>{item.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      );
    case 'table':
      return <SheetTable block={block} />;
    case 'steps':
      return <SheetSteps block={block} />;
    case 'fields':
      return <SheetFields block={block} contacts={contacts} />;
    case 'scale':
      return <SheetScale block={block} />;
  }
}

type TableBlock = Extract<WorksheetBlock, { kind: 'table' }>;

/** Relative width of the row-heading column, from its longest label ("6–7 am" narrow, a sleep question wide). */
function rowHeadingUnits(labels: readonly string[], heading: string): number {
  const longest = Math.max(heading.length, ...labels.map((label) => label.length));
  return Math.min(3, Math.max(1, longest / 10));
}

function SheetTable({ block }: { block: TableBlock }) {
  const labelled = Array.isArray(block.rows);
  const labels = Array.isArray(block.rows)
    ? block.rows
    : Array.from({ length: block.rows }, (_, index) => String(index + 1));
  const hasRowHeadings = labelled || block.rowHeading !== undefined;
  const headUnits = hasRowHeadings ? rowHeadingUnits(labels, block.rowHeading ?? '') : 0;
  const total = headUnits + block.columns.reduce((sum, column) => sum + (column.width ?? 1), 0);
  const percent = (units: number) => `${((units / total) * 100).toFixed(2)}%`;
  return (
    <section className="sheet-block sheet-table-block">
      {block.heading && <h2>{block.heading}</h2>}
      <table className={`sheet-table rows-${block.rowHeight}`}>
        <colgroup>
          {hasRowHeadings && <col style={{ width: percent(headUnits) }} />}
          {block.columns.map((column) => (
            <col key={column.id} style={{ width: percent(column.width ?? 1) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {hasRowHeadings && (
              <th scope="col" className="sheet-row-heading">
                {block.rowHeading ?? ''}
              </th>
            )}
            {block.columns.map((column) => (
              <th scope="col" key={column.id}>
                <span className="sheet-column-heading">{column.heading}</span>
                {column.hint && <span className="sheet-column-hint">{column.hint}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed and labels can repeat
            <tr key={index}>
              {hasRowHeadings && (
                <th scope="row" className="sheet-row-heading">
                  {label}
                </th>
              )}
              {block.columns.map((column) => (
                <td key={column.id} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function WriteLines({ count }: { count: number }) {
  return (
    <div className="sheet-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical blank lines
        <div className="sheet-line" key={index} />
      ))}
    </div>
  );
}

function SheetSteps({ block }: { block: Extract<WorksheetBlock, { kind: 'steps' }> }) {
  // A single prompt ("Your notes", "The one thing most important to me") is not a list.
  if (block.steps.length === 1 && block.steps[0]) {
    const step = block.steps[0];
    return (
      <section className="sheet-block sheet-steps single">
        {block.heading && <h2>{block.heading}</h2>}
        <div className="sheet-step">
          <div className="sheet-step-title">{step.title}</div>
          {step.prompt && <p className="sheet-step-prompt">{step.prompt}</p>}
          <WriteLines count={step.lines} />
        </div>
      </section>
    );
  }
  return (
    <section className="sheet-block sheet-steps">
      {block.heading && <h2>{block.heading}</h2>}
      <ol>
        {block.steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are fixed and titles can repeat
          <li className="sheet-step" key={index}>
            <div className="sheet-step-title">{step.title}</div>
            {step.prompt && <p className="sheet-step-prompt">{step.prompt}</p>}
            <WriteLines count={step.lines} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function SheetFields({
  block,
  contacts,
}: {
  block: Extract<WorksheetBlock, { kind: 'fields' }>;
  contacts?: SafetyPlanContacts;
}) {
  return (
    <section className="sheet-block sheet-fields">
      {block.heading && <h2>{block.heading}</h2>}
      {printedFields(block.fields, contacts).map((field, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for a print and labels repeat (crisis lines)
        <div className="sheet-field" key={index}>
          <span className="sheet-field-label">{field.label}</span>
          <span className="sheet-fill">{field.value}</span>
        </div>
      ))}
    </section>
  );
}

function SheetScale({ block }: { block: Extract<WorksheetBlock, { kind: 'scale' }> }) {
  const values: number[] = [];
  // Bounded: a custom scale with a tiny step must not draw thousands of boxes.
  for (let value = block.min; value <= block.max && values.length < 21; value += block.step) values.push(value);
  const count = values.length;
  return (
    <section className="sheet-block sheet-scale">
      <div className="sheet-scale-label">{block.label}</div>
      <div className="sheet-scale-grid" style={{ gridTemplateColumns: `repeat(${count}, 1fr)` }}>
        {values.map((value) => (
          <div className="sheet-scale-box" key={value}>
            {value}
          </div>
        ))}
        {block.anchors.map((anchor) => {
          const index = values.findIndex((value) => value >= anchor.value);
          const at = index < 0 ? count - 1 : index;
          // Each anchor spans three boxes centred on its value (grid lines are 1-based);
          // the anchors at either end align to the edge instead.
          const span = Math.min(3, count);
          const start = at === 0 ? 1 : at === count - 1 ? count - span + 1 : at;
          const align = at === 0 ? 'start' : at === count - 1 ? 'end' : 'center';
          return (
            <div
              className={`sheet-scale-anchor align-${align}`}
              key={anchor.value}
              style={{ gridColumn: `${start} / span ${span}` }}
            >
              {anchor.label}
            </div>
          );
        })}
      </div>
    </section>
  );
}
