import type { WorksheetDef } from '../types';

/**
 * The simple three-column record (situation, thought, feeling), often a first step
 * before the seven-column record (reference cbt-practice.md §7a, [P-tr4]).
 */
export const thoughtRecord3: WorksheetDef = {
  id: 'thought-record-3',
  version: 1,
  title: 'Situation, thought, feeling',
  purpose: 'A simple three-column thought record to start noticing the link between situations, thoughts and feelings.',
  instructions:
    'When you notice your mood change, write down what was happening, what went through your mind, and what you felt. A few words in each column is enough.',
  orientation: 'portrait',
  blocks: [
    {
      kind: 'table',
      id: 'record',
      columns: [
        { id: 'situation', heading: 'Situation', hint: 'What happened? Where were you? Who were you with?' },
        { id: 'thought', heading: 'Thought', hint: 'What went through your mind?' },
        { id: 'feeling', heading: 'Feeling', hint: 'What did you feel? How strong was it, 0–100%?' },
      ],
      rows: 7,
      rowHeight: 'large',
    },
  ],
  source:
    'Three-column thought record (situation, thought, feeling), a common first step before the seven-column record of Greenberger and Padesky’s Mind Over Mood (1995); wording Sessionkeep’s own.',
  builtIn: true,
};
