import type { z } from 'zod';
import { clientIdSchema, clientInputSchema, clientStatusSchema } from '../../../shared/clients/client';
import { isIsoDate } from '../../../shared/dates';
import { assignmentStatusSchema, frequencySchema, LEARNED_MAX } from '../../../shared/homework/assignment';
import { cautionActionInputSchema } from '../../../shared/intake/cautionAction';
import { intakeContextSchema, intakeFieldsSchema } from '../../../shared/intake/entry';
import { scoreMeasure } from '../../../shared/measures';
import { administrationInputSchema } from '../../../shared/measures/administration';
import { richTextDocSchema } from '../../../shared/notes/note';
import { hasAnyStep, safetyPlanStepsSchema } from '../../../shared/safetyPlan/plan';
import { findBuiltInTemplate } from '../../../shared/templates';
import { builtInDistortions } from '../../../shared/templates/distortions';
import { templateSchema } from '../../../shared/templates/schema';
import type { TemplateDef } from '../../../shared/templates/types';
import { checkChanges, richTextToPlain } from '../../../shared/templates/values';
import { findBuiltInWorksheet } from '../../../shared/worksheets';
import { worksheetSchema } from '../../../shared/worksheets/schema';
import type { VaultDb } from '../db/database';
import { contentHash } from '../notes/signature';
import type { Archive } from './readArchive';
import { refused } from './readArchive';
import { type Row, type TableName, tableFile } from './tables';

/**
 * Import is a user typing every row (issue 11): each row of an archive passes the same
 * schemas and rules as the channel that would have created it (ids, dates, enums,
 * lengths, rich-text budgets, template and worksheet schemas), measures are scored again,
 * and signed notes and addenda are fingerprinted again. The first row that fails refuses
 * the whole import, named by file, row number and id, with the reason.
 */

/** Why a row is refused; the caller adds where it is. */
class RowProblem extends Error {}

const problem = (reason: string): never => {
  throw new RowProblem(reason);
};

/** Deeper than any note, template or worksheet the app writes (rich text stops at 50 levels). */
const MAX_JSON_DEPTH = 128;
/** Clock differences between computers: a record dated up to a day ahead is still taken. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Nesting depth without recursion, so a 20,000-level value is measured, not overflowed on. */
function depthOf(value: unknown, limit: number): number {
  const stack: [unknown, number][] = [[value, 1]];
  let deepest = 0;
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const inner of Object.values(item)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const path = issue.path.map(String).join('.');
  return path && !/[.!?]$/.test(issue.message) ? `${path}: ${issue.message}` : issue.message;
}

function schemaCheck<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) problem(`${what}: ${firstIssue(parsed.error)}`);
  return (parsed as { data: T }).data;
}

/** A JSON text column: parsed, nesting bounded before any schema walks it. */
function json(row: Row, column: string): unknown {
  const text = row[column];
  if (typeof text !== 'string') return problem(`${column} is not JSON text`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return problem(`${column} is not valid JSON`);
  }
  if (depthOf(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    problem(`${column} is nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  return value;
}

function text(row: Row, column: string, max: number, options: { empty?: boolean } = {}): string {
  const value = row[column];
  if (typeof value !== 'string') return problem(`${column} must be text`);
  if (value.length > max)
    problem(`${column} is ${value.length.toLocaleString('en')} characters long (at most ${max.toLocaleString('en')})`);
  if (!options.empty && value.trim() === '') problem(`${column} is empty`);
  return value;
}

function uuid(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string' || !UUID.test(value)) return problem(`${column} is not a UUID`);
  return value;
}

function integerId(row: Row, column = 'id'): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    return problem(`${column} is not a positive whole number`);
  return value;
}

function oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T {
  const value = row[column];
  if (typeof value !== 'string' || !values.includes(value as T)) {
    return problem(`${column} is ${JSON.stringify(value)}, not one of ${values.join(', ')}`);
  }
  return value as T;
}

/** Timestamps as the app writes them (Date#toISOString), never in the future. */
function timestamp(row: Row, column: string, now: Date, options: { nullable?: boolean } = {}): string | null {
  const value = row[column] ?? null;
  if (value === null && options.nullable) return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)) {
    return problem(`${column} is not a date and time (ISO 8601, UTC)`);
  }
  const at = Date.parse(value);
  if (Number.isNaN(at) || !isIsoDate(value.slice(0, 10))) return problem(`${column} is not a real date and time`);
  if (at > now.getTime() + FUTURE_TOLERANCE_MS) problem(`${column} (${value}) is in the future`);
  return value;
}

function calendarDate(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string' || !isIsoDate(value)) return problem(`${column} is not a real date (YYYY-MM-DD)`);
  return value;
}

const todayPlusTolerance = (now: Date) => new Date(now.getTime() + FUTURE_TOLERANCE_MS).toISOString().slice(0, 10);

/** A note's full values against its own template: the autosave check, plus the app-filled fields. */
function checkNoteValues(template: TemplateDef, values: unknown, column: string): void {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    problem(`${column} is not a set of values`);
  const fields = new Map(template.sections.flatMap((section) => section.fields).map((field) => [field.id, field]));
  const typed: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(values as Record<string, unknown>)) {
    const field = fields.get(id);
    if (!field) problem(`${column} has a value for "${id}", which its template does not have`);
    else if (field.kind === 'sessionNumber') {
      if (value !== null && !(Number.isSafeInteger(value) && (value as number) >= 1)) {
        problem(`${column}: the session number is not a positive whole number`);
      }
    } else if (field.kind === 'slot') {
      if (value !== null) problem(`${column}: "${field.label}" is filled in by the app and holds nothing itself`);
    } else typed[id] = value;
  }
  const checked = checkChanges(template, typed);
  if (!checked.ok) problem(`${column}: ${checked.message}`);
}

function richText(row: Row, column: string): unknown {
  const value = json(row, column);
  // The autosave check (depth, node and character budgets) then the channel's schema.
  const checked = checkChanges(
    {
      id: 't',
      name: 't',
      version: 1,
      noteKind: 'progress',
      description: '',
      builtIn: false,
      sections: [{ id: 's', title: 's', fields: [{ id: 'text', label: column, kind: 'richText' }] }],
    } as TemplateDef,
    { text: value },
  );
  if (!checked.ok) problem(checked.message);
  return schemaCheck(richTextDocSchema, value, column);
}

/** What the rules may look up: the vault as it is and the archive's own rows. */
export type RuleContext = {
  now: Date;
  clientExists(id: string): boolean;
  /** A note's client, template and signing, from the archive (once checked) or the vault. */
  note(id: string): { clientId: string; template: TemplateDef; signedAt: string | null } | undefined;
  assignmentExists(id: string): boolean;
  intakeEntryExists(id: string): boolean;
  templateExists(id: string): boolean;
  /**
   * Whether this client's safety plan version number came earlier in the file (and
   * remembers it): the app never numbers two versions alike. One already in the vault
   * under another id is taken, and sorts by its date (safetyPlanService.versionsOf).
   */
  planVersionRepeated(clientId: string, version: number): boolean;
};

function noteOf(
  context: RuleContext,
  row: Row,
  column: string,
  clientId?: string,
  options: { nullable?: boolean } = { nullable: true },
) {
  const value = row[column] ?? null;
  if (value === null) {
    if (options.nullable) return null;
    return problem(`${column} is missing`);
  }
  const id = uuid(row, column);
  const note = context.note(id);
  if (!note) return problem(`${column} names a note that is neither in the file nor in this vault`);
  if (clientId !== undefined && note.clientId !== clientId) problem(`${column} names a note of another client`);
  return note;
}

function clientOf(context: RuleContext, row: Row, column = 'client_id'): string {
  const id = uuid(row, column);
  if (!context.clientExists(id)) problem(`${column} names a client who is neither in the file nor in this vault`);
  return id;
}

type Rule = (row: Row, context: RuleContext) => void;

/** One rule per imported table: what its channel would have checked. */
export const ROW_RULES: Record<Exclude<TableName, 'settings' | 'audit_log'>, Rule> = {
  clients(row, { now, templateExists }) {
    uuid(row, 'id');
    schemaCheck(clientIdSchema, row.id, 'id');
    schemaCheck(
      clientInputSchema,
      {
        displayName: row.display_name,
        preferredName: row.preferred_name ?? '',
        pronouns: row.pronouns ?? '',
        dateOfBirth: row.date_of_birth ?? '',
        phone: row.phone ?? '',
        email: row.email ?? '',
        emergencyContactName: row.emergency_contact_name ?? '',
        emergencyContactPhone: row.emergency_contact_phone ?? '',
        presentingConcerns: row.presenting_concerns ?? '',
        diagnosis: row.diagnosis ?? '',
        diagnosisCode: row.diagnosis_code ?? '',
      },
      'the client',
    );
    schemaCheck(clientStatusSchema, row.status, 'status');
    const template = row.default_template_id ?? null;
    if (template !== null && (typeof template !== 'string' || !templateExists(template))) {
      problem('default_template_id names a template that is neither built in, in the file nor in this vault');
    }
    timestamp(row, 'created_at', now);
    timestamp(row, 'updated_at', now);
  },
  custom_templates(row, { now }) {
    const id = text(row, 'id', 64);
    const template = schemaCheck(templateSchema, json(row, 'definition'), 'the template');
    if (template.id !== id) problem('the template inside does not have the row’s id');
    if (findBuiltInTemplate(id) || template.builtIn) problem('it claims to be a built-in template');
    timestamp(row, 'created_at', now);
    timestamp(row, 'updated_at', now);
    timestamp(row, 'deleted_at', now, { nullable: true });
  },
  custom_distortions(row, { now }) {
    if (typeof row.id !== 'string' || !/^custom-[0-9a-f]{8}$/.test(row.id)) problem('id is not a custom distortion id');
    const label = text(row, 'label', 60);
    if (label !== label.trim()) problem('label has spaces around it');
    if (builtInDistortions.some((each) => each.label.toLocaleLowerCase() === label.toLocaleLowerCase())) {
      problem('label is the name of a built-in distortion');
    }
    timestamp(row, 'created_at', now);
  },
  custom_worksheets(row, { now }) {
    const id = text(row, 'id', 64);
    const worksheet = schemaCheck(worksheetSchema, json(row, 'definition'), 'the worksheet');
    if (worksheet.id !== id) problem('the worksheet inside does not have the row’s id');
    if (findBuiltInWorksheet(id) || worksheet.builtIn) problem('it claims to be a built-in worksheet');
    timestamp(row, 'created_at', now);
    timestamp(row, 'updated_at', now);
  },
  notes(row, context) {
    const id = uuid(row, 'id');
    const clientId = clientOf(context, row);
    const template = schemaCheck(templateSchema, json(row, 'template'), 'its template') as TemplateDef;
    if (
      row.template_id !== template.id ||
      row.template_version !== template.version ||
      row.template_name !== template.name ||
      row.note_kind !== template.noteKind
    ) {
      problem('its template columns do not match the template it holds');
    }
    const values = json(row, 'values_json');
    checkNoteValues(template, values, 'values_json');
    const session = row.session_number ?? null;
    if (session !== null && !(Number.isSafeInteger(session) && (session as number) >= 1)) {
      problem('session_number is not a positive whole number');
    }
    const status = oneOf(row, 'status', ['draft', 'signed'] as const);
    timestamp(row, 'created_at', context.now);
    timestamp(row, 'updated_at', context.now);
    if (status === 'draft') {
      if ((row.signed_at ?? null) !== null || (row.signed_by ?? null) !== null || (row.content_hash ?? null) !== null) {
        problem('a draft carries a signature');
      }
      return;
    }
    const signedAt = timestamp(row, 'signed_at', context.now) as string;
    const signedBy = text(row, 'signed_by', 120);
    // The fingerprint signNote stores: recomputed from the content, never taken on trust.
    const expected = contentHash({
      noteId: id,
      clientId,
      templateId: template.id,
      templateVersion: template.version,
      values,
      signedAt,
      signedBy,
    });
    if (row.content_hash !== expected) problem('the signed note’s fingerprint does not match its content');
  },
  note_revisions(row, context) {
    integerId(row);
    const note = noteOf(context, row, 'note_id', undefined, { nullable: false });
    oneOf(row, 'reason', ['autosave', 'signing', 'restore'] as const);
    timestamp(row, 'created_at', context.now);
    timestamp(row, 'updated_at', context.now);
    if (note) checkNoteValues(note.template, json(row, 'values_json'), 'values_json');
  },
  addenda(row, context) {
    uuid(row, 'id');
    const note = noteOf(context, row, 'note_id', undefined, { nullable: false });
    if (!note?.signedAt) problem('it is an addendum to a note that is not signed');
    const textDoc = richText(row, 'text_json');
    if (!richTextToPlain(textDoc).trim()) problem('the addendum has no text');
    const createdAt = timestamp(row, 'created_at', context.now) as string;
    if (note?.signedAt && createdAt < note.signedAt) problem('the addendum is dated before its note was signed');
    const signedBy = text(row, 'signed_by', 120);
    const expected = contentHash({ noteId: row.note_id, text: textDoc, createdAt, signedBy });
    if (row.content_hash !== expected) problem('the addendum’s fingerprint does not match its content');
  },
  assignments(row, context) {
    uuid(row, 'id');
    const clientId = clientOf(context, row);
    noteOf(context, row, 'note_id', clientId);
    const worksheet = schemaCheck(worksheetSchema, json(row, 'worksheet'), 'its worksheet');
    if (row.worksheet_id !== worksheet.id || row.worksheet_version !== worksheet.version) {
      problem('its worksheet columns do not match the worksheet it holds');
    }
    const title = text(row, 'title', 200);
    if (title !== title.trim()) problem('title has spaces around it');
    richText(row, 'instructions_json');
    schemaCheck(frequencySchema, json(row, 'frequency_json'), 'frequency_json');
    const start = calendarDate(row, 'start_date');
    if (calendarDate(row, 'due_date') < start) problem('the review date is before the start date');
    text(row, 'target', 200, { empty: true });
    schemaCheck(assignmentStatusSchema, row.status, 'status');
    timestamp(row, 'created_at', context.now);
    timestamp(row, 'updated_at', context.now);
  },
  assignment_events(row, context) {
    integerId(row);
    const assignment = uuid(row, 'assignment_id');
    if (!context.assignmentExists(assignment))
      problem('assignment_id names homework that is neither in the file nor in this vault');
    schemaCheck(assignmentStatusSchema, row.status, 'status');
    timestamp(row, 'at', context.now);
    text(row, 'amount', 100, { empty: true });
    text(row, 'barrier', 1000, { empty: true });
    // Typed text like the barrier; archives from before schema 8 have no such column.
    if (row.learned !== undefined) text(row, 'learned', LEARNED_MAX, { empty: true });
    noteOf(context, row, 'note_id');
  },
  intake_entries(row, context) {
    uuid(row, 'id');
    clientOf(context, row);
    const kind = oneOf(row, 'kind', ['substance', 'medication'] as const);
    const fields = schemaCheck(intakeFieldsSchema, json(row, 'fields_json'), 'fields_json');
    if (fields.kind !== kind) problem('kind does not match its fields');
    timestamp(row, 'created_at', context.now);
    timestamp(row, 'updated_at', context.now);
  },
  intake_events(row, context) {
    integerId(row);
    const entry = uuid(row, 'entry_id');
    if (!context.intakeEntryExists(entry))
      problem('entry_id names an intake entry that is neither in the file nor in this vault');
    oneOf(row, 'change', ['added', 'changed', 'stopped'] as const);
    timestamp(row, 'at', context.now);
    noteOf(context, row, 'note_id');
    schemaCheck(intakeFieldsSchema, json(row, 'fields_json'), 'fields_json');
  },
  intake_context(row, context) {
    clientOf(context, row);
    schemaCheck(intakeContextSchema, json(row, 'context_json'), 'context_json');
    timestamp(row, 'updated_at', context.now);
  },
  intake_reviews(row, context) {
    integerId(row);
    const clientId = clientOf(context, row);
    noteOf(context, row, 'note_id', clientId, { nullable: false });
    timestamp(row, 'at', context.now);
  },
  caution_actions(row, context) {
    uuid(row, 'id');
    const clientId = clientOf(context, row);
    noteOf(context, row, 'note_id', clientId);
    const input = schemaCheck(
      cautionActionInputSchema,
      {
        clientId,
        noteId: row.note_id ?? null,
        cautionId: row.caution_id,
        cautionTitle: row.caution_title,
        severity: row.severity,
        involves: json(row, 'involves_json'),
        action: row.action,
        reason: row.reason ?? '',
        kbVersion: row.kb_version,
      },
      'the caution action',
    );
    if (input.reason !== (row.reason ?? '')) problem('reason has spaces around it');
    timestamp(row, 'at', context.now);
  },
  measure_administrations(row, context) {
    uuid(row, 'id');
    const clientId = clientOf(context, row);
    noteOf(context, row, 'note_id', clientId);
    const input = schemaCheck(
      administrationInputSchema,
      {
        clientId,
        noteId: row.note_id ?? null,
        instrument: row.instrument,
        answers: json(row, 'answers_json'),
        sex: row.sex ?? null,
        givenOn: row.given_on,
      },
      'the measure',
    );
    if (input.givenOn > todayPlusTolerance(context.now)) problem('given_on is in the future');
    let result: ReturnType<typeof scoreMeasure>;
    try {
      result = scoreMeasure(input.instrument, input.answers, input.sex ? { sex: input.sex } : {});
    } catch (error) {
      return problem((error as Error).message);
    }
    // Scored again with the published scoring: a stored result is never taken on trust.
    if (row.total !== result.total)
      problem(`the stored total (${row.total}) is not what its answers score (${result.total})`);
    const positive = result.positive === undefined ? null : result.positive ? 1 : 0;
    if ((row.band ?? null) !== (result.band ?? null) || (row.positive ?? null) !== positive) {
      problem('the stored band or screen result is not what its answers score');
    }
    if (row.flags_json !== JSON.stringify(result.flags)) problem('the stored flags are not what its answers give');
    timestamp(row, 'created_at', context.now);
  },
  safety_plans(row, context) {
    uuid(row, 'id');
    const clientId = clientOf(context, row);
    noteOf(context, row, 'note_id', clientId);
    if (typeof row.version !== 'number' || !Number.isSafeInteger(row.version) || row.version < 1) {
      problem('version is not a whole number from 1');
    }
    if (context.planVersionRepeated(clientId, row.version as number)) {
      problem(`version ${row.version} of this client’s safety plan comes twice in the file`);
    }
    const steps = schemaCheck(safetyPlanStepsSchema, json(row, 'steps_json'), 'the safety plan');
    // As typed: lines trimmed and none empty, and something written.
    if (row.steps_json !== JSON.stringify(steps)) problem('the safety plan has lines with spaces around them');
    if (!hasAnyStep(steps)) problem('the safety plan is empty');
    timestamp(row, 'created_at', context.now);
  },
};

/** How a refused row is named: `notes.json row 3 (id 5f0c…)`. */
function where(table: TableName, index: number, row: Row): string {
  const key = row.id ?? row.client_id ?? row.key;
  const id =
    typeof key === 'string' || typeof key === 'number'
      ? ` (${table === 'intake_context' ? 'client_id' : 'id'} ${String(key).slice(0, 64)})`
      : '';
  return `${tableFile(table)} row ${index + 1}${id}`;
}

/** Builds the lookups the rules use: the archive's rows first, then the vault. */
export function ruleContext(db: VaultDb, archive: Archive, now: Date): RuleContext & { rememberNote(row: Row): void } {
  const ids = (table: TableName) => {
    const found = new Set<string>();
    for (const row of archive.tables.get(table)?.rows() ?? []) if (typeof row.id === 'string') found.add(row.id);
    return found;
  };
  const archiveClients = ids('clients');
  const archiveAssignments = ids('assignments');
  const archiveEntries = ids('intake_entries');
  const archiveTemplates = ids('custom_templates');
  // Notes share a handful of templates: each distinct template text is parsed once.
  const templates = new Map<string, TemplateDef>();
  const templateOf = (text: string) => {
    let template = templates.get(text);
    if (!template) {
      template = JSON.parse(text) as TemplateDef;
      templates.set(text, template);
    }
    return template;
  };
  const archiveNotes = new Map<string, { clientId: string; template: string; signedAt: string | null }>();
  const exists = (table: string) => {
    const statement = db.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).pluck();
    return (id: string) => statement.get(id) !== undefined;
  };
  const clientInVault = exists('clients');
  const assignmentInVault = exists('assignments');
  const entryInVault = exists('intake_entries');
  const templateInVault = exists('custom_templates');
  const noteInVault = db.prepare('SELECT client_id, template, signed_at FROM notes WHERE id = ?');
  const planVersions = new Set<string>();
  return {
    now,
    clientExists: (id) => archiveClients.has(id) || clientInVault(id),
    assignmentExists: (id) => archiveAssignments.has(id) || assignmentInVault(id),
    intakeEntryExists: (id) => archiveEntries.has(id) || entryInVault(id),
    templateExists: (id) => Boolean(findBuiltInTemplate(id)) || archiveTemplates.has(id) || templateInVault(id),
    planVersionRepeated(clientId, version) {
      const key = `${clientId} ${version}`;
      if (planVersions.has(key)) return true;
      planVersions.add(key);
      return false;
    },
    note(id) {
      const known =
        archiveNotes.get(id) ??
        (noteInVault.get(id) as { client_id: string; template: string; signed_at: string | null } | undefined);
      if (!known) return undefined;
      if ('clientId' in known) return { ...known, template: templateOf(known.template) };
      return { clientId: known.client_id, template: templateOf(known.template), signedAt: known.signed_at };
    },
    rememberNote(row) {
      archiveNotes.set(row.id as string, {
        clientId: row.client_id as string,
        template: row.template as string,
        signedAt: (row.signed_at ?? null) as string | null,
      });
    },
  };
}

/** Rows checked between two returns to the event loop. */
const ROWS_PER_TURN = 500;

/**
 * Checks every row of every imported table, parents before children (notes before their
 * revisions and addenda). IMPORT_REFUSED at the first row that fails, naming it.
 *
 * It returns to the event loop every few hundred rows, so the app keeps answering (the
 * windows' requests, the idle timer) while a large file is checked, and a cancel is seen.
 */
export async function checkArchiveRows(
  db: VaultDb,
  archive: Archive,
  order: readonly TableName[],
  now: Date,
  signal?: AbortSignal,
): Promise<void> {
  const context = ruleContext(db, archive, now);
  let sinceTurn = 0;
  for (const table of order) {
    if (table === 'settings' || table === 'audit_log') continue;
    const rule = ROW_RULES[table];
    let index = 0;
    for (const row of archive.tables.get(table)?.rows() ?? []) {
      try {
        rule(row, context);
      } catch (error) {
        if (error instanceof RowProblem) throw refused(`${where(table, index, row)}: ${error.message}`);
        if (error instanceof RangeError) {
          throw refused(`${where(table, index, row)}: it is too large or too deeply nested to check`);
        }
        throw error;
      }
      if (table === 'notes') context.rememberNote(row);
      index++;
      if (++sinceTurn >= ROWS_PER_TURN) {
        sinceTurn = 0;
        await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
      }
    }
  }
}
