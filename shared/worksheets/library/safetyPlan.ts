import type { WorksheetDef } from '../types';

/**
 * A safety plan following the six steps of the Stanley–Brown Safety Planning
 * Intervention (reference cbt-practice.md §7h, [P-sp1][P-sp2][P-sp3]), written in
 * Sessionkeep's own words, plus "the one thing most important to me".
 *
 * No phone number is written into this definition: crisis lines differ by country and
 * change, so each contact row is marked with the Settings field it is printed from
 * (`prefilledFrom`, see ../contacts.ts) and is otherwise left blank to fill in by hand.
 * Version 2 (issue 12): each row has its own source; version 1 filled the rows from the
 * crisis lines in order, so one line printed as the after-hours line.
 */
export const safetyPlan: WorksheetDef = {
  id: 'safety-plan',
  version: 2,
  title: 'My safety plan',
  purpose:
    'The six Stanley–Brown safety-planning steps, the one thing most important to the client, and crisis contacts (filled in, never hard-coded).',
  instructions:
    'Fill this in with your therapist, in your own words. Keep it somewhere you can find it quickly, like your phone or wallet. When things get hard, start at step 1 and keep going until you feel safer. If you are in danger right now, call your local emergency number.',
  orientation: 'portrait',
  blocks: [
    {
      kind: 'steps',
      id: 'important',
      steps: [{ title: 'The one thing that is most important to me', lines: 2 }],
    },
    {
      kind: 'steps',
      id: 'steps',
      heading: 'My steps',
      steps: [
        {
          title: 'My warning signs',
          prompt:
            'What thoughts, pictures, moods or actions tell you a crisis may be starting? How will you know it is time to use this plan?',
          lines: 3,
        },
        {
          title: 'Things I can do on my own to cope',
          prompt:
            'Things you can do by yourself, without contacting anyone, to take your mind off things or feel a little calmer.',
          lines: 3,
        },
        {
          title: 'People and places that help me take my mind off things',
          prompt:
            'People to be with and places to go that give you a break. You do not have to talk about how you feel.',
          lines: 3,
        },
        {
          title: 'People I can ask for help',
          prompt: 'Names and phone numbers of people you trust, and when each one is usually free.',
          lines: 3,
        },
        {
          title: 'Professionals and services I can contact',
          prompt:
            'Your therapist, an after-hours line, a crisis line and the nearest emergency department. Write them in the contacts below.',
          lines: 1,
        },
        {
          title: 'Making my surroundings safer',
          prompt:
            'What can you remove, lock away or give to someone you trust to keep, to stay safe while you feel this way?',
          lines: 3,
        },
      ],
    },
    {
      kind: 'fields',
      id: 'contacts',
      heading: 'Contacts',
      fields: [
        { label: 'My therapist (name and phone)', prefilledFrom: 'therapist' },
        { label: 'After-hours or on-call line', prefilledFrom: 'afterHoursLine' },
        { label: 'Crisis line (call or text)', prefilledFrom: 'crisisLines' },
        { label: 'Emergency number', prefilledFrom: 'emergencyNumber' },
        { label: 'Nearest emergency department or urgent care (address)', prefilledFrom: 'emergencyDepartment' },
      ],
    },
  ],
  source:
    'Stanley, B., & Brown, G. K. (2012). Safety Planning Intervention: a brief intervention to mitigate suicide risk. Cognitive and Behavioral Practice, 19(2), 256–264. Steps in Sessionkeep’s own words.',
  builtIn: true,
};
