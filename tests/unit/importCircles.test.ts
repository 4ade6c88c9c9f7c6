/**
 * The notes feature draws the measures inside a note, so the measures must never import
 * the notes feature back (issue 12: MeasuresSlot → NoteForm → … → MeasuresSlot was a
 * circle). Read from the real sources: every relative import of every measures file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const renderer = join(__dirname, '..', '..', 'renderer', 'src');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each relative import of a file, as a path from renderer/src ("notes/NoteForm"). */
function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((match) =>
    relative(renderer, resolve(dirname(file), match[1] ?? '')),
  );
}

describe('import circles in the renderer', () => {
  const measures = sourcesUnder(join(renderer, 'measures'));

  it('finds the measures sources (the check reads real files)', () => {
    expect(measures.length).toBeGreaterThan(3);
  });

  it.each(measures.map((file) => ({ file: relative(renderer, file), path: file })))(
    '$file imports nothing from the notes feature',
    ({ path }) => {
      expect(relativeImports(path).filter((target) => target.startsWith('notes/'))).toEqual([]);
    },
  );
});
