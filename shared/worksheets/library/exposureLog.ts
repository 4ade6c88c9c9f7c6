import type { WorksheetDef } from '../types';

/**
 * A log of exposure practice (reference cbt-practice.md §7d, per-exposure log):
 * date, situation, duration, SUDS before, at the peak and after, safety behaviours
 * dropped, and the outcome set against the prediction.
 */
export const exposureLog: WorksheetDef = {
  id: 'exposure-log',
  version: 1,
  title: 'Exposure practice log',
  purpose:
    'One row per exposure practice: situation, how long, SUDS before / peak / after, safety behaviours dropped, prediction versus what happened.',
  instructions:
    'Before each practice, write what you fear will happen. Rate your distress (0–100) before you start, at its highest, and at the end. Try to stay until your distress has come down, and drop the things you usually do to feel safe. Afterwards, write what really happened.',
  orientation: 'landscape',
  blocks: [
    {
      kind: 'table',
      id: 'log',
      columns: [
        { id: 'date', heading: 'Date and time' },
        { id: 'situation', heading: 'Situation', hint: 'What and where', width: 2 },
        { id: 'duration', heading: 'How long' },
        { id: 'sudsBefore', heading: 'SUDS before', hint: '0–100' },
        { id: 'sudsPeak', heading: 'SUDS peak', hint: '0–100' },
        { id: 'sudsAfter', heading: 'SUDS after', hint: '0–100' },
        {
          id: 'safetyBehaviours',
          heading: 'Safety behaviours dropped',
          hint: 'And any you still used',
          width: 1.75,
        },
        { id: 'prediction', heading: 'What I predicted', width: 1.75 },
        { id: 'outcome', heading: 'What happened', width: 1.75 },
      ],
      rows: 4,
      rowHeight: 'large',
    },
  ],
  source:
    'Exposure practice log (date, duration, distress before, at its peak and after, safety behaviours, outcome against the prediction), a common CBT worksheet; layout and wording Sessionkeep’s own.',
  builtIn: true,
};
