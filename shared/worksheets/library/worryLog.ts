import type { WorksheetDef } from '../types';

/**
 * A worry log. The reference (cbt-practice.md §7g) marks these fields as unconfirmed:
 * they are common in CBT for worry, not checked against one published form, and the
 * source line says so.
 */
export const worryLog: WorksheetDef = {
  id: 'worry-log',
  version: 1,
  title: 'Worry log',
  purpose:
    'One row per worry: when, trigger, the worry, anxiety 0–100, practical or hypothetical, postponed to worry time, what happened.',
  instructions:
    'When you notice you are worrying, jot it down here. A few words is enough. Later, come back and write what actually happened.',
  orientation: 'landscape',
  blocks: [
    {
      kind: 'text',
      id: 'types',
      heading: 'Two kinds of worry',
      body: 'Practical (P): a problem you can do something about now. Hypothetical (H): a "what if" about something that has not happened and that you cannot act on today.',
    },
    {
      kind: 'table',
      id: 'log',
      columns: [
        { id: 'when', heading: 'Date and time' },
        { id: 'trigger', heading: 'What set it off?', hint: 'Where were you? What were you doing?', width: 1.75 },
        { id: 'worry', heading: 'The worry', hint: 'What were you afraid might happen?', width: 2 },
        { id: 'anxiety', heading: 'Anxiety', hint: '0–100' },
        { id: 'kind', heading: 'Practical or hypothetical?', hint: 'P or H', width: 1.5 },
        { id: 'postponed', heading: 'Saved for worry time?', hint: 'Yes or no' },
        { id: 'outcome', heading: 'What happened?', hint: 'Did what you feared happen?', width: 2 },
      ],
      rows: 9,
      rowHeight: 'large',
    },
  ],
  source:
    'Common practice in CBT for worry (worry log with practical and hypothetical worries, and worry postponement); field list not checked against a specific published form.',
  builtIn: true,
};
