import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** A running web harness (`dist/web/server.cjs`) over one vault folder. */
export type Harness = { url: string; vault: string; process: ChildProcess; stop(): Promise<void> };

export function freshVaultFolder(): string {
  return join(mkdtempSync(join(tmpdir(), 'sessionkeep-e2e-')), 'vault');
}

/** Starts the harness and waits for the URL it prints (a readiness event, not a sleep). */
export function startHarness(vault: string): Promise<Harness> {
  const child = spawn(process.execPath, ['dist/web/server.cjs', '--vault', vault], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let started = false;
  let stopping = false;
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.on('exit', (code) => reject(new Error(`harness exited early (${code}): ${stderr}`)));
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/open\?token=[\w-]+)/.exec(stdout);
      if (!match?.[1] || started) return;
      started = true;
      child.removeAllListeners('exit');
      // A harness that dies mid-test says why, instead of leaving only a timeout.
      child.on('exit', (code, signal) => {
        if (!stopping)
          process.stderr.write(`harness exited before the test stopped it (${code ?? signal}):\n${stderr}\n`);
      });
      resolve({
        url: match[1],
        vault,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            stopping = true;
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * Fails the test on any console error or page error, and on any request that would
 * leave 127.0.0.1 (such requests are also aborted, so nothing leaves the machine).
 */
export async function guardPage(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    problems.push(`request left 127.0.0.1: ${url.href}`);
    return route.abort('blockedbyclient');
  });
  return { problems };
}

/**
 * Plays the user at the system's folder dialog (issue 13): the next "Choose folder…" in
 * the page gets `folder`. Sent from the test's side with the launch token in a header and
 * no Origin, which the page itself can never do (electron/web/server.ts, queuedFolders).
 */
export async function queueChosenFolder(harness: Harness, folder: string): Promise<void> {
  const url = new URL(harness.url);
  const response = await fetch(new URL('/__files/next-folder', url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-harness-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify({ folder }),
  });
  if (response.status !== 204) throw new Error(`queueChosenFolder: the harness answered ${response.status}`);
}
