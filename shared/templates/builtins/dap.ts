import type { TemplateDef } from '../types';
import { formatPlanSection, headerSection, richText } from './sections';

/** DAP: Data, Assessment, Plan (reference cbt-practice.md §6, [P-dap1][P-soap2]). */
export function dapTemplate(): TemplateDef {
  return {
    id: 'dap',
    name: 'DAP note',
    version: 1,
    noteKind: 'progress',
    builtIn: true,
    description:
      'Data, Assessment, Plan: a brief format common in private-practice psychotherapy, with what the client said and what you observed together under Data.',
    source: [
      'aftersession.ai, BIRP vs DAP notes (https://aftersession.ai/birp-vs-dap-notes-therapy);',
      'Tava Health therapist support (https://therapist-support.tavahealth.com/hc/en-us/articles/20324441113876).',
    ].join(' '),
    sections: [
      headerSection(),
      {
        id: 'data',
        title: 'Data',
        help: 'What the client said and what you observed.',
        fields: [
          richText('data', 'Data', 'Stated concerns, affect, behaviour, notable changes, scores on measures…'),
          { id: 'measures', label: 'Measures', kind: 'slot', slot: 'measures' },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        help: 'Your reading of the data against the treatment goals.',
        fields: [richText('assessment', 'Assessment', 'Progress or setbacks toward goals, and your reasoning…')],
      },
      formatPlanSection('Interventions to continue or introduce, assignments, referrals and the next session.'),
    ],
  };
}
