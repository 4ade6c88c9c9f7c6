import { describeFrequency } from '../../../shared/homework/stats';
import { cautionActionLabel } from '../../../shared/intake/cautionAction';
import { medicationSourceOptions, obtainedFromOptions } from '../../../shared/intake/entry';
import { ITEM9_FLAG, instruments, isInstrumentId } from '../../../shared/measures';
import type { NoteValues, TemplateDef } from '../../../shared/templates/types';
import { noteText, richTextToPlain } from '../../../shared/templates/values';
import { drawMeasureChart } from './measureChart';
import { BODY_SIZE, Layout, MARGIN, MUTED, newDocument } from './pdfLayout';
import type { Row, TableName } from './tables';

/**
 * The printable client record in an export (FORMAT.md, "The printable records"): one PDF
 * per client with the whole record, for a records request or a transfer of care. Built
 * from the same snapshot as the JSON files, so both describe one moment. Derived: an
 * import ignores these files.
 */

export type RecordTables = ReadonlyMap<TableName, readonly Row[]>;

const CAUTION_DISCLAIMER =
  "Cautions are information to discuss with the client's prescriber or pharmacist, not medical advice.";
const PSYCHOTHERAPY_LINE =
  'Psychotherapy notes are kept apart from the record: they are in notes.json in this export, not in this PDF. Unsigned drafts are not included either.';

const str = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

function parseJson<T>(text: unknown, fallback: T): T {
  try {
    return typeof text === 'string' ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** "2026-03-02 09:00 UTC": the core knows no time zone; the stored instant is UTC. */
export function formatInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const SEVERITY_WORDS: Record<string, string> = { serious: 'Serious', caution: 'Caution', info: 'Information' };
const ASSIGNMENT_STATUS: Record<string, string> = {
  assigned: 'Assigned',
  done: 'Done',
  partial: 'Partly done',
  notDone: 'Not done',
  carriedOver: 'Carried over',
  dropped: 'Dropped',
};
const PRESCRIBER_KNOWS: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

type Ctx = { layout: Layout; tables: RecordTables; clientId: string };

const rowsOf = (tables: RecordTables, table: TableName): readonly Row[] => tables.get(table) ?? [];

/**
 * Rows of a table grouped by one column, built once per snapshot and shared by every
 * client's PDF, so a practice of hundreds of clients is not rescanned per client.
 */
const groupings = new WeakMap<RecordTables, Map<string, Map<string, Row[]>>>();
function rowsWhere(tables: RecordTables, table: TableName, column: string, value: unknown): readonly Row[] {
  let byTable = groupings.get(tables);
  if (!byTable) {
    byTable = new Map();
    groupings.set(tables, byTable);
  }
  const key = `${table}.${column}`;
  let groups = byTable.get(key);
  if (!groups) {
    groups = new Map();
    for (const row of rowsOf(tables, table)) {
      const group = str(row[column]);
      const list = groups.get(group);
      if (list) list.push(row);
      else groups.set(group, [row]);
    }
    byTable.set(key, groups);
  }
  return groups.get(str(value)) ?? [];
}
const forClient = (ctx: Ctx, table: TableName) => rowsWhere(ctx.tables, table, 'client_id', ctx.clientId);
const byText = (key: string) => (a: Row, b: Row) => str(a[key]).localeCompare(str(b[key]));

function none(layout: Layout, what: string): void {
  layout.text(what, { color: MUTED });
}

function settingOf(tables: RecordTables, key: string): string {
  const row = rowsOf(tables, 'settings').find((each) => each.key === key);
  const value = parseJson<unknown>(row?.value, '');
  return typeof value === 'string' ? value : '';
}

function titleBlock(ctx: Ctx, client: Row, exportedAt: string): void {
  const { layout } = ctx;
  const practice = settingOf(ctx.tables, 'practiceName');
  if (practice) layout.text(practice, { size: 11, color: MUTED, after: 2 });
  layout.text('Client record', { size: 11, bold: true, color: MUTED, after: 4 });
  layout.text(str(client.display_name), { size: 22, bold: true, after: 6 });
  layout.field('Date of birth', str(client.date_of_birth), 110);
  layout.field('Exported at', formatInstant(exportedAt), 110);
  const therapist = settingOf(ctx.tables, 'therapistName');
  if (therapist) layout.field('Therapist', therapist, 110);
}

function details(ctx: Ctx, client: Row): void {
  const { layout } = ctx;
  layout.heading('Client details', 1);
  const emergency = [str(client.emergency_contact_name), str(client.emergency_contact_phone)]
    .filter(Boolean)
    .join(', ');
  const diagnosis = [str(client.diagnosis_code), str(client.diagnosis)].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    ['Name', str(client.display_name)],
    ['Preferred name', str(client.preferred_name)],
    ['Pronouns', str(client.pronouns)],
    ['Date of birth', str(client.date_of_birth)],
    ['Phone', str(client.phone)],
    ['Email', str(client.email)],
    ['Emergency contact', emergency],
    ['Diagnosis', diagnosis],
    ['Presenting concerns', str(client.presenting_concerns)],
    ['Status', client.status === 'archived' ? 'Archived' : 'Active'],
  ];
  for (const [label, value] of rows) layout.field(label, value);
}

/** One line describing an intake entry as it stood after a change. */
export function describeIntake(fields: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (label: string, value: unknown) => {
    if (str(value) !== '') parts.push(label ? `${label} ${str(value)}` : str(value));
  };
  if (fields.kind === 'medication') {
    add('', fields.dose);
    const source = medicationSourceOptions.find((option) => option.id === fields.source);
    if (source && source.id !== 'prescribed') add('', source.label.toLocaleLowerCase());
    add('prescriber', fields.prescriber);
  } else {
    add('', [str(fields.amount), str(fields.unit)].filter(Boolean).join(' '));
    add('', fields.route);
    add('', fields.frequency);
    add('product', fields.product);
    const from = obtainedFromOptions.find((option) => option.id === fields.obtainedFrom)?.label;
    add('obtained:', from);
    add('for:', fields.clientSaysFor);
    add('prescriber knows:', PRESCRIBER_KNOWS[str(fields.prescriberKnows)]);
    add('last use', fields.lastUseOn);
  }
  add('started', fields.startedOn);
  add('stopped', fields.stoppedOn);
  return parts.join('; ');
}

function intake(ctx: Ctx): void {
  const { layout } = ctx;
  layout.heading('Substances and medications', 1);
  const entries = [...forClient(ctx, 'intake_entries')].sort(byText('created_at'));
  if (entries.length === 0) none(layout, 'None recorded.');
  for (const entry of entries) {
    const fields = parseJson<Record<string, unknown>>(entry.fields_json, {});
    const kind = entry.kind === 'medication' ? 'medication' : 'substance';
    layout.heading(`${str(fields.name)} (${kind})`, 3);
    layout.text(describeIntake(fields) || '—', { after: 2 });
    for (const event of rowsWhere(ctx.tables, 'intake_events', 'entry_id', entry.id)) {
      const snapshot = parseJson<Record<string, unknown>>(event.fields_json, {});
      layout.text(`${formatInstant(str(event.at))}, ${str(event.change)}: ${describeIntake(snapshot)}`, {
        indent: 12,
        size: 9.5,
        color: MUTED,
      });
    }
  }

  layout.heading('Caution actions', 2);
  const actions = [...forClient(ctx, 'caution_actions')].sort(byText('at'));
  if (actions.length === 0) none(layout, 'None recorded.');
  for (const action of actions) {
    const severity = SEVERITY_WORDS[str(action.severity)] ?? str(action.severity);
    layout.heading(`${formatInstant(str(action.at))} · ${severity} · ${str(action.caution_title)}`, 3, 40);
    layout.field('Involves', parseJson<string[]>(action.involves_json, []).join(', '), 110, 12);
    const kind = str(action.action) as Parameters<typeof cautionActionLabel>[0];
    layout.field('Action', cautionActionLabel(kind), 110, 12);
    if (str(action.reason)) layout.field('Reason', str(action.reason), 110, 12);
    layout.field('Knowledge base', `version ${str(action.kb_version)}`, 110, 12);
  }
  layout.space(4);
  layout.text(CAUTION_DISCLAIMER, { size: 9.5, color: MUTED });
}

function measures(ctx: Ctx): void {
  const { layout } = ctx;
  layout.heading('Measures', 1);
  const all = [...forClient(ctx, 'measure_administrations')].sort(
    (a, b) => byText('given_on')(a, b) || byText('created_at')(a, b),
  );
  if (all.length === 0) none(layout, 'None recorded.');
  for (const id of ['phq9', 'gad7', 'phq2', 'auditc'] as const) {
    const rows = all.filter((row) => row.instrument === id);
    if (rows.length === 0 || !isInstrumentId(id)) continue;
    const def = instruments[id];
    layout.heading(`${def.name} (${def.fullName})`, 2, 4 * layout.lineHeight(BODY_SIZE));
    const columns = [0, 80, 130, 250];
    const cells = (values: string[], bold: boolean) => {
      layout.ensure(layout.lineHeight(BODY_SIZE));
      const y = layout.y;
      let lowest = y;
      values.forEach((value, index) => {
        layout.y = y;
        layout.text(value, { bold, indent: columns[index] ?? 0, color: bold ? MUTED : undefined });
        lowest = Math.min(lowest, layout.y);
      });
      layout.y = lowest;
    };
    const header = ['Date', 'Total', def.bands.length > 0 ? 'Band' : 'Screen', 'Flags'];
    cells(header, true);
    for (const row of rows) {
      // A table running onto the next page repeats its header there.
      if (layout.y - layout.lineHeight(BODY_SIZE) < MARGIN.bottom) {
        layout.newPage();
        cells(header, true);
      }
      const band = def.bands.find((each) => each.band === row.band)?.label ?? '';
      const screen = row.positive === null ? '' : row.positive ? 'Positive' : 'Negative';
      const flags = parseJson<string[]>(row.flags_json, []).map((flag) =>
        flag === ITEM9_FLAG ? 'Item 9 above 0: assess risk' : flag,
      );
      cells([str(row.given_on), `${str(row.total)} / ${def.maxTotal}`, band || screen || '—', flags.join(', ')], false);
    }
    layout.space(4);
    drawMeasureChart(
      layout,
      rows.map((row) => ({ date: str(row.given_on), total: Number(row.total) })),
      def.bands,
      def.maxTotal,
    );
  }
}

function homework(ctx: Ctx): void {
  const { layout } = ctx;
  layout.heading('Homework', 1);
  const assignments = [...forClient(ctx, 'assignments')].sort(
    (a, b) => byText('start_date')(a, b) || byText('created_at')(a, b),
  );
  if (assignments.length === 0) none(layout, 'None recorded.');
  for (const assignment of assignments) {
    layout.heading(str(assignment.title), 3, 40);
    const frequency = parseJson<Parameters<typeof describeFrequency>[0] | null>(assignment.frequency_json, null);
    layout.field('Dates', `${str(assignment.start_date)} to ${str(assignment.due_date)} (review)`, 110, 12);
    layout.field('Frequency', frequency ? describeFrequency(frequency) : '', 110, 12);
    if (str(assignment.target)) layout.field('Target', str(assignment.target), 110, 12);
    const instructions = richTextToPlain(parseJson<unknown>(assignment.instructions_json, null)).trim();
    if (instructions) layout.field('Instructions', instructions, 110, 12);
    layout.field('Status', ASSIGNMENT_STATUS[str(assignment.status)] ?? str(assignment.status), 110, 12);
    for (const event of rowsWhere(ctx.tables, 'assignment_events', 'assignment_id', assignment.id)) {
      const status = ASSIGNMENT_STATUS[str(event.status)] ?? str(event.status);
      const extra = [
        str(event.amount) && `amount: ${str(event.amount)}`,
        str(event.barrier) && `barrier: ${str(event.barrier)}`,
        str(event.learned) && `learned or noticed: ${str(event.learned)}`,
      ]
        .filter(Boolean)
        .join('; ');
      layout.text(`${formatInstant(str(event.at))}, ${status}${extra ? ` (${extra})` : ''}`, {
        indent: 12,
        size: 9.5,
        color: MUTED,
      });
    }
  }
}

/** The session's date-time when the template has one, else when the note was started. */
function noteDate(note: Row): string {
  const values = parseJson<Record<string, unknown>>(note.values_json, {});
  return typeof values.sessionAt === 'string' && values.sessionAt !== '' ? values.sessionAt : str(note.created_at);
}

function notes(ctx: Ctx): void {
  const { layout } = ctx;
  layout.heading('Session notes', 1);
  layout.text(PSYCHOTHERAPY_LINE, { size: 9.5, color: MUTED, after: 4 });
  const signed = forClient(ctx, 'notes')
    .filter((note) => note.status === 'signed' && note.note_kind !== 'psychotherapy')
    .map((note) => ({ note, date: noteDate(note) }))
    .sort((a, b) => a.date.localeCompare(b.date) || byText('created_at')(a.note, b.note));
  if (signed.length === 0) none(layout, 'No signed notes.');
  const distortionLabels = Object.fromEntries(
    rowsOf(ctx.tables, 'custom_distortions').map((row) => [str(row.id), str(row.label)]),
  );
  for (const { note, date } of signed) {
    const session = note.session_number === null ? '' : ` · Session ${str(note.session_number)}`;
    layout.heading(`${str(note.template_name)} · ${formatInstant(date)}${session}`, 2);
    const template = parseJson<TemplateDef | null>(note.template, null);
    const values = parseJson<NoteValues>(note.values_json, {});
    for (const section of template ? noteText(template, values, { distortionLabels }) : []) {
      layout.heading(section.section, 3, 2 * layout.lineHeight(BODY_SIZE));
      for (const field of section.fields) {
        // A section of one field named like the section needs no second heading.
        const sole = section.fields.length === 1 && field.label === section.section;
        if (!sole) layout.text(field.label, { bold: true, color: MUTED, indent: 8, size: 9.5 });
        // noteText keeps a date-time as stored (ISO, UTC); print it like every other time here.
        const text = ISO_INSTANT.test(field.text) ? formatInstant(field.text) : field.text;
        layout.text(text, { indent: 8, after: 3 });
      }
    }
    layout.space(2);
    layout.text(
      `Signed by ${str(note.signed_by)} at ${formatInstant(str(note.signed_at))}. Content hash ${str(note.content_hash)}`,
      { size: 9, color: MUTED, after: 2 },
    );
    for (const addendum of [...rowsWhere(ctx.tables, 'addenda', 'note_id', note.id)].sort(byText('created_at'))) {
      layout.heading(`Addendum · ${formatInstant(str(addendum.created_at))}`, 3, 2 * layout.lineHeight(BODY_SIZE));
      layout.text(richTextToPlain(parseJson<unknown>(addendum.text_json, null)).trim(), { indent: 8, after: 2 });
      layout.text(`Signed by ${str(addendum.signed_by)}. Content hash ${str(addendum.content_hash)}`, {
        indent: 8,
        size: 9,
        color: MUTED,
      });
    }
  }
}

/** The client's whole record as a PDF (A4, DejaVu Sans, "Page n of m" on every page). */
export async function clientRecordPdf(tables: RecordTables, clientId: string, exportedAt: string): Promise<Uint8Array> {
  const client = rowsOf(tables, 'clients').find((row) => row.id === clientId);
  if (!client) throw new Error(`clientRecordPdf: no client ${clientId}`);
  const name = str(client.display_name);
  const { doc, fonts } = await newDocument(`${name}: client record`, new Date(exportedAt));
  const layout = new Layout(doc, fonts);
  const ctx: Ctx = { layout, tables, clientId };
  titleBlock(ctx, client, exportedAt);
  details(ctx, client);
  intake(ctx);
  measures(ctx);
  homework(ctx);
  notes(ctx);
  const practice = settingOf(tables, 'practiceName');
  layout.decorate(
    { left: `${name} · Client record`, right: practice },
    `Exported ${formatInstant(exportedAt)} from Sessionkeep. Confidential clinical record.`,
  );
  return doc.save({ useObjectStreams: true });
}
