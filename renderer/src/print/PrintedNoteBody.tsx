import type { ReactNode } from 'react';
import type {
  FieldDef,
  GroupField,
  NoteValues,
  RichTextDoc,
  ScalarField,
  SectionDef,
  TemplateDef,
} from '../../../shared/templates/types';
import { noteText, richTextToPlain } from '../../../shared/templates/values';
import { repeatsHeading } from '../notes/ReadOnlyNote';
import { RichTextView } from '../notes/RichTextView';

type Labels = Record<string, string>;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Text from noteText, with ISO date-times written the way the therapist reads them. */
function readable(text: string): string {
  if (!ISO_DATE_TIME.test(text)) return text;
  const date = new Date(text);
  return Number.isNaN(date.getTime())
    ? text
    : date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * One value as the signed text has it (noteText, which the signature hash reads too),
 * so the printout never words a value differently from what was signed.
 */
function plainValue(template: TemplateDef, field: FieldDef, value: unknown, distortionLabels: Labels): string {
  const single: TemplateDef = { ...template, sections: [{ id: 'one', title: '', fields: [field] } as SectionDef] };
  const text = noteText(single, { [field.id]: value } as NoteValues, { distortionLabels })[0]?.fields[0]?.text;
  return text ? readable(text) : '';
}

/** A value as printed: rich text keeps its bold, italics and lists; null when empty. */
function printedValue(template: TemplateDef, field: ScalarField, value: unknown, labels: Labels): ReactNode {
  if (field.kind === 'richText') {
    return richTextToPlain(value) === '' ? null : <RichTextView doc={value as RichTextDoc} className="print-rich" />;
  }
  const text = plainValue(template, field, value, labels);
  return text === '' ? null : text;
}

type Row = { label: string | null; value: ReactNode; wide?: boolean };

function groupRows(template: TemplateDef, field: GroupField, value: unknown, labels: Labels, single: boolean): Row[] {
  const rows = (Array.isArray(value) ? value : []).filter((row) => typeof row === 'object' && row !== null) as Record<
    string,
    unknown
  >[];
  const only = field.fields.length === 1 ? field.fields[0] : undefined;
  if (only) {
    // Rows of one value (agenda items) read as a numbered list.
    const items = rows.map((row) => printedValue(template, only, row[only.id], labels)).filter((each) => each !== null);
    if (items.length === 0) return [];
    const list = (
      <ol className="print-list">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a signed note never reorder
          <li key={index}>{item}</li>
        ))}
      </ol>
    );
    return [{ label: single ? null : field.label, value: list }];
  }
  const printed: Row[] = [];
  for (const row of rows) {
    const parts = field.fields
      .map((sub) => ({ label: sub.label, value: printedValue(template, sub, row[sub.id], labels) }))
      .filter((part) => part.value !== null);
    if (parts.length === 0) continue;
    printed.push({
      label: null,
      wide: true,
      value: (
        <div className="print-item">
          <h3>
            {field.itemLabel} {printed.length + 1}
          </h3>
          <dl className="print-fields">
            {parts.map((part) => (
              <div className="print-field" key={part.label}>
                <dt>{part.label}</dt>
                <dd>{part.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ),
    });
  }
  return printed;
}

function sectionRows(template: TemplateDef, section: SectionDef, values: NoteValues, labels: Labels): Row[] {
  const rows: Row[] = [];
  const single = section.fields.filter((field) => field.kind !== 'slot').length === 1;
  for (const field of section.fields) {
    const value = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
    // A label the section heading already says ("Summary" under "Summary") is printed once.
    const label = single && repeatsHeading({ ...section, fields: [field] }, field) ? null : field.label;
    if (field.kind === 'slot') continue; // their features print themselves, after the note
    if (field.kind === 'group') rows.push(...groupRows(template, field, value, labels, single));
    else if (field.kind === 'sessionNumber') {
      const text = plainValue(template, field, value, labels);
      if (text !== '') rows.push({ label, value: text });
    } else {
      const printed = printedValue(template, field, value, labels);
      if (printed !== null) rows.push({ label, value: printed });
    }
  }
  return rows;
}

/**
 * The written part of a note on paper: sections in template order, labels beside their
 * values, empty fields and empty sections left out (a signed note's blanks say nothing).
 */
export function PrintedNoteBody({
  template,
  values,
  distortionLabels,
}: {
  template: TemplateDef;
  values: NoteValues;
  distortionLabels: Labels;
}) {
  return (
    <>
      {template.sections.map((section) => {
        const rows = sectionRows(template, section, values, distortionLabels);
        if (rows.length === 0) return null;
        return (
          <section key={section.id} className="print-section">
            <h2>{section.title}</h2>
            <dl className="print-fields">
              {rows.map((row, index) => (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: a printed note never reorders
                  key={index}
                  className={row.label === null ? 'print-field print-field-wide' : 'print-field'}
                >
                  {row.label !== null && <dt>{row.label}</dt>}
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}
