// Bundles the Node/Electron side with esbuild (the renderer is built by Vite).
// Usage: node electron/build/bundle.mjs            → everything
//        node electron/build/bundle.mjs web bench  → only those targets
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const nodeTarget = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

const targets = {
  // The Electron main process: native module and electron itself stay external.
  main: {
    ...nodeTarget,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
  },
  // The worker thread for backups and other heavy work (issue 13); every Node bundle
  // (main, web, bench) finds it in dist/electron.
  worker: {
    ...nodeTarget,
    entryPoints: ['electron/core/worker/heavyWork.worker.ts'],
    outfile: 'dist/electron/heavyWork.worker.cjs',
    external: ['better-sqlite3-multiple-ciphers'],
  },
  // A sandboxed preload may only require('electron'): everything else is bundled in.
  preload: {
    ...nodeTarget,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
    sourcemap: false,
  },
  // The loopback web harness and the browser half of its bridge.
  web: {
    ...nodeTarget,
    entryPoints: ['electron/web/server.ts'],
    outfile: 'dist/web/server.cjs',
    external: ['better-sqlite3-multiple-ciphers'],
  },
  bridge: {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    entryPoints: ['electron/web/browser/bridge.ts'],
    outfile: 'dist/web/bridge.js',
    logLevel: 'warning',
  },
  bench: {
    ...nodeTarget,
    entryPoints: ['tests/bench/bench.ts'],
    outfile: 'dist/bench/bench.cjs',
    external: ['better-sqlite3-multiple-ciphers'],
  },
};

const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? wanted : Object.keys(targets);
for (const name of selected) {
  const options = targets[name];
  if (!options) throw new Error(`bundle: unknown target ${name}`);
  if (!existsSync(options.entryPoints[0])) throw new Error(`bundle: ${options.entryPoints[0]} is missing`);
  await build(options);
}
