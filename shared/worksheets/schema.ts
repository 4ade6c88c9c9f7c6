import { z } from 'zod';
import { contactSources, type WorksheetBlock, type WorksheetDef } from './types';

/** Runtime schema of a worksheet definition (custom worksheets, and every answer over IPC). */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-zA-Z0-9_-]*$/, 'An id starts with a lower-case letter and uses only letters, digits, - and _.');
const text = (max: number) => z.string().max(max);
const heading = text(120).optional();

const block = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), id, heading, body: text(4000) }),
  z.strictObject({
    kind: z.literal('reference'),
    id,
    heading,
    items: z.array(z.strictObject({ term: text(120), description: text(600) })).max(40),
  }),
  z.strictObject({
    kind: z.literal('table'),
    id,
    heading,
    columns: z
      .array(
        z.strictObject({
          id,
          heading: text(80),
          hint: text(200).optional(),
          width: z.number().min(0.5).max(6).optional(),
        }),
      )
      .min(1)
      .max(16),
    rows: z.union([z.number().int().min(1).max(60), z.array(text(60)).min(1).max(60)]),
    rowHeading: text(60).optional(),
    rowHeight: z.enum(['small', 'medium', 'large']),
  }),
  z.strictObject({
    kind: z.literal('steps'),
    id,
    heading,
    steps: z
      .array(z.strictObject({ title: text(200), prompt: text(600).optional(), lines: z.number().int().min(0).max(20) }))
      .min(1)
      .max(20),
  }),
  z.strictObject({
    kind: z.literal('fields'),
    id,
    heading,
    fields: z
      .array(z.strictObject({ label: text(120), prefilledFrom: z.enum(contactSources).optional() }))
      .min(1)
      .max(30),
  }),
  z.strictObject({
    kind: z.literal('scale'),
    id,
    label: text(120),
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    anchors: z.array(z.strictObject({ value: z.number(), label: text(40) })).max(11),
  }),
]) satisfies z.ZodType<WorksheetBlock>;

export const worksheetSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: z.string().trim().min(1, 'A worksheet needs a title.').max(120),
  purpose: text(300),
  instructions: text(3000),
  orientation: z.enum(['portrait', 'landscape']),
  blocks: z.array(block).min(1).max(30),
  source: text(1000).optional(),
  builtIn: z.boolean(),
  basedOn: text(64).optional(),
}) satisfies z.ZodType<WorksheetDef>;
