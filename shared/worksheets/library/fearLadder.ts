import type { WorksheetDef } from '../types';

const STEPS = 12;

/**
 * An exposure hierarchy (fear ladder) for one theme, 10–15 situations rated with
 * SUDS 0–100 and written from least to most distressing (reference cbt-practice.md
 * §7d, [P-exp1][P-exp2][P-exp3][P-exp4]).
 */
export const fearLadder: WorksheetDef = {
  id: 'fear-ladder',
  version: 1,
  title: 'Fear ladder',
  purpose:
    'An exposure hierarchy for one fear theme: twelve situations rated 0–100 (SUDS), from least to most distressing.',
  instructions:
    'Choose one fear to work on. List situations linked to it, from a little uneasy to very hard, and rate each from 0 to 100 using the scale. Write them in order, least distressing first. You will usually start with a step rated about 30 to 40.',
  orientation: 'portrait',
  blocks: [
    { kind: 'fields', id: 'theme', fields: [{ label: 'My fear theme' }] },
    {
      kind: 'scale',
      id: 'suds',
      label: 'Distress (SUDS: subjective units of distress)',
      min: 0,
      max: 100,
      step: 10,
      anchors: [
        { value: 0, label: 'Calm' },
        { value: 50, label: 'Hard, but I can manage' },
        { value: 100, label: 'The worst I can imagine' },
      ],
    },
    {
      kind: 'table',
      id: 'ladder',
      rowHeading: 'Step',
      columns: [
        { id: 'situation', heading: 'Situation', hint: 'What, where, with whom, for how long', width: 5 },
        { id: 'suds', heading: 'SUDS 0–100', width: 1.4 },
      ],
      // Least to most distressing, top to bottom: the client starts at step 1.
      rows: Array.from({ length: STEPS }, (_, index) => {
        const step = index + 1;
        if (step === 1) return '1 (least)';
        if (step === STEPS) return `${step} (most)`;
        return String(step);
      }),
      rowHeight: 'medium',
    },
  ],
  source:
    'Exposure hierarchy with distress (SUDS) rated 0–100, ordered from least to most distressing, a common CBT worksheet; layout and wording Sessionkeep’s own.',
  builtIn: true,
};
