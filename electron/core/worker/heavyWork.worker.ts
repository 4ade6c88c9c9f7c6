import { parentPort } from 'node:worker_threads';
import { CoreError } from '../coreError';
import { type TaskContext, type WorkerTaskName, workerTasks } from './workerTasks';

/**
 * The worker thread's entry (bundled to dist/electron/heavyWork.worker.cjs): one task
 * per worker, answered once, then the thread ends. Progress goes up as it comes; a
 * "cancel" message aborts the task's signal (a task checks it between its steps). An
 * error crosses as its name, code, message and a CoreError's details (a class does
 * not survive postMessage; runInWorker makes the CoreError again).
 */
type Job = { task: WorkerTaskName; args: unknown };

const cancel = new AbortController();
parentPort?.on('message', (message: Job | { cancel: true }) => {
  if ('cancel' in message) {
    cancel.abort();
    return;
  }
  void runJob(message);
});

async function runJob(job: Job): Promise<void> {
  const context: TaskContext = {
    signal: cancel.signal,
    onProgress: (fraction) => parentPort?.postMessage({ progress: fraction }),
  };
  try {
    const run = workerTasks[job.task] as (args: unknown, context: TaskContext) => unknown;
    if (typeof run !== 'function') throw new Error(`unknown task ${String(job.task)}`);
    parentPort?.postMessage({ ok: true, value: await run(job.args, context) });
  } catch (error) {
    const { name, code, message, details } = (error ?? {}) as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    parentPort?.postMessage({
      ok: false,
      error: {
        name: typeof name === 'string' ? name : 'Error',
        code: typeof code === 'string' ? code : undefined,
        message: typeof message === 'string' ? message : 'The work could not be done.',
        details: error instanceof CoreError ? details : undefined,
      },
    });
  } finally {
    // The key's bytes are not left in this thread's heap longer than the task.
    const args = job.args as { dataKey?: unknown } | null;
    if (args?.dataKey instanceof Uint8Array) args.dataKey.fill(0);
    parentPort?.close();
  }
}
