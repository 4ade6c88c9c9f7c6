import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real disk-full and read-only faults: a small tmpfs the test mounts (root only).
 * Returns why it cannot be done here, or null when it can; callers skip with that
 * reason printed, never silently.
 */
export function tmpfsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root, so no tmpfs can be mounted';
  const probe = mkdtempSync(join(tmpdir(), 'sessionkeep-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mount(8) is not permitted in this sandbox';
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
