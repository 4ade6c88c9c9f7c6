/**
 * The architecture is enforced, not just described: an import that crosses a layer
 * boundary fails `npm run lint` (Biome) or `npm run typecheck`. Each case writes a
 * probe file into the layer, lints it with the project's config, and removes it.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const biome = join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

function lint(path: string, source: string): { ok: boolean; output: string } {
  const file = join(root, path);
  writeFileSync(file, source);
  try {
    execFileSync(process.execPath, [biome, 'lint', '--max-diagnostics=5', file], { cwd: root, stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
    return { ok: false, output: `${stdout}${stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

const cases = [
  {
    why: 'shared/ may not use Node',
    path: 'shared/layerProbe.ts',
    source: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    ok: false,
  },
  {
    why: 'shared/ may not use Electron',
    path: 'shared/layerProbe.ts',
    source: "import { app } from 'electron';\nexport const probe = app;\n",
    ok: false,
  },
  {
    why: 'shared/ may not reach into the core',
    path: 'shared/layerProbe.ts',
    source: "import { createCore } from '../electron/core/core';\nexport const probe = createCore;\n",
    ok: false,
  },
  {
    why: 'the renderer may not use Node',
    path: 'renderer/src/layerProbe.ts',
    source: "import { join } from 'node:path';\nexport const probe = join;\n",
    ok: false,
  },
  {
    why: 'the renderer may not import the core',
    path: 'renderer/src/layerProbe.ts',
    source: "import { createCore } from '../../electron/core/core';\nexport const probe = createCore;\n",
    ok: false,
  },
  {
    why: 'the core may not import electron',
    path: 'electron/core/layerProbe.ts',
    source: "import { app } from 'electron';\nexport const probe = app;\n",
    ok: false,
  },
  {
    why: 'the renderer may import shared/',
    path: 'renderer/src/layerProbe.ts',
    source: "import { foldForSearch } from '../../shared/text';\nexport const probe = foldForSearch;\n",
    ok: true,
  },
  {
    why: 'the core may use Node',
    path: 'electron/core/layerProbe.ts',
    source: "import { join } from 'node:path';\nexport const probe = join;\n",
    ok: true,
  },
];

describe('layer boundaries', () => {
  it.each(cases)('$why', ({ path, source, ok }) => {
    const result = lint(path, source);
    expect(result.ok, result.output).toBe(ok);
  });
});
