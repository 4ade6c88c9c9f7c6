import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LockReason, SessionEvent } from '../../../shared/ipc/channels';
import type { SessionInfo, VaultStatus } from '../../../shared/ipc/contract';
import { defaultSettings, type Settings } from '../../../shared/settings';
import { newPassphraseRefusal } from '../../../shared/vault/passphraseStrength';
import {
  canonicalRecoverySymbols,
  decodeRecoveryKey,
  encodeRecoveryKey,
  RECOVERY_KEY_BYTES,
} from '../../../shared/vault/recoveryKey';
import { recordAudit } from '../audit/auditLog';
import { CoreError } from '../coreError';
import { openVaultDatabase, type VaultDb } from '../db/database';
import { readMeta, readSettings, writeMeta } from '../settings/settingsRepository';
import { type KeyFile, keyFileText, readKeyFile, unwrapDataKey, wrapDataKey, writeKeyFile } from './keyFile';
import {
  dataKeyForRecoveryKey,
  newRecoverySecret,
  type RecoveryFile,
  readRecoveryFile,
  recoveryFileText,
  unwrapWithRecoverySecret,
  wrapWithRecoverySecret,
  writeRecoveryFile,
} from './recoveryFile';
import { commitReencryption, finishInterruptedReencryption, prepareReencryptedCopy } from './reencrypt';
import { type AttemptMethod, type AttemptPlace, type FailedAttempt, UnlockThrottle } from './unlockThrottle';
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
/**
 * 'wrapped': the recovery key is its own wrap of the data key in vault.recovery
 * (revocable). Absent: a vault made before issue 11, whose recovery key is the data key.
 */
const RECOVERY_SCHEME = 'recovery_scheme';
/**
 * A new recovery key until the therapist confirms writing it down, kept inside the
 * encrypted vault (anyone who can read it can read everything else there too). Written
 * before vault.recovery, so a crash between them is finished at the next unlock.
 */
const PENDING_RECOVERY_KEY = 'pending_recovery_key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One vault folder and whether it is open. Holds the data key only while unlocked;
 * locking closes the database and overwrites the key bytes. Operations that open,
 * close or re-key run one at a time.
 *
 * Every operation that changes keys verifies first and writes last: the new key or
 * recovery file is written (atomically) only once the database has opened and
 * everything the answer needs has been read, so a refusal leaves every file as it was.
 */
export class VaultSession {
  readonly paths: VaultPaths;
  private unlocked: Unlocked | null = null;
  private readonly throttle: UnlockThrottle;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly now: () => number;
  private lastActivityAt: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: VaultSessionOptions) {
    this.paths = vaultPaths(options.folder);
    this.now = options.now ?? Date.now;
    this.throttle = new UnlockThrottle(this.paths.throttleFile, this.now);
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

  /**
   * What a worker thread needs to open its own connection to the open vault (issue 13):
   * the database file and a copy of the data key (the worker gets the copy and zeroes
   * it when done; the session's own key stays here). VAULT_LOCKED when locked.
   */
  connectionForWorker(): { databasePath: string; dataKey: Uint8Array } {
    const session = this.requireUnlocked();
    return { databasePath: session.db.name, dataKey: Uint8Array.from(session.dataKey) };
  }

  /** The open database; VAULT_LOCKED when there is none. */
  db(): VaultDb {
    if (!this.unlocked) throw new CoreError('VAULT_LOCKED');
    return this.unlocked.db;
  }

  async status(): Promise<VaultStatus> {
    if (!this.unlocked) this.finishInterrupted();
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
      await requireStrongEnough(passphrase);
      if ((await exists(this.paths.database)) || (await exists(this.paths.keyFile))) {
        throw new CoreError('VAULT_EXISTS');
      }
      await ensurePrivateFolder(this.paths.folder);
      const dataKey = randomBytes(32);
      const vaultId = randomUUID();
      const secret = newRecoverySecret();
      const recoveryKey = encodeRecoveryKey(secret);
      secret.fill(0);
      const keyFile = await wrapDataKey(dataKey, passphrase, vaultId);
      const db = await openVaultDatabase(this.paths.database, dataKey, {
        create: true,
        nativeBinding: this.options.nativeBinding,
      });
      try {
        db.transaction(() => {
          writeMeta(db, VAULT_ID, vaultId);
          writeMeta(db, RECOVERY_CONFIRMED, 'no');
          writeMeta(db, RECOVERY_SCHEME, 'wrapped');
          writeMeta(db, PENDING_RECOVERY_KEY, recoveryKey);
        })();
        writeRecoveryFile(this.paths.recoveryFile, wrapRecoveryKey(dataKey, recoveryKey, vaultId));
        // The key file comes last: a vault folder with a key file always has its database.
        writeKeyFile(this.paths.keyFile, keyFile);
        await restrictVaultFiles(this.paths.folder);
      } catch (error) {
        db.close();
        throw error;
      }
      this.becomeUnlocked({ db, dataKey, vaultId });
      return { recoveryKey };
    });
  }

  unlock(passphrase: string): Promise<SessionInfo> {
    return this.serialize(async () => {
      if (!this.unlocked) this.finishInterrupted();
      this.refuseWhileThrottled();
      const keyFile = await readKeyFile(this.paths.keyFile);
      const dataKey = await this.countingFailures('passphrase', 'unlock', () => unwrapDataKey(keyFile, passphrase));
      if (this.unlocked) {
        // Already open (a second window, a reload): the passphrase is still checked.
        dataKey.fill(0);
        this.throttle.recordSuccess();
        return this.sessionInfo();
      }
      const db = await this.openExisting(dataKey, 'NOT_A_VAULT').catch((error: unknown) => {
        dataKey.fill(0);
        throw error;
      });
      const info = this.readSessionInfoOrClose(db, dataKey);
      this.becomeUnlocked({ db, dataKey, vaultId: keyFile.vaultId });
      return info;
    });
  }

  /**
   * Opens the vault with the recovery key, which works even when the key file is lost
   * or damaged, and writes a new key file for the new passphrase: only once the
   * database has opened and the session has been read, so a refusal changes nothing.
   */
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<SessionInfo> {
    return this.serialize(async () => {
      if (!this.unlocked) this.finishInterrupted();
      await requireStrongEnough(newPassphrase, 'newPassphrase');
      this.refuseWhileThrottled();
      const decoded = decodeRecoveryKey(recoveryKey);
      if (!decoded.ok) throw new CoreError('RECOVERY_KEY_MALFORMED', decoded.reason, { field: 'recoveryKey' });
      const found = await this.countingFailures('recoveryKey', 'unlock', async () =>
        dataKeyForRecoveryKey(this.paths.recoveryFile, decoded.key),
      );
      const { dataKey } = found;
      const db = await this.countingFailures('recoveryKey', 'unlock', () =>
        this.openExisting(dataKey, 'WRONG_RECOVERY_KEY'),
      ).catch((error: unknown) => {
        dataKey.fill(0);
        // An old-style attempt because vault.recovery is damaged: say that, not "wrong key".
        if (error instanceof CoreError && error.code === 'WRONG_RECOVERY_KEY' && found.recoveryFile === 'damaged') {
          throw new CoreError('RECOVERY_FILE_DAMAGED');
        }
        throw error;
      });
      let vaultId: string;
      let info: SessionInfo;
      try {
        const stored = readMeta(db, VAULT_ID);
        vaultId = found.vaultId ?? (stored && UUID.test(stored) ? stored : randomUUID());
        info = this.readSessionInfoOrThrow(db);
        const keyFile = await wrapDataKey(dataKey, newPassphrase, vaultId);
        // Everything checked and computed: the first write.
        writeKeyFile(this.paths.keyFile, keyFile);
      } catch (error) {
        db.close();
        dataKey.fill(0);
        throw asDamaged(error);
      }
      await restrictVaultFiles(this.paths.folder).catch(() => undefined);
      this.lockNow('manual', false);
      this.becomeUnlocked({ db, dataKey, vaultId });
      return info;
    });
  }

  /** Re-wraps the data key for a new passphrase. The database is not touched. */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.serialize(async () => {
      const session = this.requireUnlocked();
      this.refuseWhileThrottled();
      await requireStrongEnough(newPassphrase, 'newPassphrase');
      const keyFile = await this.verifyCurrentPassphrase(session, currentPassphrase, 'changePassphrase');
      const next = await wrapDataKey(session.dataKey, newPassphrase, keyFile.vaultId);
      writeKeyFile(this.paths.keyFile, next);
      // The log entry and the new fingerprint together (see KEY_FILE_FINGERPRINT).
      this.audit(() =>
        session.db.transaction(() => {
          recordAudit(
            session.db,
            { action: 'passphrase.changed', entityType: 'vault', entityId: null, detail: {} },
            new Date(this.now()),
          );
          writeMeta(session.db, KEY_FILE_FINGERPRINT, fingerprintOf(keyFileText(next)));
        })(),
      );
    });
  }

  /**
   * Replaces the recovery key: the old one no longer opens the vault. On a vault made
   * before issue 11 the old recovery key is the data key itself, so this re-encrypts
   * the vault with a new data key as well (reencrypted: true).
   */
  newRecoveryKey(currentPassphrase: string): Promise<{ recoveryKey: string; reencrypted: boolean }> {
    return this.serialize(async () => {
      const session = this.requireUnlocked();
      this.refuseWhileThrottled();
      const keyFile = await this.verifyCurrentPassphrase(session, currentPassphrase, 'newRecoveryKey');
      if (readMeta(session.db, RECOVERY_SCHEME) !== 'wrapped') {
        return { recoveryKey: await this.reencryptNow(session, currentPassphrase, keyFile), reencrypted: true };
      }
      const recoveryKey = encodeRecoveryKey(newRecoverySecret());
      const file = wrapRecoveryKey(session.dataKey, recoveryKey, session.vaultId);
      const before = {
        pending: readMeta(session.db, PENDING_RECOVERY_KEY),
        confirmed: readMeta(session.db, RECOVERY_CONFIRMED),
      };
      // The pending key first (see PENDING_RECOVERY_KEY), then the file that makes it count.
      session.db.transaction(() => {
        writeMeta(session.db, PENDING_RECOVERY_KEY, recoveryKey);
        writeMeta(session.db, RECOVERY_CONFIRMED, 'no');
      })();
      try {
        writeRecoveryFile(this.paths.recoveryFile, file);
      } catch (error) {
        session.db.transaction(() => {
          if (before.pending === undefined) deleteMeta(session.db, PENDING_RECOVERY_KEY);
          else writeMeta(session.db, PENDING_RECOVERY_KEY, before.pending);
          writeMeta(session.db, RECOVERY_CONFIRMED, before.confirmed ?? 'no');
        })();
        throw error;
      }
      return { recoveryKey, reencrypted: false };
    });
  }

  /**
   * Re-encrypts the vault with a new data key and issues a new recovery key: afterwards
   * no older key file (from a backup or a lost laptop) and no older recovery key opens
   * it. The passphrase stays the same. See reencrypt.ts for the crash-safe swap.
   */
  reencrypt(currentPassphrase: string): Promise<{ recoveryKey: string }> {
    return this.serialize(async () => {
      const session = this.requireUnlocked();
      this.refuseWhileThrottled();
      const keyFile = await this.verifyCurrentPassphrase(session, currentPassphrase, 'reencrypt');
      return { recoveryKey: await this.reencryptNow(session, currentPassphrase, keyFile) };
    });
  }

  private async reencryptNow(session: Unlocked, passphrase: string, keyFile: KeyFile): Promise<string> {
    const newKey = randomBytes(32);
    const vaultId = keyFile.vaultId;
    const recoveryKey = encodeRecoveryKey(newRecoverySecret());
    // The slow part (scrypt) before the copy: from the copy to the swap nothing awaits,
    // so no request can write to the old vault after it was copied.
    const newKeyFileText = keyFileText(await wrapDataKey(newKey, passphrase, vaultId));
    const newRecoveryText = recoveryFileText(wrapRecoveryKey(newKey, recoveryKey, vaultId));
    if (this.unlocked !== session) throw new CoreError('VAULT_LOCKED');
    try {
      prepareReencryptedCopy({
        paths: this.paths,
        live: session.db,
        oldKey: session.dataKey,
        newKey,
        keyFileText: newKeyFileText,
        recoveryFileText: newRecoveryText,
        meta: {
          [VAULT_ID]: vaultId,
          [RECOVERY_SCHEME]: 'wrapped',
          [PENDING_RECOVERY_KEY]: recoveryKey,
          [RECOVERY_CONFIRMED]: 'no',
          [KEY_FILE_FINGERPRINT]: fingerprintOf(newKeyFileText),
        },
        nativeBinding: this.options.nativeBinding,
      });
    } catch (error) {
      newKey.fill(0);
      throw error;
    }
    this.lockNow('reencrypt', false);
    try {
      commitReencryption(this.paths, new Date(this.now()));
      const db = await this.openExisting(newKey, 'NOT_A_VAULT');
      this.becomeUnlocked({ db, dataKey: newKey, vaultId });
    } catch (error) {
      // The swap goes forward at the next start; the passphrase opens the vault either way.
      newKey.fill(0);
      this.emit({ type: 'locked', reason: 'manual' });
      throw error;
    }
    return recoveryKey;
  }

  /** Checks the current passphrase against vault.key (throttled, failures logged). */
  private async verifyCurrentPassphrase(session: Unlocked, passphrase: string, place: AttemptPlace): Promise<KeyFile> {
    const keyFile = await readKeyFile(this.paths.keyFile);
    const current = await this.countingFailures('passphrase', place, () => unwrapDataKey(keyFile, passphrase)).catch(
      (error: unknown) => {
        if (error instanceof CoreError && error.code === 'WRONG_PASSPHRASE') {
          throw new CoreError('WRONG_PASSPHRASE', 'The current passphrase is not correct.', {
            field: 'currentPassphrase',
          });
        }
        throw error;
      },
    );
    try {
      if (!timingSafeEqual(current, session.dataKey)) throw new CoreError('NOT_A_VAULT');
    } finally {
      current.fill(0);
    }
    this.throttle.recordSuccess();
    return keyFile;
  }

  /**
   * Checks a passphrase or recovery key somewhere other than the vault itself (a
   * backup, a set-aside vault): the same throttle, and failures logged the same way.
   */
  checkSecret<T>(method: AttemptMethod, place: AttemptPlace, check: () => Promise<T>): Promise<T> {
    this.refuseWhileThrottled();
    return this.countingFailures(method, place, check);
  }

  /** The recovery key, only until the therapist has confirmed writing it down. */
  recoveryKey(): string {
    const session = this.requireUnlocked();
    if (readMeta(session.db, RECOVERY_CONFIRMED) === 'yes') {
      throw new CoreError('NOT_FOUND', 'The recovery key was already confirmed and is not shown again.');
    }
    return this.recoveryKeyToConfirm(session);
  }

  private recoveryKeyToConfirm(session: Unlocked): string {
    // A vault made before issue 11 shows its data key, which was its recovery key.
    return readMeta(session.db, PENDING_RECOVERY_KEY) ?? encodeRecoveryKey(session.dataKey);
  }

  confirmRecoveryKey(answers: { group: number; value: string }[]): boolean {
    const session = this.requireUnlocked();
    const groups = this.recoveryKeyToConfirm(session).split('-');
    const distinct = new Set(answers.map((answer) => answer.group)).size === answers.length;
    const allMatch = answers.every((answer) => canonicalRecoverySymbols(answer.value) === groups[answer.group - 1]);
    const confirmed = distinct && allMatch;
    if (confirmed) {
      session.db.transaction(() => {
        writeMeta(session.db, RECOVERY_CONFIRMED, 'yes');
        deleteMeta(session.db, PENDING_RECOVERY_KEY);
      })();
    }
    return confirmed;
  }

  /** Whether the recovery key can be replaced alone, or needs a re-encryption (older vaults). */
  recoveryScheme(): 'wrapped' | 'dataKey' {
    return readMeta(this.db(), RECOVERY_SCHEME) === 'wrapped' ? 'wrapped' : 'dataKey';
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

  private lockNow(reason: LockReason | 'reencrypt', announce: boolean): void {
    const session = this.unlocked;
    if (!session) return;
    this.unlocked = null;
    if (session.autoLockTimer) clearTimeout(session.autoLockTimer);
    // The lock goes into the log while the database is still open. A failed write
    // never stops the lock.
    if (announce && reason !== 'reencrypt') {
      this.audit(() => recordAudit(session.db, lockEvent(reason), new Date(this.now())));
    }
    try {
      session.db.close();
    } finally {
      session.dataKey.fill(0);
    }
    if (announce && reason !== 'reencrypt') this.emit({ type: 'locked', reason });
  }

  /** Runs before the idle lock (the core asks the window to save first); never blocks it for long. */
  beforeIdleLock: () => Promise<unknown> = () => Promise.resolve();

  private async lockWhenIdle(session: Unlocked): Promise<void> {
    await this.beforeIdleLock().catch(() => undefined);
    if (this.unlocked === session) await this.lock('idle');
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
      if (idleFor >= limitMs) void this.lockWhenIdle(session);
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
    // Failures made while locked (kept in vault.throttle, so across restarts) go into
    // the log with their own times, before the 'unlock' event dispatch appends.
    const failures = this.throttle.unlogged();
    if (failures.length > 0) {
      this.audit(() =>
        session.db.transaction(() => {
          for (const failure of failures) recordAudit(session.db, failedUnlockEvent(failure), new Date(failure.at));
        })(),
      );
    }
    this.throttle.recordSuccess();
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
    this.audit(() => this.finishPendingRecoveryKey(session));
    this.unlocked = session;
    this.touch();
    this.scheduleAutoLock();
    this.emit({ type: 'unlocked' });
  }

  /**
   * A new recovery key whose vault.recovery was not written (a crash in between): the
   * file is written now, so the key the therapist is about to be shown really works.
   */
  private finishPendingRecoveryKey(session: Unlocked): void {
    const pending = readMeta(session.db, PENDING_RECOVERY_KEY);
    if (pending === undefined || readMeta(session.db, RECOVERY_SCHEME) !== 'wrapped') return;
    const decoded = decodeRecoveryKey(pending);
    if (!decoded.ok) return;
    const read = readRecoveryFile(this.paths.recoveryFile);
    if (read.state === 'ok') {
      try {
        unwrapWithRecoverySecret(read.file, decoded.key).fill(0);
        return;
      } catch {
        // the file holds another key: write the pending one below
      }
    }
    writeRecoveryFile(this.paths.recoveryFile, wrapRecoveryKey(session.dataKey, pending, session.vaultId));
  }

  private keyFileFingerprint(): string {
    return fingerprintOf(readFileSync(this.paths.keyFile));
  }

  private sessionInfo(): SessionInfo {
    return this.readSessionInfoOrThrow(this.requireUnlocked().db);
  }

  /** What the window needs at unlock; a database that cannot answer is damaged. */
  private readSessionInfoOrThrow(db: VaultDb): SessionInfo {
    try {
      return { recoveryKeyConfirmed: readMeta(db, RECOVERY_CONFIRMED) === 'yes', settings: readSettings(db) };
    } catch (error) {
      throw asDamaged(error);
    }
  }

  /** The session, or the database closed and the key wiped before the error goes on. */
  private readSessionInfoOrClose(db: VaultDb, dataKey: Buffer): SessionInfo {
    try {
      return this.readSessionInfoOrThrow(db);
    } catch (error) {
      db.close();
      dataKey.fill(0);
      throw error;
    }
  }

  /** Runs a check of a secret; a wrong one counts against the throttle and is logged. */
  private async countingFailures<T>(method: AttemptMethod, place: AttemptPlace, check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (error) {
      if (error instanceof CoreError && (error.code === 'WRONG_PASSPHRASE' || error.code === 'WRONG_RECOVERY_KEY')) {
        this.recordFailedAttempt(method, place);
      }
      throw error;
    }
  }

  private recordFailedAttempt(method: AttemptMethod, place: AttemptPlace): void {
    // While unlocked (a second window, the current passphrase in Settings) it is logged
    // at once; while locked it waits in vault.throttle for the next unlock.
    const session = this.unlocked;
    const attempt = this.throttle.recordFailure(method, place, session === null);
    if (session) this.audit(() => recordAudit(session.db, failedUnlockEvent(attempt), new Date(attempt.at)));
  }

  /** An interrupted re-encryption is finished (or its leftovers removed) before anything reads the files. */
  private finishInterrupted(): void {
    try {
      finishInterruptedReencryption(this.paths);
    } catch (error) {
      console.error(
        `VaultSession.finishInterrupted: could not finish (${(error as NodeJS.ErrnoException)?.code ?? 'unknown'})`,
      );
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

function wrapRecoveryKey(dataKey: Buffer, recoveryKey: string, vaultId: string): RecoveryFile {
  const decoded = decodeRecoveryKey(recoveryKey);
  if (!decoded.ok || decoded.key.length !== RECOVERY_KEY_BYTES) throw new CoreError('INTERNAL');
  return wrapWithRecoverySecret(dataKey, decoded.key, vaultId);
}

/** An SQLite error while reading an open vault means it is damaged (said as such, not "something went wrong"). */
function asDamaged(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof CoreError || typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  console.error(`VaultSession: the open vault could not be read (${code})`);
  return new CoreError('DATABASE_DAMAGED');
}

function fingerprintOf(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function deleteMeta(db: VaultDb, key: string): void {
  db.prepare('DELETE FROM vault_meta WHERE key = ?').run(key);
}

function lockEvent(reason: LockReason) {
  return { action: 'lock', entityType: 'vault', entityId: null, detail: { reason } } as const;
}

function failedUnlockEvent(failure: FailedAttempt) {
  return {
    action: 'unlock.failed',
    entityType: 'vault',
    entityId: null,
    detail: { method: failure.method, place: failure.place },
  } as const;
}

/** The core refuses what the screen refuses: the same length rule and strength estimate. */
async function requireStrongEnough(passphrase: string, field = 'passphrase'): Promise<void> {
  const refusal = await newPassphraseRefusal(passphrase);
  if (!refusal) return;
  throw new CoreError(refusal.kind === 'tooShort' ? 'PASSPHRASE_TOO_SHORT' : 'PASSPHRASE_TOO_WEAK', refusal.message, {
    field,
  });
}
