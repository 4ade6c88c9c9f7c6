import { z } from 'zod';
import { clientIdSchema } from '../clients/client';
import { noteIdSchema, richTextDocSchema } from '../notes/note';

/** Homework assigned to a client, and every change to it, dated and kept. */

export const assignmentIdSchema = z.uuid({ error: 'An assignment id must be a UUID.' });

export const frequencySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once') }),
  z.strictObject({ kind: z.literal('daily') }),
  z.strictObject({ kind: z.literal('perWeek'), times: z.number().int().min(1).max(21) }),
  z.strictObject({ kind: z.literal('custom'), text: z.string().trim().min(1).max(200) }),
]);
export type Frequency = z.infer<typeof frequencySchema>;

/**
 * assigned → reviewed as done / partly done (how much) / not done (the barrier, in the
 * client's words) / carried over to next week / dropped. Done and partly done also keep
 * what the client learned or noticed, in their words.
 */
export const assignmentStatusSchema = z.enum(['assigned', 'done', 'partial', 'notDone', 'carriedOver', 'dropped']);
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

/** Statuses that still need reviewing: never silently lost. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['assigned', 'carriedOver'];

export const assignmentInputSchema = z.strictObject({
  clientId: clientIdSchema,
  worksheetId: z.string().min(1).max(64),
  title: z.string().trim().min(1, 'Give the assignment a title.').max(200),
  instructions: richTextDocSchema,
  frequency: frequencySchema,
  startDate: z.iso.date({ error: 'Start date must be a date.' }),
  dueDate: z.iso.date({ error: 'Review date must be a date.' }),
  target: z.string().trim().max(200),
  /** The note it was assigned in, if any. */
  noteId: noteIdSchema.nullable(),
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

export const assignmentEventSchema = z.strictObject({
  status: assignmentStatusSchema,
  at: z.string(),
  /** "4 of 7 days", for partly done. */
  amount: z.string(),
  /** In the client's words, for not done. */
  barrier: z.string(),
  /**
   * What the client learned or noticed, in their words, for done and partly done
   * (issue 12). Reviews recorded before it was asked read as ''.
   */
  learned: z.string().default(''),
  /** The note the review was recorded in, if any. */
  noteId: noteIdSchema.nullable(),
});
export type AssignmentEvent = z.infer<typeof assignmentEventSchema>;

export const assignmentSchema = assignmentInputSchema.extend({
  id: assignmentIdSchema,
  worksheetVersion: z.number().int(),
  status: assignmentStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(assignmentEventSchema),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** What the client learned or noticed: a few sentences, as long as a barrier may be. */
export const LEARNED_MAX = 1000;

/** The review outcomes that ask what the client learned or noticed. */
export const ASKS_WHAT_WAS_LEARNED: readonly AssignmentStatus[] = ['done', 'partial'];

export const reviewInputSchema = z
  .strictObject({
    id: assignmentIdSchema,
    status: assignmentStatusSchema.exclude(['assigned']),
    amount: z.string().trim().max(100).default(''),
    barrier: z.string().trim().max(1000).default(''),
    learned: z.string().trim().max(LEARNED_MAX).default(''),
    noteId: noteIdSchema.nullable().default(null),
  })
  .refine((review) => review.status !== 'partial' || review.amount !== '', {
    path: ['amount'],
    message: 'Say how much was done, e.g. "4 of 7 days".',
  });
export type ReviewInput = z.infer<typeof reviewInputSchema>;
