import { resolve } from 'node:path';
// electron-builder's own loader and schema check (the code `electron-builder --config`
// runs first), so a misspelt option fails here, offline, instead of on the build box.
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger, type FilterStats } from 'builder-util';
import type { Configuration, FileSet } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '..', '..');
let config: Configuration;

/** The `files` patterns as electron-builder normalised them (into one FileSet). */
function filePatterns(files: Configuration['files']): string[] {
  const entries: Array<FileSet | string> = files == null ? [] : Array.isArray(files) ? files : [files];
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    if (entry.filter == null) return [];
    return Array.isArray(entry.filter) ? entry.filter : [entry.filter];
  });
}

beforeAll(async () => {
  config = await getConfig(repo, resolve(repo, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and writes to release/', () => {
    expect(config.appId).toBe('org.sessionkeep.app');
    expect(config.productName).toBe('Sessionkeep');
    expect(config.directories?.output).toBe('release');
  });

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs an asar with the native module unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('ships only the built app: no sources, tests or source maps', () => {
    const patterns = filePatterns(config.files);
    expect(patterns.slice(0, 3)).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    // Every other entry is an exclusion: nothing outside dist/ is allowed back in.
    expect(patterns.slice(3).every((pattern) => pattern.startsWith('!'))).toBe(true);

    // Run the patterns through electron-builder's own matcher.
    const included = new FileMatcher(repo, '/', (pattern) => pattern, patterns).createFilter();
    const file = { isDirectory: () => false } as FilterStats;
    const ships = (path: string) => included(resolve(repo, path), file);
    for (const path of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'package.json',
    ]) {
      expect(ships(path), path).toBe(true);
    }
    for (const path of [
      'dist/electron/main.cjs.map',
      'dist/renderer/assets/index.js.map',
      'dist/web/server.cjs',
      'dist/bench/bench.cjs',
      'electron/main.ts',
      'shared/ipc/contract.ts',
      'renderer/src/main.tsx',
      'tests/unit/senderPolicy.test.ts',
      '.cache/electron-abi/better_sqlite3-electron-45.5.0.node',
      'vite.config.ts',
    ]) {
      expect(ships(path), path).toBe(false);
    }
  });

  it('builds AppImage and deb, NSIS and DMG', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.medical');
  });
});
