import { z } from 'zod';
import { clientIdSchema } from '../clients/client';
import { templateSchema } from '../templates/schema';
import type { RichTextDoc, RichTextNode } from '../templates/types';
import { describeRichTextProblem, richTextProblem } from '../templates/values';

/** Notes as they cross the IPC boundary. Values are checked in the core against the note's own template. */

export const noteIdSchema = z.uuid({ error: 'A note id must be a UUID.' });
export const noteStatusSchema = z.enum(['draft', 'signed']);
export type NoteStatus = z.infer<typeof noteStatusSchema>;

/**
 * A rich-text document (tiptap JSON) within the one rich-text budget (richTextProblem:
 * structure, depth, nodes, characters). The top level is a plain schema (so a bad field
 * is named); the nodes are checked by an iterative walk that stops at the first
 * problem, never element by element in zod: a hostile request (4 million nodes, 20,000
 * levels deep) is refused in milliseconds, whatever its size.
 */
export const richTextDocSchema = z
  .strictObject({
    type: z.literal('doc'),
    content: z.custom<RichTextNode[]>((value) => Array.isArray(value), 'The text’s content must be a list.').optional(),
  })
  .superRefine((doc, context) => {
    const problem = richTextProblem(doc);
    if (problem) {
      const message =
        problem.kind === 'unreadable'
          ? 'This text could not be read (it is not a text document the app recognises).'
          : `This text ${describeRichTextProblem(problem)}`;
      context.addIssue({ code: 'custom', path: ['content'], message });
    }
  }) as unknown as z.ZodType<RichTextDoc & { type: 'doc' }>;

export const addendumSchema = z.strictObject({
  id: z.uuid(),
  noteId: noteIdSchema,
  text: richTextDocSchema,
  createdAt: z.string(),
  signedBy: z.string(),
  contentHash: z.string(),
});
export type Addendum = z.infer<typeof addendumSchema>;

export const noteSummarySchema = z.strictObject({
  id: noteIdSchema,
  clientId: clientIdSchema,
  templateId: z.string(),
  templateName: z.string(),
  noteKind: z.enum(['progress', 'psychotherapy']),
  status: noteStatusSchema,
  sessionNumber: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

export const noteSchema = noteSummarySchema.extend({
  template: templateSchema,
  values: z.record(z.string(), z.unknown()),
  signedBy: z.string().nullable(),
  contentHash: z.string().nullable(),
  addenda: z.array(addendumSchema),
});
export type Note = z.infer<typeof noteSchema>;

export const revisionSummarySchema = z.strictObject({
  id: z.number().int(),
  createdAt: z.string(),
  reason: z.enum(['autosave', 'signing', 'restore']),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const searchHitSchema = z.strictObject({
  kind: z.enum(['note', 'addendum', 'client']),
  noteId: noteIdSchema.nullable(),
  clientId: clientIdSchema,
  clientName: z.string(),
  templateName: z.string().nullable(),
  date: z.string(),
  /** Text with the matches between \u0002 and \u0003 markers (never HTML). */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Marks a match inside a snippet; the renderer turns them into <mark> elements safely. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

/** Changes sent by autosave: only the fields that changed, keyed by field id. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

export const noteChangesSchema = z
  .unknown()
  // zod's record quietly drops a "__proto__" key: refuse it (and its friends) instead.
  .superRefine((value, context) => {
    if (typeof value !== 'object' || value === null) return;
    for (const key of FORBIDDEN_KEYS) {
      if (Object.hasOwn(value, key)) context.addIssue({ code: 'custom', path: [key], message: 'Not a field id.' });
    }
  })
  .pipe(
    z
      .record(
        // Field ids only (as templateSchema allows them): "__proto__" and friends never pass.
        z.string().regex(/^[a-z][a-zA-Z0-9_-]{0,63}$/, 'Not a field id.'),
        z.unknown(),
      )
      .refine((changes) => Object.keys(changes).length >= 1, 'Nothing to save.')
      .refine((changes) => Object.keys(changes).length <= 200, 'Too many fields in one save.'),
  );
