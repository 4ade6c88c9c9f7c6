import {
  latestPositiveItem9,
  riskSectionOf,
  riskSummaryLine,
  sectionIsEmpty,
} from '../../../shared/notes/riskAtSigning';
import type { RiskSummary } from '../../../shared/notes/riskSummary';
import type { VaultDb } from '../db/database';
import { listAdministrations } from '../measures/measureService';
import { latestSafetyPlanDate } from '../safetyPlan/safetyPlanService';
import { progressNotesNewestFirst } from './noteRepository';

/**
 * The client page's risk flag (issue 12 item 4): the latest PHQ-9 with item 9 above 0,
 * the latest progress note whose Risk section records something, and the latest safety
 * plan. Read only; a damaged note or measure is skipped (Data health lists it).
 */
const safetyPlanOf = (date: string | null): RiskSummary['safetyPlan'] => (date === null ? null : { date });

export function riskSummary(db: VaultDb, clientId: string): RiskSummary {
  // listAdministrations checks the client exists (NOT_FOUND otherwise).
  const item9 = latestPositiveItem9(listAdministrations(db, clientId));
  let assessment: RiskSummary['assessment'] = null;
  for (const note of progressNotesNewestFirst(db, clientId)) {
    const section = riskSectionOf(note.template);
    if (!section || sectionIsEmpty(section, note.values)) continue;
    const sessionAt = note.values.sessionAt;
    assessment = {
      noteId: note.id,
      at: typeof sessionAt === 'string' && sessionAt.trim() ? sessionAt.slice(0, 64) : note.createdAt,
      status: note.status,
      templateName: note.templateName.slice(0, 200),
      summary: riskSummaryLine(section, note.values),
    };
    break;
  }
  return {
    item9: item9 && { givenOn: item9.givenOn, score: item9.score, total: item9.of.total, noteId: item9.of.noteId },
    assessment,
    safetyPlan: safetyPlanOf(latestSafetyPlanDate(db, clientId)),
  };
}
