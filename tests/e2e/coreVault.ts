import type { Core } from '../../electron/core/core';
import { PASSPHRASE } from './pages';

/**
 * Making a vault in Node with the real core, for specs that need one larger or more
 * damaged than the browser can make quickly, before the harness opens it.
 */

type Answer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** The value of a core envelope; a failure stops the test with its code and words. */
export const value = <T>(answer: unknown): T => {
  const envelope = answer as Answer<T>;
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`);
  return envelope.value;
};

/** Creates the vault and confirms its recovery key, as the first screens do. */
export async function createConfirmedVault(core: Core): Promise<void> {
  const { recoveryKey } = value<{ recoveryKey: string }>(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  const groups = recoveryKey.split('-');
  value(
    await core.handle('vault:confirmRecoveryKey', {
      answers: [
        { group: 1, value: groups[0] },
        { group: 2, value: groups[1] },
      ],
    }),
  );
}
