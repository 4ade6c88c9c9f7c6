/**
 * Turns what a therapist types into a safe FTS5 query. Every word becomes a quoted
 * string, so operators (AND, OR, NOT, NEAR), column filters, parentheses, stray
 * quotes and asterisks are searched as text and can never cause a syntax error.
 * "Quoted phrases" stay phrases; the last word is a prefix ("anx" finds "anxious"),
 * because results update while typing.
 */
export function toFtsQuery(typed: string): string | null {
  // Control characters (NUL included) end an FTS5 string early: they are never searched.
  const input = typed.replace(/\p{Cc}/gu, ' ');
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const raw = match[1] ?? match[2] ?? '';
    const words = raw
      .replace(/"/g, ' ')
      .split(/[\s\p{P}\p{S}]+/u)
      .filter(Boolean);
    if (words.length === 0) continue;
    parts.push(`"${words.join(' ')}"`);
  }
  if (parts.length === 0) return null;
  const lastIsPhrase = /"[^"]*"\s*$/.test(input.trimEnd()) && input.trimEnd().endsWith('"');
  if (!lastIsPhrase && !/\s$/.test(input)) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
  return parts.join(' ');
}
