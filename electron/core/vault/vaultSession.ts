import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LockReason, SessionEvent } from '../../../shared/ipc/channels';
import type { SessionInfo, VaultStatus } from '../../../shared/ipc/contract';
import { defaultSettings, type Settings } from '../../../shared/settings';
import { passphraseProblem } from '../../../shared/vault/passphrase';
import { canonicalRecoverySymbols, decodeRecoveryKey, encodeRecoveryKey } from '../../../shared/vault/recoveryKey';
import { recordAudit } from '../audit/auditLog';
import { CoreError } from '../coreError';
import { openVaultDatabase, type VaultDb } from '../db/database';
import { readMeta, readSettings, writeMeta } from '../settings/settingsRepository';
import { readKeyFile, unwrapDataKey, wrapDataKey, writeKeyFile } from './keyFile';
import { UnlockThrottle } from './unlockThrottle';
import {
  ensurePrivateFolder,
  exists,
  removeStaleTempFiles,
  restrictVaultFiles,
  type VaultPaths,
  vaultPaths,
} from './vaultFiles';

export type VaultSessionOptions = {
  folder: string;
  /** Electron passes its own-ABI build of the native module; Node uses the default. */
  nativeBinding?: string;
  now?: () => number;
};

type Unlocked = { db: VaultDb; dataKey: Buffer; vaultId: string; autoLockTimer?: ReturnType<typeof setTimeout> };

const RECOVERY_CONFIRMED = 'recovery_key_confirmed';
/**
 * A hash of the key file as last written by this vault. A passphrase change renames the
 * new key file into place and then logs the change; a crash in between leaves them apart,
 * and the next unlock notices the different key file and logs the change then.
 */
const KEY_FILE_FINGERPRINT = 'key_file_fingerprint';
const VAULT_ID = 'vault_id';
/** Failed unlocks kept in memory while locked; the throttle makes more than this take days. */
const MAX_PENDING_FAILURES = 500;
type FailedUnlock = { at: number; method: 'passphrase' | 'recoveryKey' };

/**
 * One vault folder and whether it is open. Holds the data key only while unlocked;
 * locking closes the database and overwrites the key bytes. Operations that open,
 * close or re-key run one at a time.
 */
export class VaultSession {
  readonly paths: VaultPaths;
  private unlocked: Unlocked | null = null;
  private readonly throttle: UnlockThrottle;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly now: () => number;
  private lastActivityAt: number;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Failed unlock attempts happen while the vault is locked, with no database to write
   * to: they wait here and go into the activity log at the next successful unlock.
   */
  private pendingFailures: FailedUnlock[] = [];

  constructor(private readonly options: VaultSessionOptions) {
    this.paths = vaultPaths(options.folder);
    this.now = options.now ?? Date.now;
    this.throttle = new UnlockThrottle(this.now);
    this.lastActivityAt = this.now();
  }

  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the windows about something under way (a backup's progress). */
  announce(event: SessionEvent): void {
    this.emit(event);
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  /**
   * Runs a task with the open database and its data key, queued with unlock, lock and
   * passphrase changes, so the vault cannot lock halfway through it (a backup).
   */
  withUnlocked<T>(task: (db: VaultDb, dataKey: Buffer) => Promise<T> | T): Promise<T> {
    return this.serialize(async () => {
      const session = this.requireUnlocked();
      return task(session.db, session.dataKey);
    });
  }

  /** The open database; VAULT_LOCKED when there is none. */
  db(): VaultDb {
    if (!this.unlocked) throw new CoreError('VAULT_LOCKED');
    return this.unlocked.db;
  }

  async status(): Promise<VaultStatus> {
    const [hasDb, hasKey] = await Promise.all([exists(this.paths.database), exists(this.paths.keyFile)]);
    const base = {
      folder: this.paths.folder,
      unlockDelaySeconds: this.throttle.secondsToWait(),
      recoveryKeyConfirmed: this.unlocked ? readMeta(this.unlocked.db, RECOVERY_CONFIRMED) === 'yes' : false,
    };
    if (this.unlocked) return { ...base, state: 'unlocked', problem: null };
    if (!hasDb && !hasKey) return { ...base, state: 'none', problem: null };
    let problem: VaultStatus['problem'] = null;
    if (!hasDb) problem = 'DATABASE_MISSING';
    else if (!hasKey) problem = 'KEY_FILE_MISSING';
    else {
      problem = await readKeyFile(this.paths.keyFile).then(
        () => null,
        (error: unknown) => (error instanceof CoreError ? error.code : 'KEY_FILE_DAMAGED'),
      );
    }
    return { ...base, state: 'locked', problem };
  }

  /** Creates a new vault and leaves it unlocked; returns the recovery key, shown once. */
  create(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.serialize(async () => {
      requireStrongEnough(passphrase);
      if ((await exists(this.paths.database)) || (await exists(this.paths.keyFile))) {
        throw new CoreError('VAULT_EXISTS');
      }
      await ensurePrivateFolder(this.paths.folder);
      const dataKey = randomBytes(32);
      const vaultId = randomUUID();
      const keyFile = await wrapDataKey(dataKey, passphrase, vaultId);
      const db = await openVaultDatabase(this.paths.database, dataKey, {
        create: true,
        nativeBinding: this.options.nativeBinding,
      });
      try {
        writeMeta(db, VAULT_ID, vaultId);
        writeMeta(db, RECOVERY_CONFIRMED, 'no');
        // The key file comes last: a vault folder with a key file always has its database.
        writeKeyFile(this.paths.keyFile, keyFile);
        await restrictVaultFiles(this.paths.folder);
      } catch (error) {
        db.close();
        throw error;
      }
      this.becomeUnlocked({ db, dataKey, vaultId });
      return { recoveryKey: encodeRecoveryKey(dataKey) };
    });
  }

  unlock(passphrase: string): Promise<SessionInfo> {
    return this.serialize(async () => {
      this.refuseWhileThrottled();
      const keyFile = await readKeyFile(this.paths.keyFile);
      if (this.unlocked) {
        // Already open (a second window, a reload): the passphrase is still checked.
        const dataKey = await unwrapDataKey(keyFile, passphrase).catch((error: unknown) => {
          if (error instanceof CoreError && error.code === 'WRONG_PASSPHRASE') this.recordFailedUnlock('passphrase');
          throw error;
        });
        dataKey.fill(0);
        return this.sessionInfo();
      }
      let dataKey: Buffer;
      try {
        dataKey = await unwrapDataKey(keyFile, passphrase);
      } catch (error) {
        if (error instanceof CoreError && error.code === 'WRONG_PASSPHRASE') this.recordFailedUnlock('passphrase');
        throw error;
      }
      const db = await this.openExisting(dataKey, 'NOT_A_VAULT');
      this.throttle.recordSuccess();
      this.becomeUnlocked({ db, dataKey, vaultId: keyFile.vaultId });
      return this.sessionInfo();
    });
  }

  /**
   * Opens the vault with the recovery key (the data key itself), which works even
   * when the key file is lost or damaged, and writes a new key file for the new
   * passphrase.
   */
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<SessionInfo> {
    return this.serialize(async () => {
      requireStrongEnough(newPassphrase, 'newPassphrase');
      this.refuseWhileThrottled();
      const decoded = decodeRecoveryKey(recoveryKey);
      if (!decoded.ok) throw new CoreError('RECOVERY_KEY_MALFORMED', decoded.reason, { field: 'recoveryKey' });
      const dataKey = Buffer.from(decoded.key);
      let db: VaultDb;
      try {
        db = await this.openExisting(dataKey, 'WRONG_RECOVERY_KEY');
      } catch (error) {
        if (error instanceof CoreError && error.code === 'WRONG_RECOVERY_KEY') this.recordFailedUnlock('recoveryKey');
        throw error;
      }
      try {
        const vaultId = readMeta(db, VAULT_ID) ?? randomUUID();
        writeKeyFile(this.paths.keyFile, await wrapDataKey(dataKey, newPassphrase, vaultId));
        await restrictVaultFiles(this.paths.folder);
        this.throttle.recordSuccess();
        this.lockNow('manual', false);
        this.becomeUnlocked({ db, dataKey, vaultId });
      } catch (error) {
        db.close();
        throw error;
      }
      return this.sessionInfo();
    });
  }

  /** Re-wraps the data key for a new passphrase. The database is not touched. */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.serialize(async () => {
      const session = this.requireUnlocked();
      requireStrongEnough(newPassphrase, 'newPassphrase');
      const keyFile = await readKeyFile(this.paths.keyFile);
      const current = await unwrapDataKey(keyFile, currentPassphrase).catch((error: unknown) => {
        if (error instanceof CoreError && error.code === 'WRONG_PASSPHRASE') {
          throw new CoreError('WRONG_PASSPHRASE', 'The current passphrase is not correct.', {
            field: 'currentPassphrase',
          });
        }
        throw error;
      });
      try {
        if (!timingSafeEqual(current, session.dataKey)) throw new CoreError('NOT_A_VAULT');
      } finally {
        current.fill(0);
      }
      writeKeyFile(this.paths.keyFile, await wrapDataKey(session.dataKey, newPassphrase, keyFile.vaultId));
      // The log entry and the new fingerprint together (see KEY_FILE_FINGERPRINT).
      this.audit(() =>
        session.db.transaction(() => {
          recordAudit(
            session.db,
            { action: 'passphrase.changed', entityType: 'vault', entityId: null, detail: {} },
            new Date(this.now()),
          );
          writeMeta(session.db, KEY_FILE_FINGERPRINT, this.keyFileFingerprint());
        })(),
      );
    });
  }

  private keyFileFingerprint(): string {
    return createHash('sha256').update(readFileSync(this.paths.keyFile)).digest('hex');
  }

  /** The recovery key, only until the therapist has confirmed writing it down. */
  recoveryKey(): string {
    const session = this.requireUnlocked();
    if (readMeta(session.db, RECOVERY_CONFIRMED) === 'yes') {
      throw new CoreError('NOT_FOUND', 'The recovery key was already confirmed and is not shown again.');
    }
    return encodeRecoveryKey(session.dataKey);
  }

  confirmRecoveryKey(answers: { group: number; value: string }[]): boolean {
    const session = this.requireUnlocked();
    const groups = encodeRecoveryKey(session.dataKey).split('-');
    const distinct = new Set(answers.map((answer) => answer.group)).size === answers.length;
    const allMatch = answers.every((answer) => canonicalRecoverySymbols(answer.value) === groups[answer.group - 1]);
    const confirmed = distinct && allMatch;
    if (confirmed) writeMeta(session.db, RECOVERY_CONFIRMED, 'yes');
    return confirmed;
  }

  settings(): Settings {
    return readSettings(this.db());
  }

  /** Called on every request and on input in the window: postpones the idle lock. */
  touch(): void {
    this.lastActivityAt = this.now();
  }

  lock(reason: LockReason): Promise<void> {
    return this.serialize(async () => this.lockNow(reason, true));
  }

  private lockNow(reason: LockReason, announce: boolean): void {
    const session = this.unlocked;
    if (!session) return;
    this.unlocked = null;
    if (session.autoLockTimer) clearTimeout(session.autoLockTimer);
    // The lock goes into the log while the database is still open. A failed write
    // never stops the lock.
    if (announce) this.audit(() => recordAudit(session.db, lockEvent(reason), new Date(this.now())));
    try {
      session.db.close();
    } finally {
      session.dataKey.fill(0);
    }
    if (announce) this.emit({ type: 'locked', reason });
  }

  /** Re-reads the auto-lock setting and restarts the idle timer. */
  scheduleAutoLock(): void {
    const session = this.unlocked;
    if (!session) return;
    if (session.autoLockTimer) clearTimeout(session.autoLockTimer);
    const limitMs = (readSettings(session.db).autoLockMinutes ?? defaultSettings.autoLockMinutes) * 60_000;
    const check = () => {
      if (this.unlocked !== session) return;
      const idleFor = this.now() - this.lastActivityAt;
      if (idleFor >= limitMs) void this.lock('idle');
      else arm(limitMs - idleFor);
    };
    // unref: a pending auto-lock never keeps a Node process (harness, tests) alive.
    const arm = (delayMs: number) => {
      session.autoLockTimer = setTimeout(check, delayMs);
      session.autoLockTimer.unref?.();
    };
    arm(limitMs);
  }

  private becomeUnlocked(session: Unlocked): void {
    try {
      removeStaleTempFiles(this.paths.folder);
    } catch {
      // Tidying only: a folder that cannot be listed must not stop the unlock.
    }
    // Before the 'unlock' event itself, which dispatch appends once the request succeeds.
    const failures = this.pendingFailures.splice(0);
    if (failures.length > 0) {
      this.audit(() =>
        session.db.transaction(() => {
          for (const failure of failures) recordAudit(session.db, failedUnlockEvent(failure), new Date(failure.at));
        })(),
      );
    }
    this.audit(() => {
      const fingerprint = this.keyFileFingerprint();
      const known = readMeta(session.db, KEY_FILE_FINGERPRINT);
      session.db.transaction(() => {
        if (known !== undefined && known !== fingerprint) {
          recordAudit(
            session.db,
            { action: 'passphrase.changed', entityType: 'vault', entityId: null, detail: { noticedAtUnlock: true } },
            new Date(this.now()),
          );
        }
        if (known !== fingerprint) writeMeta(session.db, KEY_FILE_FINGERPRINT, fingerprint);
      })();
    });
    this.unlocked = session;
    this.touch();
    this.scheduleAutoLock();
    this.emit({ type: 'unlocked' });
  }

  private sessionInfo(): SessionInfo {
    const session = this.requireUnlocked();
    return {
      recoveryKeyConfirmed: readMeta(session.db, RECOVERY_CONFIRMED) === 'yes',
      settings: readSettings(session.db),
    };
  }

  private recordFailedUnlock(method: FailedUnlock['method']): void {
    this.throttle.recordFailure();
    const failure = { at: this.now(), method };
    // A wrong passphrase typed while already unlocked (a second window) is logged at once.
    if (this.unlocked) {
      const { db } = this.unlocked;
      this.audit(() => recordAudit(db, failedUnlockEvent(failure), new Date(failure.at)));
    } else if (this.pendingFailures.length < MAX_PENDING_FAILURES) {
      this.pendingFailures.push(failure);
    }
  }

  /** An audit write that must not break what it records (locking, unlocking). */
  private audit(write: () => void): void {
    try {
      write();
    } catch (error) {
      console.error(`VaultSession.audit: could not write to the activity log (${(error as Error)?.name ?? 'unknown'})`);
    }
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) throw new CoreError('VAULT_LOCKED');
    return this.unlocked;
  }

  private refuseWhileThrottled(): void {
    const wait = this.throttle.secondsToWait();
    if (wait > 0) {
      throw new CoreError('UNLOCK_THROTTLED', `Too many wrong attempts. Try again in ${wait} seconds.`, {
        retryAfterSeconds: wait,
      });
    }
  }

  private async openExisting(dataKey: Buffer, wrongKeyCode: 'NOT_A_VAULT' | 'WRONG_RECOVERY_KEY'): Promise<VaultDb> {
    return openVaultDatabase(this.paths.database, dataKey, {
      create: false,
      nativeBinding: this.options.nativeBinding,
      wrongKeyCode,
    });
  }
}

function lockEvent(reason: LockReason) {
  return { action: 'lock', entityType: 'vault', entityId: null, detail: { reason } } as const;
}

function failedUnlockEvent(failure: FailedUnlock) {
  return { action: 'unlock.failed', entityType: 'vault', entityId: null, detail: { method: failure.method } } as const;
}

function requireStrongEnough(passphrase: string, field = 'passphrase'): void {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new CoreError('PASSPHRASE_TOO_SHORT', problem, { field });
}
