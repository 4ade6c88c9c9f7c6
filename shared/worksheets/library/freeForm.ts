import type { WorksheetDef } from '../types';

/**
 * Free-form homework: the assignment's own title and the therapist's instructions
 * (printed in the header above), then room to write.
 */
export const freeForm: WorksheetDef = {
  id: 'free-form',
  version: 1,
  title: 'Homework',
  purpose: 'Any homework in your own words: the assignment title and your instructions, then a lined page.',
  instructions: '',
  orientation: 'portrait',
  blocks: [
    { kind: 'text', id: 'see-above', body: 'Your therapist’s instructions are above.' },
    { kind: 'steps', id: 'notes', steps: [{ title: 'Your notes', lines: 16 }] },
  ],
  source: 'Free-form homework written by your therapist.',
  builtIn: true,
};
