import type { TemplateDef } from '../types';
import { richText } from './sections';

/**
 * A psychotherapy (process) note in the HIPAA sense: the therapist's analysis of the
 * session's conversation, kept apart from the clinical record (45 CFR § 164.501, as
 * summarised by TherapyNotes [S10]; reference cbt-practice.md §6). It deliberately has no
 * header: start and stop times and modality are among what the definition excludes.
 */
export function psychotherapyNoteTemplate(): TemplateDef {
  return {
    id: 'psychotherapy-note',
    name: 'Psychotherapy note',
    version: 1,
    noteKind: 'psychotherapy',
    builtIn: true,
    description:
      'Private process notes: your analysis of what was said in the session, kept apart from the client record and left out of printouts unless you choose them. Do not put here medication, session start and stop times, modalities or frequency of treatment, test results, or any summary of diagnosis, functional status, treatment plan, symptoms, prognosis or progress: those belong in the progress note.',
    source:
      'HIPAA definition of psychotherapy notes, 45 CFR § 164.501; TherapyNotes, How to complete a process note (https://support.therapynotes.com/article/241-how-to-complete-a-process-note).',
    sections: [
      {
        id: 'processNote',
        title: 'Psychotherapy note',
        help: 'Kept apart from the record. Leave out medication, times, modality, test results and summaries of diagnosis, symptoms, plan or progress.',
        fields: [
          richText('processNote', 'Process note', 'Your impressions, hypotheses and reflections on the conversation…'),
        ],
      },
    ],
  };
}
