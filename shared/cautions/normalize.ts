/**
 * Name folding for matching intake names against the knowledge base: case-, accent-,
 * space- and punctuation-insensitive, so "St. John’s Wort", "st johns wort" and
 * "ST JOHNS-WORT" all fold to "stjohnswort", and "7-OH" to "7oh".
 */
import { foldForSearch } from '../text';

// A trailing strength ("sertraline 50 mg", "5-HTP 100mg daily") is not part of the name.
const TRAILING_DOSE = /\s*\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|g|ml|iu|units?)\b.*$/iu;

export function foldName(name: string): string {
  return foldForSearch(name.replace(TRAILING_DOSE, '')).replace(/[^a-z0-9]/g, '');
}

/**
 * The folded forms to try for one intake name, most specific first: the whole name, then
 * the parts outside and inside brackets ("sertraline (Zoloft)" tries "sertraline" and "zoloft").
 */
export function nameCandidates(name: string): string[] {
  const out = [foldName(name)];
  const bracket = /^(.*?)\(([^)]*)\)(.*)$/u.exec(name);
  if (bracket !== null) {
    out.push(foldName(`${bracket[1] ?? ''} ${bracket[3] ?? ''}`), foldName(bracket[2] ?? ''));
  }
  return [...new Set(out.filter((folded) => folded.length > 0))];
}
