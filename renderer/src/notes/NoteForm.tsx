import { Fragment, memo, useCallback, useMemo, useRef } from 'react';
import { rowSeedInto, seededRows } from '../../../shared/templates/rowSeeds';
import type { FieldDef, FieldValue, TemplateDef } from '../../../shared/templates/types';
import { sectionDomId } from '../noteSections';
import { NoteSafetyPlan, safetyPlanPlace } from '../safetyPlan/NoteSafetyPlan';
import type { AutosaveController } from './autosave';
import { FieldInput, type SeedRows } from './fields/FieldInput';
import { repeatsHeading } from './ReadOnlyNote';

type Props = {
  template: TemplateDef;
  values: Record<string, unknown>;
  sessionNumber: number | null;
  controller: AutosaveController;
};

/**
 * The editable note: sections of fields in template order. Drawn once per opened note;
 * typing re-renders only the field typed in (each field owns its state), and the timer
 * and save indicator live outside this tree.
 */
export const NoteForm = memo(function NoteForm({ template, values, sessionNumber, controller }: Props) {
  /** Each field's latest reader, so one list can start from another (agenda → worked on). */
  const latest = useRef(new Map<string, () => FieldValue>());
  const seeders = useMemo(() => {
    const byField = new Map<string, SeedRows>();
    for (const section of template.sections) {
      for (const field of section.fields) {
        const seed = rowSeedInto(template, field.id);
        if (!seed) continue;
        const sourceId = seed.from.id;
        byField.set(field.id, (current, handled) =>
          seededRows(seed, latest.current.get(sourceId)?.() ?? values[sourceId], current, handled),
        );
      }
    }
    return byField;
  }, [template, values]);
  const planAfter = safetyPlanPlace(template);
  // A psychotherapy note is kept apart from the record; the safety plan belongs in the record.
  const offersPlan = template.noteKind !== 'psychotherapy';
  return (
    <div className="note-form">
      {template.sections.map((section) => (
        <Fragment key={section.id}>
          <section
            id={sectionDomId(section.id)}
            className="note-section"
            aria-labelledby={`${sectionDomId(section.id)}-title`}
          >
            <h2 id={`${sectionDomId(section.id)}-title`} className="section-title">
              {section.title}
            </h2>
            {section.help && <p className="section-help">{section.help}</p>}
            {section.fields.map((field) => (
              <TopField
                key={field.id}
                field={field}
                labelHidden={repeatsHeading(section, field)}
                initial={values[field.id] ?? null}
                sessionNumber={sessionNumber}
                controller={controller}
                latest={latest.current}
                seedRows={seeders.get(field.id)}
              />
            ))}
          </section>
          {offersPlan && section.id === planAfter && <NoteSafetyPlan />}
        </Fragment>
      ))}
      {offersPlan && planAfter === null && <NoteSafetyPlan />}
    </div>
  );
});

function TopField({
  field,
  initial,
  sessionNumber,
  controller,
  labelHidden,
  latest,
  seedRows,
}: {
  labelHidden: boolean;
  latest: Map<string, () => FieldValue>;
  seedRows: SeedRows | undefined;
  field: FieldDef;
  initial: unknown;
  sessionNumber: number | null;
  controller: AutosaveController;
}) {
  const onChange = useCallback(
    (read: () => FieldValue) => {
      latest.set(field.id, read);
      controller.change(field.id, read);
    },
    [controller, field.id, latest],
  );
  const onCommit = useCallback(() => void controller.flush(), [controller]);
  const onProblem = useCallback(
    (key: string, message: string | null) => controller.setProblem(key, message),
    [controller],
  );
  return (
    <FieldInput
      field={field}
      initial={initial}
      idBase={`field-${field.id}`}
      sessionNumber={sessionNumber}
      labelHidden={labelHidden}
      onChange={onChange}
      onCommit={onCommit}
      onProblem={onProblem}
      seedRows={seedRows}
    />
  );
}
