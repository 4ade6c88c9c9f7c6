import { builtInDistortions, source as burnsSource } from '../../templates/distortions';
import type { WorksheetDef } from '../types';

/**
 * The ten thinking traps from Burns' Feeling Good (reference cbt-practice.md §7b),
 * built from the same list the note templates tag thought records with, so the sheet
 * and the notes never drift apart. Descriptions are Sessionkeep's own words.
 */
export const distortionsReference: WorksheetDef = {
  id: 'distortions-reference',
  version: 1,
  title: 'Common thinking traps',
  purpose: 'A one-page reference of the ten cognitive distortions (Burns), in plain words.',
  instructions:
    'Everyone falls into these thinking traps sometimes. When a thought upsets you, see whether it fits one of them. A thought can fit more than one. Naming the trap can make it easier to step back and look at the thought again.',
  orientation: 'portrait',
  blocks: [
    {
      kind: 'reference',
      id: 'distortions',
      items: builtInDistortions.map((distortion) => ({ term: distortion.label, description: distortion.description })),
    },
  ],
  source: `${burnsSource} Descriptions in Sessionkeep’s own words.`,
  builtIn: true,
};
