import type { WorksheetDef } from '../types';

/**
 * The seven-column thought record of Greenberger & Padesky's Mind Over Mood
 * (reference cbt-practice.md §7a, [P-tr1][P-tr2][P-tr3]). Column order and meaning
 * follow the book; the prompts are Sessionkeep's own words, not the book's text.
 */
export const thoughtRecord7: WorksheetDef = {
  id: 'thought-record-7',
  version: 1,
  title: 'Thought record',
  purpose:
    'The seven-column record: situation, moods, automatic thoughts, evidence for and against the hot thought, a balanced thought, moods re-rated.',
  instructions:
    'Use this when your mood changes and you want to look at the thought behind it. Fill in the columns from left to right. Write facts in the evidence columns, not guesses. There is no right answer: the aim is to see the situation more fully.',
  orientation: 'landscape',
  blocks: [
    {
      kind: 'table',
      id: 'record',
      columns: [
        { id: 'situation', heading: 'Situation', hint: 'Who, what, when, where?' },
        { id: 'moods', heading: 'Moods', hint: 'One word each. How strong, 0–100%?' },
        {
          id: 'automaticThoughts',
          heading: 'Automatic thoughts (images)',
          hint: 'What went through your mind? Circle the one that hit hardest: the hot thought.',
          width: 1.5,
        },
        {
          id: 'evidenceFor',
          heading: 'Evidence that supports the hot thought',
          hint: 'Facts only, not guesses.',
          width: 1.25,
        },
        {
          id: 'evidenceAgainst',
          heading: 'Evidence that does not support the hot thought',
          hint: 'Facts that do not fit it, however small.',
          width: 1.25,
        },
        {
          id: 'balancedThought',
          heading: 'Alternative or balanced thought',
          hint: 'A fairer view, using all the evidence. How much do you believe it, 0–100%?',
          width: 1.5,
        },
        { id: 'rateMoodsNow', heading: 'Rate moods now', hint: 'Rate the moods again, 0–100%.' },
      ],
      rows: 3,
      rowHeight: 'large',
    },
  ],
  source:
    'Greenberger, D., & Padesky, C. A. (1995). Mind Over Mood. New York: Guilford Press. Seven-column thought record; prompts in Sessionkeep’s own words.',
  builtIn: true,
};
