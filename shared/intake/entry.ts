import { z } from 'zod';
import { clientIdSchema } from '../clients/client';
import { isIsoDate } from '../dates';
import { noteIdSchema } from '../notes/note';

/**
 * What a client takes: substances and supplements (kratom, St John's Wort, alcohol, a
 * friend's pills…) and prescribed medications. Each entry is current until it has a
 * stop date; every change is kept as a dated snapshot, so the history can be read back.
 */

export const intakeEntryIdSchema = z.uuid({ error: 'An intake entry id must be a UUID.' });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((value) => value.trim());

/** A calendar date, or '' when not known. */
const optionalDate = (label: string) =>
  z
    .string({ error: `${label} must be a date.` })
    .max(10, `${label} must be a date (YYYY-MM-DD).`)
    .refine((value) => value === '' || isIsoDate(value), `${label} must be a real date (YYYY-MM-DD).`);

const name = z
  .string({ error: 'The name must be text.' })
  .max(120, 'Keep the name under 120 characters.')
  .transform((value) => value.trim())
  .refine((value) => value.length > 0, 'Enter what the client takes.');

export const obtainedFromOptions = [
  { id: 'prescribed', label: 'Prescribed' },
  { id: 'pharmacy', label: 'Pharmacy or over the counter' },
  { id: 'online', label: 'Online' },
  { id: 'shop', label: 'Shop (e.g. smoke shop, health store)' },
  { id: 'other', label: 'Other (friend, street…)' },
] as const;
export const obtainedFromSchema = z.enum(['prescribed', 'pharmacy', 'online', 'shop', 'other']);
export type ObtainedFrom = z.infer<typeof obtainedFromSchema>;

/**
 * Where a medication came from. Most are prescribed to the client; some are not (a friend's
 * or a relative's pills, bought online or on the street), which matters when discussing them.
 */
export const medicationSourceOptions = [
  { id: 'prescribed', label: 'Prescribed to the client' },
  { id: 'friend-or-family', label: 'Not prescribed: from a friend or family' },
  { id: 'online', label: 'Not prescribed: bought online' },
  { id: 'street', label: 'Not prescribed: from the street' },
  { id: 'other', label: 'Not prescribed: other' },
] as const;
export const medicationSourceSchema = z.enum(['prescribed', 'friend-or-family', 'online', 'street', 'other']);
export type MedicationSource = z.infer<typeof medicationSourceSchema>;

export const prescriberKnowsSchema = z.enum(['yes', 'no', 'unknown']);
export type PrescriberKnows = z.infer<typeof prescriberKnowsSchema>;

export const substanceFieldsSchema = z.strictObject({
  kind: z.literal('substance'),
  name,
  product: text('Product or brand', 200),
  amount: text('Amount', 40),
  unit: text('Unit', 30),
  route: text('Route', 60),
  frequency: text('Frequency', 120),
  startedOn: optionalDate('Started'),
  lastUseOn: optionalDate('Last use'),
  obtainedFrom: obtainedFromSchema.nullable(),
  /** What the client says it is for, in their words. */
  clientSaysFor: text('What it is for', 300),
  prescriberKnows: prescriberKnowsSchema,
  stoppedOn: optionalDate('Stopped'),
});
export type SubstanceFields = z.infer<typeof substanceFieldsSchema>;

export const medicationFieldsSchema = z.strictObject({
  kind: z.literal('medication'),
  name,
  dose: text('Dose', 120),
  prescriber: text('Prescriber', 120),
  /** Entries recorded before this field existed were all prescribed to the client. */
  source: medicationSourceSchema.default('prescribed'),
  startedOn: optionalDate('Started'),
  stoppedOn: optionalDate('Stopped'),
});
export type MedicationFields = z.infer<typeof medicationFieldsSchema>;

export const intakeFieldsSchema = z
  .discriminatedUnion('kind', [substanceFieldsSchema, medicationFieldsSchema])
  .superRefine((fields, context) => {
    if (fields.startedOn && fields.stoppedOn && fields.stoppedOn < fields.startedOn) {
      context.addIssue({ code: 'custom', path: ['stoppedOn'], message: 'Stopped cannot be before Started.' });
    }
  });
export type IntakeFields = z.infer<typeof intakeFieldsSchema>;

export const intakeChangeSchema = z.strictObject({
  /** When it was recorded. */
  at: z.string(),
  change: z.enum(['added', 'changed', 'stopped']),
  /** The note it was recorded in, if any. */
  noteId: noteIdSchema.nullable(),
  /** The entry as it was after this change. */
  fields: intakeFieldsSchema,
});
export type IntakeChange = z.infer<typeof intakeChangeSchema>;

export const intakeEntrySchema = z.strictObject({
  id: intakeEntryIdSchema,
  clientId: clientIdSchema,
  fields: intakeFieldsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Oldest first; the last one matches `fields`. */
  history: z.array(intakeChangeSchema),
});
export type IntakeEntry = z.infer<typeof intakeEntrySchema>;

/** Current: not stopped, or stopping later than `today` (a planned taper end). */
export function isCurrent(entry: { fields: IntakeFields }, today: string): boolean {
  return entry.fields.stoppedOn === '' || entry.fields.stoppedOn > today;
}

/** The optional clinical context the caution engine reads (all false until set). */
export const intakeContextSchema = z.strictObject({
  pregnant: z.boolean(),
  breastfeeding: z.boolean(),
  bipolar: z.boolean(),
  liverDisease: z.boolean(),
  seizureHistory: z.boolean(),
});
export type ClientIntakeContext = z.infer<typeof intakeContextSchema>;

export const emptyIntakeContext: ClientIntakeContext = {
  pregnant: false,
  breastfeeding: false,
  bipolar: false,
  liverDisease: false,
  seizureHistory: false,
};

export const contextLabels: Record<keyof ClientIntakeContext, string> = {
  pregnant: 'Pregnant',
  breastfeeding: 'Breastfeeding',
  bipolar: 'Bipolar disorder',
  liverDisease: 'Liver disease',
  seizureHistory: 'History of seizures',
};
