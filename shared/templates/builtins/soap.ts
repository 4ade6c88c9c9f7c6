import type { TemplateDef } from '../types';
import { formatPlanSection, headerSection, richText } from './sections';

/** SOAP: Subjective, Objective, Assessment, Plan (reference cbt-practice.md §6, [S9][P-soap1][P-soap2]). */
export function soapTemplate(): TemplateDef {
  return {
    id: 'soap',
    name: 'SOAP note',
    version: 1,
    noteKind: 'progress',
    builtIn: true,
    description:
      'Subjective, Objective, Assessment, Plan: the format most medical and multidisciplinary settings and insurers expect.',
    source: [
      'TherapyNotes, Pre-Built Progress Note Templates (https://support.therapynotes.com/hc/en-us/articles/43398307092891-Pre-Built-Progress-Note-Templates);',
      'psychology.com progress note template (https://psychology.com/tools/progress-note-template);',
      'Tava Health therapist support (https://therapist-support.tavahealth.com/hc/en-us/articles/20324441113876).',
    ].join(' '),
    sections: [
      headerSection(),
      {
        id: 'subjective',
        title: 'Subjective',
        help: "The client's report in their own words.",
        fields: [
          richText(
            'subjective',
            'Subjective',
            'Symptoms, concerns and changes since last session as the client describes them; quotes…',
          ),
        ],
      },
      {
        id: 'objective',
        title: 'Objective',
        help: 'What you observed and measured.',
        fields: [
          richText('objective', 'Objective', 'Appearance, affect, behaviour, mental status, scores on measures…'),
          { id: 'measures', label: 'Measures', kind: 'slot', slot: 'measures' },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        help: 'Your clinical impression.',
        fields: [
          richText(
            'assessment',
            'Assessment',
            'Clinical impression, progress toward goals, diagnosis, risk, engagement…',
          ),
        ],
      },
      formatPlanSection('Next steps: interventions, goals, homework, follow-up and frequency.'),
    ],
  };
}
