/**
 * Folds text for searching: case- and accent-insensitive, so "zoe" finds "Zoë"
 * and "JOSE" finds "José". NFD splits letters from their combining marks, which
 * are then dropped.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query starts a word in, or appears in, the text. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}
