/**
 * Measures an import's peak memory in a process of its own (hostileImport.test.ts):
 * creates a vault, then for each archive resets the kernel's high-water mark of resident
 * memory (/proc/self/clear_refs, "5"), runs `import:plan` through the real core and reads
 * the new high-water mark (VmHWM). Prints one JSON line: bytes above the baseline each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createCore } from '../../../electron/core/core';

type Input = { folder: string; passphrase: string; archives: { path: string; passphrase?: string }[] };

function memory(): { rss: number; hwm: number } {
  const text = readFileSync('/proc/self/status', 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(text)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') * 1024, hwm: kib('VmHWM') * 1024 };
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as Input;
  const core = createCore({ folder: input.folder });
  const created = await core.handle('vault:create', { passphrase: input.passphrase });
  if (!created.ok) throw new Error(`importMemoryChild: ${created.code}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  const results = [];
  for (const archive of input.archives) {
    gc?.();
    writeFileSync('/proc/self/clear_refs', '5');
    const baseline = memory().rss;
    const started = Date.now();
    const envelope = await core.handle('import:plan', {
      source: core.files.register('import-source', archive.path).token,
      passphrase: archive.passphrase,
    });
    results.push({
      path: archive.path,
      code: envelope.ok ? 'ok' : envelope.code,
      peakAboveBaseline: memory().hwm - baseline,
      ms: Date.now() - started,
    });
  }
  await core.shutdown();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`importMemoryChild: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
