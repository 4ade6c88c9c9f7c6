/**
 * Word-level difference between two texts, for showing what changed between two
 * versions of a note. Pure and bounded: the longest-common-subsequence table is only
 * built for the part that differs (shared start and end are trimmed first), and when
 * that part is still too big the answer is simply "changed" rather than a slow screen.
 */

export type DiffPart = { op: 'same' | 'added' | 'removed'; text: string };
export type WordDiff = { kind: 'same' } | { kind: 'parts'; parts: DiffPart[] } | { kind: 'tooLong' };

/** Cells of the comparison table above which the difference is not worked out word by word. */
export const MAX_DIFF_CELLS = 2_000_000;

/** Words and the spaces between them, so joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|\S+/gu) ?? [];
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string) {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

export function wordDiff(before: string, after: string, maxCells = MAX_DIFF_CELLS): WordDiff {
  if (before === after) return { kind: 'same' };
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > maxCells) return { kind: 'tooLong' };

  // lengths[i][j]: longest common run of a[start+i..endA) and b[start+j..endB).
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  const cell = (i: number, j: number) => lengths[i * width + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[start + i] === b[start + j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
    }
  }

  const parts: DiffPart[] = [];
  if (start > 0) push(parts, 'same', a.slice(0, start).join(''));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      push(parts, 'same', a[start + i] ?? '');
      i++;
      j++;
    } else if (i < n && (j === m || cell(i + 1, j) >= cell(i, j + 1))) {
      // Removed text is shown before what replaced it.
      push(parts, 'removed', a[start + i] ?? '');
      i++;
    } else {
      push(parts, 'added', b[start + j] ?? '');
      j++;
    }
  }
  if (endA < a.length) push(parts, 'same', a.slice(endA).join(''));
  return { kind: 'parts', parts };
}
