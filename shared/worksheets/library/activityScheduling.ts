import type { WorksheetDef } from '../types';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PARTS = ['morning', 'afternoon', 'evening'];

/**
 * A weekly activity plan for behavioural activation (reference cbt-practice.md §7c,
 * [P-ba1][P-ba2][P-ba3]): each day in three blocks, the planned activity, mood
 * predicted before and rated after, mastery and pleasure; then a short review.
 */
export const activityScheduling: WorksheetDef = {
  id: 'activity-scheduling',
  version: 1,
  title: 'Activity plan for the week',
  purpose:
    'A weekly plan: an activity for each morning, afternoon and evening, predicted and actual mood 0–10, mastery and pleasure, and a review.',
  instructions:
    'Plan one activity for each part of the day: what, when and where. Before you start, guess how your mood will be (0–10). Afterwards, write your actual mood and rate mastery and pleasure (0–10). Small steps count.',
  orientation: 'landscape',
  blocks: [
    {
      kind: 'text',
      id: 'ratings',
      heading: 'What the numbers mean',
      body: 'Mood: from 0 (the worst) to 10 (the best). Mastery: how much you achieved or coped, from 0 to 10. Pleasure: how much you enjoyed it, from 0 to 10.',
    },
    {
      kind: 'table',
      id: 'plan',
      rowHeading: 'Day',
      columns: [
        { id: 'activity', heading: 'Planned activity', hint: 'What, when and where', width: 3.5 },
        { id: 'predictedMood', heading: 'Predicted mood 0–10', hint: 'Before', width: 1.4 },
        { id: 'actualMood', heading: 'Actual mood 0–10', hint: 'After', width: 1.4 },
        { id: 'mastery', heading: 'Mastery 0–10', hint: 'After', width: 1.4 },
        { id: 'pleasure', heading: 'Pleasure 0–10', hint: 'After', width: 1.4 },
      ],
      rows: DAYS.flatMap((day) => PARTS.map((part) => `${day} ${part}`)),
      rowHeight: 'medium',
    },
    {
      kind: 'steps',
      id: 'review',
      heading: 'Looking back on the week',
      steps: [
        {
          title: 'Predicted and actual mood',
          prompt: 'Where was your actual mood different from what you guessed?',
          lines: 2,
        },
        { title: 'What helped', prompt: 'Which activities lifted your mood or gave you a sense of mastery?', lines: 2 },
        { title: 'Next week', prompt: 'What will you keep, and what will you try next?', lines: 2 },
      ],
    },
  ],
  source:
    'Behavioural activation weekly schedule with predicted and actual mood, mastery and pleasure rated 0–10, a common CBT worksheet; layout and wording Sessionkeep’s own.',
  builtIn: true,
};
