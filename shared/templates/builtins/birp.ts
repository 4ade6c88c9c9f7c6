import type { TemplateDef } from '../types';
import { formatPlanSection, headerSection, interventionsField, richText } from './sections';

/** BIRP: Behaviour, Intervention, Response, Plan (reference cbt-practice.md §6, [P-birp1]–[P-birp3]). */
export function birpTemplate(): TemplateDef {
  return {
    id: 'birp',
    name: 'BIRP note',
    version: 1,
    noteKind: 'progress',
    builtIn: true,
    description:
      'Behaviour, Intervention, Response, Plan: common in community mental health and substance-use programmes, and suited to structured CBT.',
    source: [
      'therapistassist.app, How to write a BIRP note (https://therapistassist.app/learn/how-to/how-to-write-a-birp-note);',
      'patientnotes.ai, BIRP notes (https://patientnotes.ai/resources/birp-notes);',
      'therapyscribe.ai, BIRP notes guide (https://www.therapyscribe.ai/blog/birp-notes-guide).',
    ].join(' '),
    sections: [
      headerSection(),
      {
        id: 'behaviour',
        title: 'Behaviour',
        help: 'How the client presented and what they reported since the last contact.',
        fields: [
          richText(
            'behaviour',
            'Behaviour',
            'Reported symptoms, observed affect, mental status, behaviour since last contact, quotes…',
          ),
        ],
      },
      {
        id: 'intervention',
        title: 'Intervention',
        help: 'What you did, named by modality and specific skill.',
        fields: [
          interventionsField(),
          richText('intervention', 'Intervention details', 'Which skill, how it was taught or practised…'),
        ],
      },
      {
        id: 'response',
        title: 'Response',
        help: "The client's response within the session.",
        fields: [
          richText(
            'response',
            'Response',
            'Engagement, insight, skill uptake, change in mood or distress, progress toward goals…',
          ),
        ],
      },
      formatPlanSection('Next session, homework, care coordination, safety follow-up and referrals.'),
    ],
  };
}
