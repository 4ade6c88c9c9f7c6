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
    .replace(/[ßøłđæœþı]/g, (letter) => LETTERS_WITHOUT_ACCENT_SPLIT[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

// Letters that NFD does not split into a base letter and a mark, spelled the way
// someone without the key on their keyboard would type them ("Søren" → "soren").
const LETTERS_WITHOUT_ACCENT_SPLIT: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};

/** True when every word of the query starts a word in, or appears in, the text. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}
