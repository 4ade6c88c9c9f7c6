import type { TemplateDef } from '../types';
import { formatPlanSection, headerSection, interventionsField, richText } from './sections';

/**
 * GIRP: Goal, Intervention, Response, Plan (reference cbt-practice.md §6). Only the
 * expansion and the goal-tracking focus are confirmed by the sources [P-girp1][P-girp2];
 * what goes in each section follows common practice (Intervention, Response and Plan as
 * in BIRP), and the description says so.
 */
export function girpTemplate(): TemplateDef {
  return {
    id: 'girp',
    name: 'GIRP note',
    version: 1,
    noteKind: 'progress',
    builtIn: true,
    description:
      'Goal, Intervention, Response, Plan: for sessions that track a treatment-plan goal. The sources confirm the four headings and the focus on goals; what goes under each heading follows common practice (Intervention, Response and Plan as in a BIRP note).',
    source: [
      'Operant Billing, PIRP vs GIRP vs BIRP notes (https://operantbilling.com/whats-the-difference-between-pirp-vs-girp-vs-birp-notes/);',
      'ICANotes blog, syndicated by Healthcare Quality Digest (http://www.healthcarequalitydigest.com/edition/monthly-healthcare-telemedicine-2021-07/?open-article-id=20001579).',
      'Section contents: common practice, not confirmed by these sources.',
    ].join(' '),
    sections: [
      headerSection(),
      {
        id: 'goal',
        title: 'Goal',
        help: 'The treatment-plan goal or objective this session addressed (section contents follow common practice).',
        fields: [richText('goal', 'Goal', "The goal or objective worked on, in the client's words where possible…")],
      },
      {
        id: 'intervention',
        title: 'Intervention',
        help: 'What you did toward the goal, named by modality and specific skill.',
        fields: [
          interventionsField(),
          richText('intervention', 'Intervention details', 'Which skill, how it was taught or practised…'),
        ],
      },
      {
        id: 'response',
        title: 'Response',
        help: "The client's response within the session.",
        fields: [richText('response', 'Response', 'Engagement, insight, skill uptake, progress toward the goal…')],
      },
      formatPlanSection('Next session, homework, care coordination, safety follow-up and referrals.'),
    ],
  };
}
