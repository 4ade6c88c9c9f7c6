import { CoreError } from '../coreError';
import type { VaultDb } from './database';
import type { Migration } from './migrations/migration';

/**
 * Brings a vault up to the newest schema: every pending step in one transaction, so a
 * crash mid-way leaves the vault exactly as it was. A vault written by a newer app is
 * refused before anything is written.
 */
export function migrate(db: VaultDb, steps: readonly Migration[]): { from: number; to: number } {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`migrate: step ${step.name} is out of order`);
  });
  const from = Number(db.pragma('user_version', { simple: true }));
  const latest = steps.length;
  if (from > latest) throw new CoreError('VAULT_FROM_NEWER_VERSION');
  const pending = steps.slice(from);
  if (pending.length > 0) {
    db.transaction(() => {
      for (const step of pending) step.up(db);
      // user_version lives in the database header, so it commits with the steps.
      db.pragma(`user_version = ${latest}`);
    })();
  }
  return { from, to: latest };
}
