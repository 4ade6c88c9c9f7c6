import { z } from 'zod';
import type { FieldDef, ScalarField, TemplateDef } from './types';

/**
 * Runtime schema of a template definition: checks a custom template before it is
 * saved, and every template that crosses the IPC boundary. Ids are short, plain and
 * stable, because note values are keyed by them.
 */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-zA-Z0-9_-]*$/, 'An id starts with a lower-case letter and uses only letters, digits, - and _.');
const label = z.string().trim().min(1, 'Every label needs some text.').max(200);
const help = z.string().max(500).optional();
const option = z.strictObject({ id, label });
const options = z.array(option).min(1).max(50);

const base = { id, label, help };

const scalarField = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('richText'), placeholder: z.string().max(200).optional() }),
  z.strictObject({
    ...base,
    kind: z.literal('shortText'),
    placeholder: z.string().max(200).optional(),
    maxLength: z.number().int().min(1).max(2000).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().max(30).optional(),
    integer: z.boolean().optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('dateTime') }),
  z.strictObject({
    ...base,
    kind: z.literal('rating'),
    max: z.union([z.literal(10), z.literal(100)]),
    step: z.number().int().min(1).max(50).optional(),
    anchors: z.array(z.strictObject({ value: z.number(), label: z.string().min(1).max(60) })).max(11),
  }),
  z.strictObject({ ...base, kind: z.literal('singleChoice'), options }),
  z.strictObject({ ...base, kind: z.literal('multiChoice'), options, allowOther: z.boolean().optional() }),
  z.strictObject({ ...base, kind: z.literal('tags'), source: z.enum(['distortions', 'free']) }),
]) satisfies z.ZodType<ScalarField>;

const fieldSchema = z.discriminatedUnion('kind', [
  ...scalarField.options,
  z.strictObject({
    ...base,
    kind: z.literal('group'),
    itemLabel: z.string().min(1).max(60),
    fields: z.array(scalarField).min(1).max(20),
    minRows: z.number().int().min(0).max(20).optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('sessionNumber') }),
  z.strictObject({
    ...base,
    kind: z.literal('slot'),
    slot: z.enum(['homeworkReview', 'newHomework', 'intake', 'measures']),
  }),
]) satisfies z.ZodType<FieldDef>;

export const templateSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1, 'A template needs a name.').max(100),
    version: z.number().int().min(1),
    noteKind: z.enum(['progress', 'psychotherapy']),
    description: z.string().max(1000),
    builtIn: z.boolean(),
    source: z.string().max(2000).optional(),
    basedOn: z.string().max(64).optional(),
    sections: z
      .array(
        z.strictObject({
          id,
          title: z.string().trim().min(1, 'Every section needs a title.').max(120),
          help,
          fields: z.array(fieldSchema).max(60),
        }),
      )
      .min(1, 'A template needs at least one section.')
      .max(40),
  })
  .superRefine((template, context) => {
    // Values are keyed by field id, so ids must be unique across the whole template
    // (and within each group's row); section ids must be unique for the outline.
    const seen = new Set<string>();
    const sections = new Set<string>();
    for (const section of template.sections) {
      if (sections.has(section.id))
        context.addIssue({ code: 'custom', message: `Two sections share the id "${section.id}".` });
      sections.add(section.id);
      for (const field of section.fields) {
        if (seen.has(field.id)) context.addIssue({ code: 'custom', message: `Two fields share the id "${field.id}".` });
        seen.add(field.id);
        if (field.kind === 'group') {
          const inner = new Set<string>();
          for (const sub of field.fields) {
            if (inner.has(sub.id))
              context.addIssue({ code: 'custom', message: `Two fields in "${field.label}" share the id "${sub.id}".` });
            inner.add(sub.id);
          }
        }
      }
    }
  }) satisfies z.ZodType<TemplateDef>;
