import type { SessionEvent } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/envelope';
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
  const handlers = createHandlers(vault, () => new Date(now()));
  return {
    vault,
    handle: (channel, payload) => dispatch(handlers, channel, payload, () => vault.touch()),
    onEvent: (listener) => vault.onEvent(listener),
    shutdown: () => vault.lock('manual'),
  };
}
