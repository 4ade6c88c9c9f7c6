import type { RichTextDoc, RichTextNode } from '../../shared/templates/types';

/**
 * The typing the crash writer simulates, as a pure function of the save count n:
 * save k appends one to four words (sometimes a new paragraph, sometimes bold), so
 * the draft after save n is always `docAt(n)`. The harness recomputes it to learn
 * which save a crashed vault holds, and that the text is exactly that save's text.
 *
 * Every CYCLE saves the therapist clears the field and starts again, so the draft
 * stays note-sized (~1,000 words) however long the run.
 */
export const TEMPLATE_ID = 'cbt-session';
export const FIELD_ID = 'clientResponse';
const CYCLE = 400;

const WORDS = (
  'client reported less avoidance this week and practised the thought record twice ' +
  'noticed catastrophic predictions before the meeting rated belief at seventy percent ' +
  'after reviewing evidence belief dropped to forty anxiety eased agreed to continue ' +
  'graded exposure with the supermarket visit sleep improved slightly mood five of ten'
).split(' ');

/** A small deterministic hash (mulberry32 step) so writer and harness agree. */
function hash(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

function appendSave(paragraphs: RichTextNode[][], k: number): void {
  const h = hash(k);
  if (paragraphs.length === 0 || h % 11 === 0) paragraphs.push([]);
  const count = 1 + (h % 4);
  const words = Array.from({ length: count }, (_, i) => WORDS[hash(k * 8 + i) % WORDS.length]).join(' ');
  const paragraph = paragraphs[paragraphs.length - 1] as RichTextNode[];
  const text = `${paragraph.length > 0 ? ' ' : ''}${words}`;
  paragraph.push(h % 7 === 0 ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text });
}

/** The field's content after save n (n ≥ 1); save 0 means the field was never saved. */
export function docAt(n: number): RichTextDoc {
  const paragraphs: RichTextNode[][] = [];
  for (let k = Math.floor((n - 1) / CYCLE) * CYCLE + 1; k <= n; k++) appendSave(paragraphs, k);
  return { type: 'doc', content: paragraphs.map((content) => ({ type: 'paragraph', content })) };
}
