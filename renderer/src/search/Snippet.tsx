import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../shared/notes/note';

/** Renders a search snippet; matches (between the core's markers) become <mark>. Never HTML. */
export function Snippet({ text }: { text: string }) {
  const parts: { text: string; match: boolean }[] = [];
  for (const piece of text.split(SNIPPET_OPEN)) {
    const [match, rest] = piece.includes(SNIPPET_CLOSE) ? piece.split(SNIPPET_CLOSE, 2) : [null, piece];
    if (match) parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return (
    <span className="snippet">
      {parts.map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one snippet never reorder
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
