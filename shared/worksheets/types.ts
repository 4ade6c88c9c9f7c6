/**
 * A worksheet is a versioned, printable definition: what the client sees on paper.
 * The layout is a list of blocks drawn top to bottom; wide grids print landscape.
 * Worksheets are client-facing: plain words, no clinical jargon, nothing about the
 * client beyond what the therapist writes into the assignment.
 */

export type WorksheetColumn = {
  id: string;
  heading: string;
  /** A short prompt under the heading ("Who? What? When? Where?"). */
  hint?: string;
  /** Relative width (1 = normal); wide text columns get 2 or 3. */
  width?: number;
};

/**
 * Which of the therapist's safety-plan contacts in Settings a field is printed with
 * (see contacts.ts); each fills only the field marked with it.
 */
export const contactSources = [
  'therapist',
  'afterHoursLine',
  'crisisLines',
  'emergencyNumber',
  'emergencyDepartment',
] as const;
export type ContactSource = (typeof contactSources)[number];

export type WorksheetBlock =
  /** A paragraph printed as is (e.g. an explanation, a reference list). */
  | { kind: 'text'; id: string; heading?: string; body: string }
  /** A definition list printed as is (e.g. the ten distortions with their descriptions). */
  | { kind: 'reference'; id: string; heading?: string; items: { term: string; description: string }[] }
  /** A grid to fill in by hand; row headings are optional (e.g. hours of the day, days of the week). */
  | {
      kind: 'table';
      id: string;
      heading?: string;
      columns: WorksheetColumn[];
      /** Either a number of blank rows, or labelled rows ("6–7 am", "Monday"). */
      rows: number | string[];
      rowHeading?: string;
      /** 'large' for writing sentences, 'medium' for a few words, 'small' for numbers. */
      rowHeight: 'small' | 'medium' | 'large';
    }
  /** Numbered prompts, each with blank lines under it (problem-solving steps, safety plan steps). */
  | { kind: 'steps'; id: string; heading?: string; steps: { title: string; prompt?: string; lines: number }[] }
  /** Labelled single lines to fill in (name of a helper, a phone number, the worry-time slot). */
  | { kind: 'fields'; id: string; heading?: string; fields: { label: string; prefilledFrom?: ContactSource }[] }
  /** A scale printed as boxes with anchor words, e.g. SUDS 0–100. */
  | {
      kind: 'scale';
      id: string;
      label: string;
      min: number;
      max: number;
      step: number;
      anchors: { value: number; label: string }[];
    };

export type WorksheetDef = {
  id: string;
  version: number;
  title: string;
  /** One line: what it is for (shown to the therapist in the library). */
  purpose: string;
  /** For the client, printed at the top of the sheet. */
  instructions: string;
  orientation: 'portrait' | 'landscape';
  blocks: WorksheetBlock[];
  /** Where the structure comes from (cited on the sheet's footer). */
  source?: string;
  builtIn: boolean;
  basedOn?: string;
};
