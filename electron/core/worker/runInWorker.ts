import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, errorMessages } from '../../../shared/errors';
import { CoreError } from '../coreError';
import type { WorkerArgs, WorkerResult, WorkerTaskName } from './workerTasks';

/**
 * Runs one heavy task in a worker thread of its own (issue 13), so the main thread
 * stays free for the window's autosaves. A fresh thread per task: backups and exports
 * run a few times a day, and a thread that failed leaves nothing behind for the next.
 */

const WORKER_FILE = 'heavyWork.worker.cjs';

/**
 * Where the bundled worker is. The bundles (dist/electron, dist/web, dist/bench) all
 * find it in dist/electron; the unit tests, which run the TypeScript sources, are
 * pointed at the one their setup built (tests/unit/support/buildWorker.ts).
 */
export function workerScriptPath(): string {
  const fromEnv = process.env.SESSIONKEEP_WORKER_SCRIPT;
  if (fromEnv) return fromEnv;
  return join(__dirname, '..', 'electron', WORKER_FILE);
}

type WorkerError = {
  name: string;
  code?: string | undefined;
  message: string;
  details?: { field?: string; retryAfterSeconds?: number } | undefined;
};
type Message<T> = { ok: true; value: T } | { ok: false; error: WorkerError } | { progress: number };

/**
 * An error from the worker, as it was: a CoreError again (its words reach the
 * therapist), anything else with the code asStorageError and the caller look at.
 */
function rebuilt(error: WorkerError): Error {
  if (error.name === 'CoreError' && error.code !== undefined && Object.hasOwn(errorMessages, error.code)) {
    return new CoreError(error.code as ErrorCode, error.message, error.details ?? {});
  }
  const rebuiltError = new Error(error.message) as Error & { code?: string };
  rebuiltError.name = error.name;
  if (error.code) rebuiltError.code = error.code;
  return rebuiltError;
}

export type RunOptions = {
  /**
   * Cancels the task. The worker is told and the answer waits for it: a step already
   * inside SQLite finishes first (it cannot be stopped mid-call), and only once the
   * task has ended may the caller remove the files it was writing. A cancelled task
   * answers CANCELLED even if it got to finish.
   */
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
};

export function runInWorker<T extends WorkerTaskName>(
  task: T,
  args: WorkerArgs<T>,
  options: RunOptions = {},
): Promise<WorkerResult<T>> {
  const script = workerScriptPath();
  if (!existsSync(script)) {
    // A build problem, never the therapist's: said in the log, plainly in the window.
    console.error('runInWorker: the worker script is missing; run the build');
    return Promise.reject(new CoreError('INTERNAL'));
  }
  if (options.signal?.aborted) return Promise.reject(new CoreError('CANCELLED'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    let settled = false;
    const abort = () => worker.postMessage({ cancel: true });
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) reject(new CoreError('CANCELLED'));
      else outcome();
      // One task per thread: it ends by itself after answering; this only makes sure.
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: Message<Awaited<WorkerResult<T>>>) => {
      if ('progress' in message) {
        if (!settled) options.onProgress?.(message.progress);
        return;
      }
      settle(() => (message.ok ? resolve(message.value) : reject(rebuilt(message.error))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the worker stopped (exit code ${code})`))));
    worker.postMessage({ task, args });
  });
}
