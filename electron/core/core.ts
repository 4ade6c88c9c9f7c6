import type { Channel, SessionEvent } from '../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { recordAudit } from './audit/auditLog';
import { auditEventFor } from './audit/auditPolicy';
import { scheduleBackups } from './backup/backupSchedule';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { VaultSession, type VaultSessionOptions } from './vault/vaultSession';

/** What an adapter (Electron main, web harness, tests) needs from the core. */
export type Core = {
  vault: VaultSession;
  /** Validates and runs one request; never throws. */
  handle(channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: SessionEvent) => void): () => void;
  /** Locks and releases everything (window closed, process exiting). */
  shutdown(): Promise<void>;
};

export function createCore(options: VaultSessionOptions): Core {
  const vault = new VaultSession(options);
  const now = options.now ?? Date.now;
  const handlers = createHandlers(vault, () => new Date(now()), { nativeBinding: options.nativeBinding });
  const backups = scheduleBackups(vault, { now: () => new Date(now()), nativeBinding: options.nativeBinding });
  // The activity log: the pure policy decides, the open vault records (same process,
  // right after the handler succeeded).
  const audit = <C extends Channel>(channel: C, request: unknown, value: unknown) => {
    const event = auditEventFor(channel, request as ValidRequestOf<C>, value as ResponseOf<C>);
    if (event && vault.isUnlocked) recordAudit(vault.db(), event, new Date(now()));
  };
  return {
    vault,
    handle: (channel, payload) => dispatch(handlers, channel, payload, () => vault.touch(), audit),
    onEvent: (listener) => vault.onEvent(listener),
    shutdown: async () => {
      // At quit, a backup when the last one is over a day old (never blocks the lock on failure).
      await backups.beforeQuit();
      backups.stop();
      await vault.lock('manual');
    },
  };
}
