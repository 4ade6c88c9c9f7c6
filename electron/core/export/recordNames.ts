import type { VaultDb } from '../db/database';
import type { Row } from './tables';

/**
 * Names a record from an export file the way a therapist would say it ("Daniel Reyes,
 * CBT session note, 4 Dec 2026"), never by table or id: the import's conflict list
 * shows these. Names come from the file's own rows (what would have been imported),
 * with the vault as a fallback for a parent the file does not carry.
 */

const MEASURES: Record<string, string> = { phq9: 'PHQ-9', phq2: 'PHQ-2', gad7: 'GAD-7', auditc: 'AUDIT-C' };

/** "4 Dec 2026" for a stored ISO timestamp or date; the text as it is when it is not one. */
export function dayOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function jsonField(text: unknown, field: string): string {
  if (typeof text !== 'string') return '';
  try {
    const value = (JSON.parse(text) as Record<string, unknown> | null)?.[field];
    return typeof value === 'string' ? value.trim() : '';
  } catch {
    return '';
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const joined = (...parts: string[]) => parts.filter((part) => part !== '').join(', ');
const spaced = (...parts: string[]) => parts.filter((part) => part !== '').join(' ');
const quoted = (value: string) => (value ? `“${value}”` : '');

/** Remembers the names of the file's parent records as the import plan reads them. */
export class RecordNamer {
  private readonly names = new Map<string, Map<string, string>>();

  constructor(private readonly db: VaultDb) {}

  /** The record's name; parents (clients, notes…) are remembered for their children's names. */
  name(table: string, row: Row): string {
    const name = this.describe(table, row);
    if (PARENTS.has(table)) {
      let known = this.names.get(table);
      if (!known) {
        known = new Map();
        this.names.set(table, known);
      }
      known.set(String(row[PARENTS.get(table) ?? 'id']), name);
    }
    return name;
  }

  /** Whether a table's rows are needed later to name other records. */
  static remembers(table: string): boolean {
    return PARENTS.has(table);
  }

  private parent(table: string, id: unknown): string {
    const known = this.names.get(table)?.get(String(id));
    if (known) return known;
    // Not in the file: the vault's own record, if there is one.
    const row = this.safeGet(table, id);
    return row ? this.describe(table, row) : '';
  }

  private safeGet(table: string, id: unknown): Row | undefined {
    if (!PARENTS.has(table) || (typeof id !== 'string' && typeof id !== 'number')) return undefined;
    try {
      return this.db.prepare(`SELECT * FROM "${table}" WHERE "${PARENTS.get(table)}" = ?`).get(id) as Row | undefined;
    } catch {
      return undefined;
    }
  }

  private client(id: unknown): string {
    return this.parent('clients', id) || 'A client';
  }

  private describe(table: string, row: Row): string {
    switch (table) {
      case 'clients':
        return text(row.display_name) || 'A client';
      case 'custom_templates':
        return spaced('Note template', quoted(jsonField(row.definition, 'name')));
      case 'custom_distortions':
        return spaced('Thinking pattern', quoted(text(row.label)));
      case 'custom_worksheets':
        return spaced('Worksheet', quoted(jsonField(row.definition, 'title')));
      case 'notes': {
        const template = text(row.template_name);
        const kind = !template ? 'note' : /\bnote$/i.test(template) ? template : `${template} note`;
        return joined(this.client(row.client_id), kind, dayOf(row.created_at));
      }
      case 'note_revisions':
        return joined(this.parent('notes', row.note_id) || 'A note', `a saved version of ${dayOf(row.created_at)}`);
      case 'addenda':
        return joined(this.parent('notes', row.note_id) || 'A note', `addendum of ${dayOf(row.created_at)}`);
      case 'assignments':
        return joined(this.client(row.client_id), `homework ${quoted(text(row.title))}`, dayOf(row.start_date));
      case 'assignment_events':
        return joined(this.parent('assignments', row.assignment_id) || 'Homework', 'a review');
      case 'intake_entries': {
        const kind = row.kind === 'medication' ? 'medication' : 'substance';
        return joined(this.client(row.client_id), `${kind} ${quoted(jsonField(row.fields_json, 'name'))}`.trim());
      }
      case 'intake_events':
        return joined(
          this.parent('intake_entries', row.entry_id) || 'A substance or medication',
          `change of ${dayOf(row.at)}`,
        );
      case 'intake_context':
        return joined(this.client(row.client_id), 'medical background for the substance cautions');
      case 'intake_reviews':
        return joined(this.client(row.client_id), 'substances and medications reviewed', dayOf(row.at));
      case 'caution_actions':
        return joined(this.client(row.client_id), `caution ${quoted(text(row.caution_title))} noted`, dayOf(row.at));
      case 'measure_administrations':
        return joined(this.client(row.client_id), MEASURES[text(row.instrument)] ?? 'a measure', dayOf(row.given_on));
      case 'safety_plans':
        return joined(
          this.client(row.client_id),
          `safety plan, version ${String(row.version ?? '')}`.trim(),
          dayOf(row.created_at),
        );
      default:
        // A kind of record this list does not know yet: still no table name or id.
        return row.client_id ? joined(this.client(row.client_id), 'a record') : 'A record';
    }
  }
}

/** The parent tables and the column their children refer to them by. */
const PARENTS = new Map([
  ['clients', 'id'],
  ['notes', 'id'],
  ['assignments', 'id'],
  ['intake_entries', 'id'],
]);
