import { z } from 'zod';
import { clientIdSchema } from '../clients/client';
import { isIsoDate } from '../dates';
import { noteIdSchema } from '../notes/note';

/**
 * A measure given in a session: the client's answer to every item (stored, not just the
 * total), the date it was given and the note it was given in. The core scores it with
 * scoreMeasure, so a stored total can never disagree with the published scoring.
 */

export const instrumentIdSchema = z.enum(['phq9', 'phq2', 'gad7', 'auditc']);

export const administrationInputSchema = z.strictObject({
  clientId: clientIdSchema,
  noteId: noteIdSchema.nullable(),
  instrument: instrumentIdSchema,
  // Checked item by item by scoreMeasure, which names the item at fault.
  answers: z.array(z.number()).max(20),
  /** For the AUDIT-C cut-off only; not given means the more sensitive cut-off. */
  sex: z.enum(['female', 'male']).nullable(),
  givenOn: z
    .string({ error: 'The date must be a date.' })
    .max(10)
    .refine(isIsoDate, 'The date must be a real date (YYYY-MM-DD).'),
});
export type AdministrationInput = z.infer<typeof administrationInputSchema>;

export const administrationSchema = administrationInputSchema.extend({
  id: z.uuid(),
  total: z.number().int(),
  band: z.string().nullable(),
  positive: z.boolean().nullable(),
  flags: z.array(z.string()),
  createdAt: z.string(),
});
export type Administration = z.infer<typeof administrationSchema>;
