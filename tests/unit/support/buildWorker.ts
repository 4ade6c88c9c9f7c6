import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Vitest global setup: the unit tests run the TypeScript sources, but a worker thread
 * needs JavaScript, so the worker is bundled once here (the same esbuild settings as
 * electron/build/bundle.mjs) and its path handed to the forked test processes.
 * Inside the checkout, so its require() finds node_modules.
 */
export default async function buildWorker(): Promise<void> {
  const outfile = join(process.cwd(), 'dist', 'unit', 'heavyWork.worker.cjs');
  await build({
    entryPoints: ['electron/core/worker/heavyWork.worker.ts'],
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    bundle: true,
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'warning',
  });
  process.env.SESSIONKEEP_WORKER_SCRIPT = outfile;
}
