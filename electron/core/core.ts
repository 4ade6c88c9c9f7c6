import type { Channel, LockReason, SessionEvent } from '../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { recordAudit } from './audit/auditLog';
import { auditEventFor } from './audit/auditPolicy';
import { scheduleBackups } from './backup/backupSchedule';
import { dispatch } from './dispatch';
import { ChosenFiles } from './files/chosenFiles';
import { createHandlers } from './handlers';
import { newBackupRuns } from './oneRunAtATime';
import { SaveBeforeClose, type SaveOutcome } from './session/saveBeforeClose';
import { VaultSession, type VaultSessionOptions } from './vault/vaultSession';

/** What an adapter (Electron main, web harness, tests) needs from the core. */
export type Core = {
  vault: VaultSession;
  /** The files the user chose in the adapter's dialogs, by token (issue 13). */
  files: ChosenFiles;
  /** Validates and runs one request; never throws. */
  handle(channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: SessionEvent) => void): () => void;
  /**
   * A lock the shell decides (menu, shortcut, screen lock, suspend): the window is asked
   * to save its open editors first, and the lock waits for its answer (bounded).
   */
  lock(reason: LockReason): Promise<SaveOutcome>;
  /** Asks the window to save its open editors (before the shell reloads it); bounded. */
  saveOpenWork(): Promise<SaveOutcome>;
  /** Asks the window to save, then locks and releases everything (window closed, process exiting). */
  shutdown(): Promise<void>;
};

export type CoreOptions = VaultSessionOptions & {
  /**
   * Whether a window is there to answer a save request: Electron's window, the web
   * harness's page. Without one (tests of the core alone) nothing is asked.
   */
  hasWindow?: () => boolean;
  saveAnswerTimeoutMs?: number;
};

export function createCore(options: CoreOptions): Core {
  const vault = new VaultSession(options);
  const now = options.now ?? Date.now;
  const saves = new SaveBeforeClose((event) => vault.announce(event), {
    hasWindow: () => vault.isUnlocked && (options.hasWindow?.() ?? false),
    timeoutMs: options.saveAnswerTimeoutMs,
  });
  vault.beforeIdleLock = () => saves.ask('lock');
  const files = new ChosenFiles(now);
  // A choice made before a lock is not good after it: whoever unlocks chooses again.
  vault.onEvent((event) => {
    if (event.type === 'locked') files.forgetAll();
  });
  const runs = newBackupRuns();
  const handlers = createHandlers(vault, () => new Date(now()), {
    nativeBinding: options.nativeBinding,
    saves,
    files,
    backupRuns: runs,
  });
  const backups = scheduleBackups(vault, { now: () => new Date(now()), nativeBinding: options.nativeBinding, runs });
  // The activity log: the pure policy decides, the open vault records (same process,
  // right after the handler succeeded).
  const audit = <C extends Channel>(channel: C, request: unknown, value: unknown) => {
    const event = auditEventFor(channel, request as ValidRequestOf<C>, value as ResponseOf<C>);
    if (event && vault.isUnlocked) recordAudit(vault.db(), event, new Date(now()));
  };
  return {
    vault,
    files,
    handle: (channel, payload) => dispatch(handlers, channel, payload, () => vault.touch(), audit),
    onEvent: (listener) => vault.onEvent(listener),
    lock: async (reason) => {
      const outcome = await saves.ask('lock');
      await vault.lock(reason);
      return outcome;
    },
    saveOpenWork: () => saves.ask('reload'),
    shutdown: async () => {
      await saves.ask('quit');
      // At quit, a backup when the last one is over a day old (never blocks the lock on failure).
      await backups.beforeQuit();
      backups.stop();
      await vault.lock('manual');
    },
  };
}
