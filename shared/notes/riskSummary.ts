import { z } from 'zod';
import { noteIdSchema, noteStatusSchema } from './note';

/**
 * The risk flag at the top of a client's page (issue 12 item 4), as the core reads it:
 * the latest PHQ-9 with item 9 above 0, the latest note whose Risk section records
 * something, and the latest safety plan. Facts with their dates, nothing inferred.
 */
export const riskSummarySchema = z.strictObject({
  item9: z
    .strictObject({
      givenOn: z.string().max(10),
      /** The item-9 answer (1–3). */
      score: z.number().int(),
      /** The PHQ-9's total, for context. */
      total: z.number().int(),
      noteId: noteIdSchema.nullable(),
    })
    .nullable(),
  assessment: z
    .strictObject({
      noteId: noteIdSchema,
      /** The session's date and time (the note's own), else when the note was started. */
      at: z.string().max(64),
      status: noteStatusSchema,
      templateName: z.string().max(200),
      /** What the Risk section records, in short (riskSummaryLine). */
      summary: z.string().max(200),
    })
    .nullable(),
  /** When the latest version of the client's safety plan was saved; null when none is on record. */
  safetyPlan: z.strictObject({ date: z.string().max(64) }).nullable(),
});
export type RiskSummary = z.infer<typeof riskSummarySchema>;
