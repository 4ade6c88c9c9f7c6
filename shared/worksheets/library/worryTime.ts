import type { WorksheetDef } from '../types';

/**
 * Worry time (worry postponement): a fixed slot, place and length, and how to use it.
 * The reference (cbt-practice.md §7g) marks this as unconfirmed common practice, and
 * the source line says so.
 */
export const worryTime: WorksheetDef = {
  id: 'worry-time',
  version: 1,
  title: 'Worry time',
  purpose: 'Setting a daily worry time (when, where, how long) and the steps for postponing worries to it.',
  instructions:
    'Worry time is a short, set time each day for your worries. The rest of the day, when a worry comes, you put it off until then. It takes practice, so be patient with yourself.',
  orientation: 'portrait',
  blocks: [
    {
      kind: 'fields',
      id: 'slot',
      heading: 'My worry time',
      fields: [
        { label: 'When (the same time each day, not just before bed)' },
        { label: 'Where' },
        { label: 'How long (for example, 15 to 20 minutes)' },
      ],
    },
    {
      kind: 'steps',
      id: 'how',
      heading: 'How to use it',
      steps: [
        {
          title: 'Notice and write it down',
          prompt: 'When a worry shows up during the day, note it in a few words. Your worry log works well for this.',
          lines: 0,
        },
        {
          title: 'Put it off',
          prompt:
            'Tell yourself: "I will think about this at my worry time." Then bring your attention back to what you were doing.',
          lines: 0,
        },
        {
          title: 'Keep your appointment',
          prompt: 'At your worry time, go to your worry place and read through what you wrote.',
          lines: 0,
        },
        {
          title: 'Sort each worry',
          prompt:
            'Can you do something about it? Then plan one small step. If it is a "what if" you cannot act on, notice it and let it be.',
          lines: 0,
        },
        {
          title: 'Stop on time',
          prompt: 'When the time is up, stop. Anything left can wait until tomorrow’s worry time.',
          lines: 0,
        },
        {
          title: 'Look back',
          prompt: 'Some worries feel smaller by the time worry time comes. Which ones did? Write them here.',
          lines: 4,
        },
      ],
    },
  ],
  source:
    'Common practice in CBT for worry (worry postponement to a set daily worry time); steps in Sessionkeep’s own words, not checked against a specific published form.',
  builtIn: true,
};
