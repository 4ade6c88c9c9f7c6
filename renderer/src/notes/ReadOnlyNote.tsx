import { Fragment } from 'react';
import type { FieldDef, RichTextDoc, ScalarField, SectionDef, TemplateDef } from '../../../shared/templates/types';
import { useNoteHomework } from '../homework/noteHomework';
import { NoteSafetyPlan, safetyPlanPlace } from '../safetyPlan/NoteSafetyPlan';
import { useDistortions } from '../templates/distortionList';
import { formatDateTime } from './fields/dateTimeValue';
import { anchorText } from './fields/RatingInput';
import { SlotContent } from './fields/StaticFields';
import { distortionLabel } from './fields/TagsInput';
import { RichTextView } from './RichTextView';

type Props = {
  template: TemplateDef;
  values: Record<string, unknown>;
  sessionNumber: number | null;
  /** Prefix for section ids (the outline jumps to them); omit when shown twice on a page. */
  sectionIdPrefix?: string;
  headingLevel?: 2 | 3;
};

const empty = <span className="muted">—</span>;

function ScalarValueView({ field, value }: { field: ScalarField; value: unknown }) {
  if (value === null || value === undefined || value === '') return empty;
  switch (field.kind) {
    case 'richText':
      return <RichTextView doc={value as RichTextDoc} />;
    case 'shortText':
      return <>{String(value)}</>;
    case 'number':
      return <>{field.unit ? `${String(value)} ${field.unit}` : String(value)}</>;
    case 'dateTime':
      return <>{typeof value === 'string' ? formatDateTime(value) : empty}</>;
    case 'rating':
      return typeof value === 'number' ? (
        <>
          {anchorText(field, value)} <span className="muted">/ {field.max}</span>
        </>
      ) : (
        empty
      );
    case 'singleChoice':
      return <>{field.options.find((option) => option.id === value)?.label ?? String(value)}</>;
    case 'multiChoice': {
      const { selected = [], other = '' } = value as { selected?: string[]; other?: string };
      const labels = selected.map((id) => field.options.find((option) => option.id === id)?.label ?? id);
      if (other.trim()) labels.push(`Other: ${other.trim()}`);
      return labels.length > 0 ? labels.join(' · ') : empty;
    }
    case 'tags': {
      const tags = Array.isArray(value) ? (value as string[]) : [];
      if (tags.length === 0) return empty;
      return (
        <ul className="chips read-only">
          {tags.map((tag) => (
            <li key={tag} className="chip static">
              {field.source === 'distortions' ? distortionLabel(tag) : tag}
            </li>
          ))}
        </ul>
      );
    }
  }
}

function FieldValueView({
  field,
  value,
  sessionNumber,
}: {
  field: FieldDef;
  value: unknown;
  sessionNumber: number | null;
}) {
  switch (field.kind) {
    case 'sessionNumber': {
      const number = typeof value === 'number' ? value : sessionNumber;
      return number === null ? empty : <>Session {number}</>;
    }
    case 'slot':
      // What was recorded in this note (when shown inside the note itself): homework
      // reviewed and assigned, the intake reviewed and changed, the measures given.
      return <SlotContent field={field} />;
    case 'group': {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const filled = rows.filter((row) => Object.values(row).some((each) => hasContent(each)));
      if (filled.length === 0) return empty;
      const only = field.fields.length === 1 ? field.fields[0] : undefined;
      if (only) {
        // Rows of one value (agenda items) read as a numbered list.
        return (
          <ol className="read-list" aria-label={field.label}>
            {filled.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a stored, unchanging note
              <li key={index}>
                <ScalarValueView field={only} value={row[only.id]} />
              </li>
            ))}
          </ol>
        );
      }
      return (
        <div className="read-rows">
          {filled.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a stored, unchanging note
            <section key={index} className="read-row">
              <h4>
                {field.itemLabel} {index + 1}
              </h4>
              <dl className="read-fields">
                {field.fields.map((sub) => (
                  <div key={sub.id} className="read-field">
                    <dt>{sub.label}</dt>
                    <dd>
                      <ScalarValueView field={sub} value={row[sub.id]} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      );
    }
    default:
      return <ScalarValueView field={field} value={value} />;
  }
}

function hasContent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'doc') return JSON.stringify(record).includes('"text"');
    if ('selected' in record) return hasContent(record.selected) || hasContent(record.other);
  }
  return true;
}

/** A section's only field, labelled like the section ("Bridge" under "Bridge from the last session"). */
export function repeatsHeading(section: SectionDef, field: FieldDef): boolean {
  return section.fields.length === 1 && section.title.toLowerCase().startsWith(field.label.toLowerCase());
}

/**
 * The sections a read-only note shows. The slots (homework, intake, measures) show what
 * was recorded in the note, read from the client's records, so they are kept only when
 * the note itself is shown (`withRecords`); an old revision leaves them out (they are not
 * part of its values), and so a section made only of them.
 */
export function readableSections(template: TemplateDef, withRecords = false): SectionDef[] {
  return template.sections
    .map((section) => ({
      ...section,
      fields: section.fields.filter((field) => field.kind !== 'slot' || withRecords),
    }))
    .filter((section) => section.fields.length > 0);
}

/** A note as formatted text, no inputs: signed notes and old revisions. */
export function ReadOnlyNote({ template, values, sessionNumber, sectionIdPrefix, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // Loads the therapist's own distortions too, so custom chips show their names.
  useDistortions();
  const withRecords = useNoteHomework() !== null;
  // The safety plan versions made in this note, after the risk section (or at the end).
  const planAfter = safetyPlanPlace(template);
  return (
    <div className="read-only-note">
      {readableSections(template, withRecords).map((section) => (
        <Fragment key={section.id}>
          <section
            id={sectionIdPrefix ? `${sectionIdPrefix}${section.id}` : undefined}
            className="note-section read"
            aria-labelledby={sectionIdPrefix ? `${sectionIdPrefix}${section.id}-title` : undefined}
          >
            <Heading
              id={sectionIdPrefix ? `${sectionIdPrefix}${section.id}-title` : undefined}
              className="section-title"
            >
              {section.title}
            </Heading>
            <dl className="read-fields">
              {section.fields.map((field) => (
                <div key={field.id} className={field.kind === 'group' ? 'read-field wide' : 'read-field'}>
                  <dt className={repeatsHeading(section, field) ? 'visually-hidden' : undefined}>{field.label}</dt>
                  <dd>
                    <FieldValueView field={field} value={values[field.id]} sessionNumber={sessionNumber} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          {withRecords && section.id === planAfter && <NoteSafetyPlan headingLevel={headingLevel} />}
        </Fragment>
      ))}
      {withRecords && planAfter === null && <NoteSafetyPlan headingLevel={headingLevel} />}
    </div>
  );
}
