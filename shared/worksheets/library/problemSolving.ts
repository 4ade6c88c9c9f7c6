import type { WorksheetDef } from '../types';

/**
 * Structured problem solving in the style of D'Zurilla and Nezu's problem-solving
 * therapy. The reference (cbt-practice.md §7e) marks this step list as unconfirmed:
 * it is common clinical practice, not checked against a published form, and the
 * source line says so rather than citing a form we have not seen.
 */
export const problemSolving: WorksheetDef = {
  id: 'problem-solving',
  version: 1,
  title: 'Problem solving',
  purpose: 'Seven steps from defining a problem to trying a solution and reviewing it.',
  instructions:
    'Pick one problem to work on. Go through the steps in order, and take your time with each one. It is fine to come back to a step later.',
  orientation: 'portrait',
  blocks: [
    {
      kind: 'steps',
      id: 'steps',
      steps: [
        {
          title: 'Describe the problem',
          prompt: 'Be specific. What is happening, when, where, and who is involved? Stick to the facts.',
          lines: 3,
        },
        {
          title: 'Set a goal',
          prompt: 'What would you like to be different? Make it realistic, and something you could check.',
          lines: 2,
        },
        {
          title: 'List possible solutions',
          prompt: 'Write down every idea you can think of, even ones that seem unlikely. Do not judge them yet.',
          lines: 4,
        },
        {
          title: 'Weigh up the pros and cons',
          prompt: 'For your best few ideas, what is good about each one, and what is hard about it?',
          lines: 5,
        },
        {
          title: 'Choose a solution',
          prompt: 'Pick the idea, or mix of ideas, that fits your goal best and that you can really do.',
          lines: 2,
        },
        {
          title: 'Make an action plan',
          prompt:
            'What are the steps? When will you do each one? What might get in the way, and what will you do then?',
          lines: 4,
        },
        {
          title: 'Do it, then review',
          prompt:
            'How did it go? Did it bring you closer to your goal? If not, go back to your list and try another idea.',
          lines: 3,
        },
      ],
    },
  ],
  source:
    'Common practice: problem-solving steps in the style of D’Zurilla and Nezu’s problem-solving therapy, in Sessionkeep’s own words; not taken from a specific published form.',
  builtIn: true,
};
