import type { FieldDef, RichTextNode, ScalarField, TemplateDef } from '../../../shared/templates/types';
import { type WordDiff, wordDiff } from '../../../shared/wordDiff';

/** One field that differs between two versions of a note, with its words compared. */
export type FieldChange = { section: string; label: string; diff: WordDiff };

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote']);

/** A rich-text document as plain text: one line per paragraph or list item. */
function richTextToText(node: RichTextNode | undefined): string {
  if (!node) return '';
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(richTextToText).join('');
  return BLOCKS.has(node.type) && node.type !== 'listItem'
    ? `${inner}\n`
    : node.type === 'listItem'
      ? `• ${inner}`
      : inner;
}

/** A stored value as the words a reader sees, so that a diff compares what is on the page. */
export function scalarText(field: ScalarField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind) {
    case 'richText':
      return typeof value === 'object' ? richTextToText(value as RichTextNode).trim() : String(value);
    case 'number':
      return field.unit ? `${String(value)} ${field.unit}` : String(value);
    case 'rating':
      return `${String(value)} / ${field.max}`;
    case 'singleChoice':
      return field.options.find((option) => option.id === value)?.label ?? String(value);
    case 'multiChoice': {
      const { selected = [], other = '' } = (value ?? {}) as { selected?: string[]; other?: string };
      const labels = selected.map((id) => field.options.find((option) => option.id === id)?.label ?? id);
      if (other.trim()) labels.push(`Other: ${other.trim()}`);
      return labels.join(' · ');
    }
    case 'tags':
      return Array.isArray(value) ? value.map(String).join(' · ') : '';
    default:
      return String(value);
  }
}

function fieldText(field: FieldDef, value: unknown): string | null {
  switch (field.kind) {
    case 'slot':
      // Slots are the client's records, not part of a version's values.
      return null;
    case 'sessionNumber':
      return typeof value === 'number' ? `Session ${value}` : '';
    case 'group': {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const lines: string[] = [];
      rows.forEach((row, index) => {
        const text = field.fields
          .map((sub) => scalarText(sub, row?.[sub.id]))
          .filter((part) => part !== '')
          .join(' · ');
        if (text !== '') lines.push(field.fields.length > 1 ? `${field.itemLabel} ${index + 1}: ${text}` : text);
      });
      return lines.join('\n');
    }
    default:
      return scalarText(field, value);
  }
}

/**
 * The fields that differ between an earlier version and a later one, in the
 * template's order. Unchanged fields are left out.
 */
export function revisionChanges(
  template: TemplateDef,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const section of template.sections) {
    for (const field of section.fields) {
      const earlier = fieldText(field, before[field.id]);
      const later = fieldText(field, after[field.id]);
      if (earlier === null || later === null) continue;
      const diff = wordDiff(earlier, later);
      if (diff.kind !== 'same') changes.push({ section: section.title, label: field.label, diff });
    }
  }
  return changes;
}
