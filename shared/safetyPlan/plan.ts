import { z } from 'zod';
import { clientIdSchema } from '../clients/client';
import { noteIdSchema } from '../notes/note';

/**
 * A client's safety plan (Stanley & Brown's Safety Planning Intervention): six steps
 * filled in together in the session, plus the client's reasons for living. Each step is
 * a short list in the client's words. Every save is a new dated version; none is ever
 * changed, so the record shows how the plan grew.
 */

export const SAFETY_PLAN_STEPS = [
  {
    id: 'warningSigns',
    title: 'Warning signs',
    hint: 'Thoughts, images, moods or situations that come before a crisis.',
  },
  { id: 'copingStrategies', title: 'Internal coping strategies', hint: 'Things to take the mind off problems, alone.' },
  {
    id: 'distractions',
    title: 'People and social settings that provide distraction',
    hint: 'People to be with and places to go.',
  },
  { id: 'helpers', title: 'People to ask for help', hint: 'Names and how to reach them.' },
  {
    id: 'professionals',
    title: 'Professionals or agencies to contact in a crisis',
    hint: 'The therapist, crisis lines and services, with how to reach them.',
  },
  { id: 'safeEnvironment', title: 'Making the environment safe', hint: 'Means to remove or keep away, and how.' },
] as const;

export type SafetyPlanStepId = (typeof SAFETY_PLAN_STEPS)[number]['id'];

/** The one thing worth living for, kept with the plan (optional). */
export const REASONS_FOR_LIVING = { id: 'reasonsForLiving', title: 'Reasons for living' } as const;

export const SAFETY_PLAN_ITEM_MAX = 300;
export const SAFETY_PLAN_ITEMS_MAX = 12;

const itemSchema = z
  .string({ error: 'Each line of the safety plan must be text.' })
  .trim()
  .min(1, { error: 'An empty line cannot be kept in the safety plan.' })
  .max(SAFETY_PLAN_ITEM_MAX, {
    error: `Each line of the safety plan can be up to ${SAFETY_PLAN_ITEM_MAX} characters.`,
  });
const itemsSchema = z
  .array(itemSchema)
  .max(SAFETY_PLAN_ITEMS_MAX, { error: `Each step of the safety plan can hold up to ${SAFETY_PLAN_ITEMS_MAX} lines.` });

export const safetyPlanStepsSchema = z.strictObject({
  warningSigns: itemsSchema,
  copingStrategies: itemsSchema,
  distractions: itemsSchema,
  helpers: itemsSchema,
  professionals: itemsSchema,
  safeEnvironment: itemsSchema,
  reasonsForLiving: itemsSchema,
});
export type SafetyPlanSteps = z.infer<typeof safetyPlanStepsSchema>;

export const emptySafetyPlanSteps = (): SafetyPlanSteps => ({
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpers: [],
  professionals: [],
  safeEnvironment: [],
  reasonsForLiving: [],
});

/** Whether anything at all is written: an empty plan is not saved. */
export const hasAnyStep = (steps: SafetyPlanSteps): boolean => Object.values(steps).some((items) => items.length > 0);

export const safetyPlanIdSchema = z.uuid({ error: 'A safety plan id must be a UUID.' });

export const safetyPlanVersionSchema = z.strictObject({
  id: safetyPlanIdSchema,
  clientId: clientIdSchema,
  /** 1 for the first plan, then one more with each save. */
  version: z.number().int().min(1),
  steps: safetyPlanStepsSchema,
  /** The draft note it was filled in or revised in, if any. */
  noteId: noteIdSchema.nullable(),
  createdAt: z.string().max(64),
});
export type SafetyPlanVersion = z.infer<typeof safetyPlanVersionSchema>;

/** A version as the list of earlier ones shows it. */
export const safetyPlanVersionRefSchema = safetyPlanVersionSchema.pick({
  id: true,
  version: true,
  noteId: true,
  createdAt: true,
});
export type SafetyPlanVersionRef = z.infer<typeof safetyPlanVersionRefSchema>;

export const safetyPlanSaveSchema = z.strictObject({
  clientId: clientIdSchema,
  steps: safetyPlanStepsSchema,
  noteId: noteIdSchema.nullable().default(null),
});
export type SafetyPlanSave = z.input<typeof safetyPlanSaveSchema>;

/**
 * The versions saved in one note, oldest first: what that note says was made or revised
 * in it (the signed note, its printout). Read from the client's list, which already names
 * each version's note, so no second way of asking is needed.
 */
export const versionsMadeIn = <V extends Pick<SafetyPlanVersionRef, 'noteId' | 'version'>>(
  versions: readonly V[],
  noteId: string,
): V[] => versions.filter((each) => each.noteId === noteId).sort((a, b) => a.version - b.version);
