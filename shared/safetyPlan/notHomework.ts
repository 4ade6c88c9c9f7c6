/**
 * A safety plan is a clinical document filled in together in the session and kept in
 * the client's record (Stanley & Brown), not homework the client does between sessions:
 * it is never assigned, and one assigned before this rule is never counted in adherence.
 */

/** The built-in safety-plan worksheet (shared/worksheets/library/safetyPlan.ts). */
export const SAFETY_PLAN_WORKSHEET_ID = 'safety-plan';

/** Why the core refuses to assign it, in the therapist's words. */
export const SAFETY_PLAN_NOT_HOMEWORK =
  'A safety plan is not homework: it is filled in with the client in the session and kept in their record, under Safety plan on the client’s page.';

/** Whether homework on this worksheet can be assigned and counts towards completion. */
export function isHomeworkWorksheet(worksheetId: string): boolean {
  return worksheetId !== SAFETY_PLAN_WORKSHEET_ID;
}
