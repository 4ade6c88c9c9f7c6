import { z } from 'zod';
import { foldName } from '../cautions/normalize';
import { clientIdSchema } from '../clients/client';
import { noteIdSchema } from '../notes/note';

/**
 * What the therapist did about a caution: recorded, dated, into the current note (or on
 * the client's record when no note is open). The caution's title, severity and the names
 * it involved are kept as they were shown, so the record reads the same after the
 * knowledge base changes.
 */

export const cautionActionKinds = [
  { id: 'discussed', label: 'Discussed with client' },
  { id: 'suggestedPrescriber', label: 'Suggested the client talk to their prescriber or pharmacist' },
  { id: 'contactedPrescriber', label: 'Contacted prescriber (with consent)' },
  { id: 'notRelevant', label: 'Not relevant' },
] as const;
export const cautionActionKindSchema = z.enum([
  'discussed',
  'suggestedPrescriber',
  'contactedPrescriber',
  'notRelevant',
]);
export type CautionActionKind = z.infer<typeof cautionActionKindSchema>;

export function cautionActionLabel(kind: CautionActionKind): string {
  return cautionActionKinds.find((each) => each.id === kind)?.label ?? kind;
}

export const cautionActionInputSchema = z
  .strictObject({
    clientId: clientIdSchema,
    noteId: noteIdSchema.nullable(),
    cautionId: z.string().min(1).max(120),
    cautionTitle: z.string().min(1).max(300),
    severity: z.enum(['serious', 'caution', 'info']),
    involves: z.array(z.string().min(1).max(120)).max(40),
    action: cautionActionKindSchema,
    reason: z
      .string()
      .max(1000, 'Keep the reason under 1,000 characters.')
      .transform((value) => value.trim())
      .default(''),
    /** The knowledge-base version the caution came from. */
    kbVersion: z.string().min(1).max(20),
  })
  .refine((input) => input.action !== 'notRelevant' || input.reason !== '', {
    path: ['reason'],
    message: 'Say why it is not relevant.',
  });
export type CautionActionInput = z.input<typeof cautionActionInputSchema>;

export const cautionActionSchema = z.strictObject({
  id: z.uuid(),
  clientId: clientIdSchema,
  noteId: noteIdSchema.nullable(),
  cautionId: z.string(),
  cautionTitle: z.string(),
  severity: z.enum(['serious', 'caution', 'info']),
  involves: z.array(z.string()),
  action: cautionActionKindSchema,
  reason: z.string(),
  kbVersion: z.string(),
  at: z.string(),
});
export type CautionAction = z.infer<typeof cautionActionSchema>;

/**
 * Which caution an action answers: its id with the names involved, so "kratom with
 * benzodiazepines" discussed for Xanax is still open when the client starts Valium.
 */
export function cautionKey(caution: { id?: string; cautionId?: string; involves: readonly string[] }): string {
  const id = caution.cautionId ?? caution.id ?? '';
  const names = caution.involves.map(foldName).sort();
  return `${id}|${names.join('|')}`;
}
