import { basename, dirname, join } from 'node:path';
import type { Client } from '../../shared/clients/client';
import { errorMessages } from '../../shared/errors';
import type { Channel } from '../../shared/ipc/channels';
import type { AuditChainState, ResponseOf, SessionInfo, ValidRequestOf } from '../../shared/ipc/contract';
import { builtInTemplates } from '../../shared/templates';
import { newPassphraseRefusal } from '../../shared/vault/passphraseStrength';
import { auditCsv, checkAuditChain, listAudit } from './audit/auditLog';
import {
  backUpNow,
  backupStatus,
  infoOf,
  listBackupInfos,
  rememberBackupFolder,
  rememberedBackupFolder,
} from './backup/backupService';
import { prepareChosenBackupFolder } from './backup/folderCheck';
import {
  afterSwapError,
  backupDataKey,
  bringBack,
  listSetAside,
  prepareRestore,
  readBackupSummary,
  requireIntactBackup,
} from './backup/restoreBackup';
import {
  createClient,
  getClient,
  listClients,
  setClientStatus,
  setDefaultTemplate,
  updateClient,
} from './clients/clientRepository';
import { asStorageError, CoreError, storageErrorCode } from './coreError';
import type { VaultDb } from './db/database';
import { applyArchive, readArchive } from './export';
import { type ChosenFile, ChosenFiles, toldByName } from './files/chosenFiles';
import { exportDamagedRecord, removeDamagedRecord, scanDataHealth } from './health/dataHealth';
import {
  assignHomework,
  listHomework,
  listWorksheets,
  reviewHomework,
  saveCustomWorksheet,
} from './homework/homeworkService';
import {
  addIntakeEntry,
  clientIntake,
  markIntakeReviewed,
  recordCautionAction,
  setIntakeContext,
  updateIntakeEntry,
} from './intake/intakeService';
import { listAdministrations, recordAdministration } from './measures/measureService';
import {
  customTemplates,
  findRevision,
  listNotesForClient,
  listRevisions,
  overdueDrafts,
} from './notes/noteRepository';
import {
  addAddendum,
  createNote,
  findTemplate,
  loadNote,
  restoreRevision,
  saveDraft,
  signNote,
} from './notes/noteService';
import { riskSummary } from './notes/riskSummary';
import { newBackupRuns, OneRunAtATime } from './oneRunAtATime';
import { getSafetyPlan, getSafetyPlanVersion, saveSafetyPlan } from './safetyPlan/safetyPlanService';
import { indexClient, search } from './search/searchIndex';
import type { SaveBeforeClose } from './session/saveBeforeClose';
import { readSettings, writeSettings } from './settings/settingsRepository';
import {
  addDistortion,
  deleteCustomTemplate,
  listDistortions,
  saveCustomTemplate,
} from './templates/templateRepository';
import { readKeyFile, unwrapDataKey } from './vault/keyFile';
import type { VaultSession } from './vault/vaultSession';
import { runInWorker } from './worker/runInWorker';

const DAY_MS = 24 * 60 * 60 * 1000;

export type Handler<C extends Channel> = (request: ValidRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
/** One handler per channel: a channel without one fails the type-check. */
export type HandlerTable = { [C in Channel]: Handler<C> };

/** Writes that fail for lack of space or permission become DISK_FULL / READ_ONLY. */
function saving<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asStorageError(error);
  }
}

function methodOf(secret: { passphrase: string } | { recoveryKey: string }): 'passphrase' | 'recoveryKey' {
  return 'passphrase' in secret ? 'passphrase' : 'recoveryKey';
}

/** The therapist-facing text of a failure, as dispatch would put it in the envelope. */
function noticeOf(error: unknown): string {
  if (error instanceof CoreError) return error.message === error.code ? errorMessages[error.code] : error.message;
  const storage = storageErrorCode(error);
  return errorMessages[storage ?? 'INTERNAL'];
}

/**
 * A refusal about the written or read file, told at the request's token field and naming
 * the file by name, not by its full path (the page never holds paths, issue 13).
 */
function aboutChosen(error: unknown, chosen: ChosenFile, field: 'target' | 'source'): unknown {
  if (!(error instanceof CoreError)) return error;
  const details = error.details.field === 'path' ? { ...error.details, field } : error.details;
  return new CoreError(error.code, toldByName(error.message, chosen), details);
}

/** A client write and its search-index entry, in one transaction. */
function withClientIndex(db: VaultDb, write: () => Client): Client {
  return db.transaction(() => {
    const client = write();
    indexClient(db, client);
    return client;
  })();
}

/** The core's whole surface, served alike by Electron's main process and the web harness. */
export function createHandlers(
  vault: VaultSession,
  now: () => Date = () => new Date(),
  options: {
    nativeBinding?: string | undefined;
    saves?: SaveBeforeClose;
    files?: ChosenFiles;
    backupRuns?: OneRunAtATime;
  } = {},
): HandlerTable {
  const { nativeBinding, saves } = options;
  const backupRuns = options.backupRuns ?? newBackupRuns();
  const transfers = new OneRunAtATime();
  const files = options.files ?? new ChosenFiles(() => now().getTime());
  // The activity log's chain is checked at every unlock; the result is kept until the lock.
  let auditChain: AuditChainState | null = null;
  vault.onEvent((event) => {
    if (event.type === 'locked') {
      auditChain = null;
      // An export runs on its own connection: a lock stops it, so nothing is read after it.
      transfers.cancel();
    }
    if (event.type !== 'unlocked') return;
    try {
      auditChain = checkAuditChain(vault.db(), now());
    } catch (error) {
      // Never in the way of an unlock: audit:verify runs it again and reports what fails.
      auditChain = null;
      console.error(`audit chain check at unlock failed (${(error as Error)?.name ?? 'unknown'})`);
    }
  });
  /**
   * Where a backup to open or restore is (issue 13): by its listed name, in the folder
   * chosen to restore from, or else in the backup folder of Settings (remembered next to
   * the vault while locked). The page never names a path; the name cannot leave the folder.
   */
  const backupPathOf = (id: string, folder: string | undefined): string => {
    const where =
      folder !== undefined
        ? files.resolve('restore-folder', folder, 'folder').path
        : vault.isUnlocked
          ? vault.settings().backupFolder
          : rememberedBackupFolder(vault.paths.folder);
    if (where === '') throw new CoreError('NO_BACKUP_FOLDER');
    return join(where, id);
  };
  // One export or import at a time, cancellable.
  const runTransfer = <T>(
    kind: 'export' | 'import',
    task: (signal: AbortSignal, onProgress: (fraction: number) => void) => Promise<T>,
  ): Promise<T> =>
    transfers.run(async (signal) => {
      try {
        return await task(signal, (fraction) => vault.announce({ type: 'transfer', kind, fraction }));
      } catch (error) {
        if (signal.aborted) throw new CoreError('CANCELLED');
        throw asStorageError(error);
      }
    });
  /**
   * Restore and bring-back: lock (reason 'restore', which the window rides out), swap the
   * vault files, unlock the vault now in place. If anything after the lock fails, the
   * windows are told the vault is locked, so the therapist lands on the unlock screen
   * (with the error) rather than on a screen whose every request would fail.
   */
  const swapVault = async (
    what: 'restore' | 'bringBack',
    move: () => Promise<string | null> | string | null,
    unlock: () => Promise<SessionInfo>,
  ): Promise<{ session: SessionInfo; setAsidePath: string | null }> => {
    if (vault.isUnlocked) await vault.lock('restore');
    let setAsidePath: string | null;
    // The window that asked is replaced by the unlock screen on 'locked', so the reason
    // travels with the event too: the answer to the request would reach no one.
    try {
      setAsidePath = await move();
    } catch (error) {
      const refused = asStorageError(error);
      vault.announce({ type: 'locked', reason: 'manual', notice: noticeOf(refused) });
      throw refused;
    }
    try {
      return { session: await unlock(), setAsidePath };
    } catch (error) {
      const failed = afterSwapError(error, setAsidePath, what);
      vault.announce({ type: 'locked', reason: 'manual', notice: noticeOf(failed) });
      throw failed;
    }
  };
  return {
    'vault:status': () => vault.status(),
    'vault:create': ({ passphrase }) =>
      vault.create(passphrase).catch((error) => Promise.reject(asStorageError(error))),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:unlockWithRecoveryKey': ({ recoveryKey, newPassphrase }) =>
      vault.unlockWithRecoveryKey(recoveryKey, newPassphrase).catch((error) => Promise.reject(asStorageError(error))),
    'vault:lock': async () => {
      await vault.lock('manual');
      return null;
    },
    'vault:changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase).catch((error) => {
        throw asStorageError(error);
      });
      return null;
    },
    'vault:recoveryKey': () => ({ recoveryKey: vault.recoveryKey() }),
    'vault:confirmRecoveryKey': ({ answers }) => ({ confirmed: saving(() => vault.confirmRecoveryKey(answers)) }),
    'vault:security': () => ({ recoveryKeyKind: vault.recoveryScheme() }),
    'vault:newRecoveryKey': ({ currentPassphrase }) =>
      vault.newRecoveryKey(currentPassphrase).catch((error) => Promise.reject(asStorageError(error))),
    'vault:reencrypt': ({ currentPassphrase }) => {
      // The copy is taken from the open vault: an export reading it meanwhile would break.
      if (transfers.running) throw new CoreError('BUSY');
      return vault.reencrypt(currentPassphrase).catch((error) => Promise.reject(asStorageError(error)));
    },
    'session:touch': () => {
      vault.touch();
      return null;
    },
    'session:saved': ({ id, complete }) => ({ expected: saves?.answer(id, complete) ?? false }),
    'settings:get': () => vault.settings(),
    'settings:update': (settings) => {
      const saved = saving(() => writeSettings(vault.db(), settings));
      vault.scheduleAutoLock();
      return saved;
    },
    // The folder comes from the system's dialog, as a token (issue 13); it must be usable
    // now (issue 12), and a missing one is created only when the therapist said so.
    'settings:setBackupFolder': ({ folder, create }) => {
      vault.db();
      const chosen = folder === null ? null : files.resolve('backup-folder', folder, 'folder');
      if (chosen) prepareChosenBackupFolder(chosen.path, chosen.displayName, create === true);
      const saved = saving(() => writeSettings(vault.db(), { backupFolder: chosen?.path ?? '' }));
      // Also kept next to the vault, for restoring from the unlock screen.
      saving(() => rememberBackupFolder(vault.paths.folder, saved.backupFolder));
      if (folder !== null) files.forget(folder);
      return saved;
    },
    'clients:list': ({ includeArchived }) => listClients(vault.db(), { includeArchived }),
    'clients:get': ({ id }) => getClient(vault.db(), id),
    'clients:riskSummary': ({ clientId }) => riskSummary(vault.db(), clientId),
    'clients:create': ({ client }) => saving(() => withClientIndex(vault.db(), () => createClient(vault.db(), client))),
    'clients:update': ({ id, client }) =>
      saving(() => withClientIndex(vault.db(), () => updateClient(vault.db(), id, client))),
    'clients:archive': ({ id }) => saving(() => setClientStatus(vault.db(), id, 'archived')),
    'clients:restore': ({ id }) => saving(() => setClientStatus(vault.db(), id, 'active')),
    'templates:list': () => [...builtInTemplates, ...customTemplates(vault.db())],
    'notes:listForClient': ({ clientId }) => listNotesForClient(vault.db(), clientId),
    'notes:create': (request) => saving(() => createNote(vault.db(), request, now())),
    'notes:get': ({ id }) => loadNote(vault.db(), id),
    'notes:saveDraft': ({ id, changes }) => saving(() => saveDraft(vault.db(), id, changes, now())),
    'notes:sign': ({ id, reason }) => saving(() => signNote(vault.db(), id, now(), reason)),
    'notes:addAddendum': ({ id, text }) => saving(() => addAddendum(vault.db(), id, text, now())),
    'notes:revisions': ({ id }) => {
      loadNote(vault.db(), id);
      return listRevisions(vault.db(), id);
    },
    'notes:revision': ({ id, revisionId }) => findRevision(vault.db(), id, revisionId),
    'notes:restoreRevision': ({ id, revisionId }) => saving(() => restoreRevision(vault.db(), id, revisionId, now())),
    // Days as the therapist counts them: 24-hour steps back from now.
    'notes:overdueDrafts': () => {
      const days = readSettings(vault.db()).draftReminderDays;
      return overdueDrafts(vault.db(), new Date(now().getTime() - days * DAY_MS).toISOString());
    },
    'search:query': ({ query, clientId, from, to }) => search(vault.db(), query, { clientId, from, to }),
    'templates:save': ({ template }) => saving(() => saveCustomTemplate(vault.db(), template, now())),
    'templates:delete': ({ id }) => {
      saving(() => deleteCustomTemplate(vault.db(), id, now()));
      return null;
    },
    'distortions:list': () => listDistortions(vault.db()),
    'distortions:add': ({ label }) => saving(() => addDistortion(vault.db(), label, now())),
    'worksheets:list': () => listWorksheets(vault.db()),
    'worksheets:save': ({ worksheet }) => saving(() => saveCustomWorksheet(vault.db(), worksheet, now())),
    'homework:assign': ({ assignment }) => saving(() => assignHomework(vault.db(), assignment, now())),
    'homework:listForClient': ({ clientId }) => listHomework(vault.db(), clientId),
    'homework:review': (review) => saving(() => reviewHomework(vault.db(), review, now())),
    'intake:listForClient': ({ clientId }) => clientIntake(vault.db(), clientId),
    'intake:add': (request) => saving(() => addIntakeEntry(vault.db(), request, now())),
    'intake:update': (request) => saving(() => updateIntakeEntry(vault.db(), request, now())),
    'intake:setContext': ({ clientId, context }) =>
      saving(() => setIntakeContext(vault.db(), clientId, context, now())),
    'intake:markReviewed': ({ clientId, noteId }) =>
      saving(() => markIntakeReviewed(vault.db(), clientId, noteId, now())),
    'cautions:recordAction': (input) => saving(() => recordCautionAction(vault.db(), input, now())),
    'measures:record': ({ administration }) => saving(() => recordAdministration(vault.db(), administration, now())),
    'measures:listForClient': ({ clientId }) => listAdministrations(vault.db(), clientId),
    'safetyPlan:get': ({ clientId }) => getSafetyPlan(vault.db(), clientId),
    'safetyPlan:save': (request) => saving(() => saveSafetyPlan(vault.db(), request, now())),
    'safetyPlan:version': ({ clientId, id }) => getSafetyPlanVersion(vault.db(), clientId, id),
    'backup:status': () => backupStatus(vault, now()),
    'backup:now': () =>
      backupRuns
        .run((signal) =>
          backUpNow(vault, {
            now,
            nativeBinding,
            signal,
            onProgress: (fraction, stage) => vault.announce({ type: 'backup', fraction, stage }),
          }),
        )
        .then(
          (made) => {
            if (!made) throw new CoreError('INTERNAL');
            return made;
          },
          (error) => {
            // BUSY: another backup is running, and its progress is still true.
            if (error instanceof CoreError && error.code === 'BUSY') throw error;
            const cancelled = error instanceof CoreError && error.code === 'CANCELLED';
            vault.announce({ type: 'backup', fraction: 0, stage: cancelled ? 'cancelled' : 'failed' });
            throw asStorageError(error);
          },
        ),
    'backup:cancel': () => ({ cancelled: backupRuns.cancel() }),
    'backup:list': async ({ folder }) => {
      if (folder === undefined) return listBackupInfos(vault, undefined, nativeBinding);
      const chosen = files.resolve('restore-folder', folder, 'folder');
      return listBackupInfos(vault, chosen.path, nativeBinding).catch((error: unknown) => {
        if (!(error instanceof CoreError)) throw error;
        throw new CoreError(error.code, toldByName(error.message, chosen), { ...error.details, field: 'folder' });
      });
    },
    'backup:summary': async ({ id, folder, secret }) => {
      const path = backupPathOf(id, folder);
      // Throttled and logged like an unlock: a backup's key file is another door to the same records.
      const { backup, summary } = await vault.checkSecret(methodOf(secret), 'backup', () =>
        readBackupSummary(path, secret, { nativeBinding }),
      );
      return { backup: { ...infoOf(backup), summary }, summary };
    },
    'backup:restore': async ({ id, folder, secret, newPassphrase }) => {
      if ('recoveryKey' in secret && newPassphrase === undefined) {
        throw new CoreError('INVALID_REQUEST', 'Choose a new passphrase to go with the recovery key.', {
          field: 'newPassphrase',
        });
      }
      // The same rule as every new passphrase, checked before anything moves.
      const weak = newPassphrase === undefined ? null : await newPassphraseRefusal(newPassphrase);
      if (weak) {
        const code = weak.kind === 'tooShort' ? 'PASSPHRASE_TOO_SHORT' : 'PASSPHRASE_TOO_WEAK';
        throw new CoreError(code, weak.message, { field: 'newPassphrase' });
      }
      const path = backupPathOf(id, folder);
      await requireIntactBackup(path);
      // The passphrase or recovery key is checked against the backup's own key file first.
      const dataKey = await vault.checkSecret(methodOf(secret), 'backup', () => backupDataKey(path, secret));
      try {
        const via = 'passphrase' in secret ? 'passphrase' : 'recoveryKey';
        // Copied beside the vault and verified in full while it stays open: a refusal changes nothing.
        // An older backup's recovery key is its data key: only opening the copy tells it is wrong (counted too).
        const prepared = await vault.checkSecret(via, 'backup', () =>
          prepareRestore(vault.paths.folder, path, { dataKey, via, nativeBinding }),
        );
        return await swapVault(
          'restore',
          () => prepared.swap(now()),
          () =>
            'passphrase' in secret
              ? vault.unlock(secret.passphrase)
              : vault.unlockWithRecoveryKey(secret.recoveryKey, newPassphrase ?? ''),
        ).catch((error: unknown) => {
          prepared.discard();
          throw error;
        });
      } finally {
        dataKey.fill(0);
      }
    },
    'backup:setAside': () => listSetAside(vault.paths.folder),
    'backup:bringBack': async ({ path, passphrase }) => {
      if (dirname(path) !== vault.paths.folder || !basename(path).startsWith('set-aside-')) {
        throw new CoreError('INVALID_REQUEST', 'That is not a vault set aside by a restore.', { field: 'path' });
      }
      // The passphrase is checked against the set-aside key file before anything moves.
      const keyFile = await readKeyFile(join(path, 'vault.key'));
      (await vault.checkSecret('passphrase', 'setAside', () => unwrapDataKey(keyFile, passphrase))).fill(0);
      return swapVault(
        'bringBack',
        () => bringBack(vault.paths.folder, path, now()),
        () => vault.unlock(passphrase),
      );
    },
    // The target is taken (single use) only once the vault is known to be open, and an
    // export without a passphrase must go where the save dialog said "not encrypted".
    'export:vault': ({ target, passphrase }) =>
      runTransfer('export', async (signal, onProgress) => {
        vault.db();
        const chosen = files.resolve('export-target', target, 'target', { once: true });
        if (chosen.encrypted !== undefined && chosen.encrypted !== (passphrase !== undefined)) {
          throw new CoreError(
            'INVALID_REQUEST',
            passphrase === undefined
              ? 'That place was chosen for a sealed export. Choose it again for an export that is not encrypted. Nothing was written.'
              : 'That place was chosen for an export that is not encrypted. Choose it again for a sealed export. Nothing was written.',
            { field: 'target' },
          );
        }
        // Read and written by a worker thread with its own connection (issue 13): the
        // window's autosaves go on meanwhile.
        const result = await runInWorker(
          'exportVault',
          {
            ...vault.connectionForWorker(),
            target: chosen.path,
            passphrase,
            exportedAt: now().toISOString(),
            // Only a file the save dialog asked about may be replaced (never a folder).
            replace: chosen.replace === true,
            nativeBinding,
          },
          { signal, onProgress },
        ).catch((error: unknown) => {
          throw aboutChosen(error, chosen, 'target');
        });
        const { path: _written, ...rest } = result;
        return { ...rest, displayName: chosen.displayName };
      }),
    'export:cancel': () => ({ cancelled: transfers.cancel() }),
    // The file is read and checked outside the vault's queue (readArchive is bounded and
    // never blocks on the source), so a lock never waits behind a slow or hostile file.
    'import:plan': async ({ source, passphrase }) => {
      vault.db();
      const chosen = files.resolve('import-source', source, 'source');
      // Read, unsealed, checked and compared in a worker thread with its own connection
      // (issue 13): a large file never holds up the window's saves.
      return runInWorker('planImport', {
        ...vault.connectionForWorker(),
        source: chosen.path,
        passphrase,
        now: now().toISOString(),
        nativeBinding,
      }).then(
        (report) => {
          // A lock while it ran: the answer is not for a locked window.
          vault.db();
          return report;
        },
        (error: unknown) => {
          throw aboutChosen(error, chosen, 'source');
        },
      );
    },
    'import:apply': ({ source, passphrase, settings }) =>
      runTransfer('import', async (signal, onProgress) => {
        vault.db();
        const chosen = files.resolve('import-source', source, 'source');
        onProgress(0);
        const archive = await readArchive(chosen.path, passphrase).catch((error: unknown) => {
          throw aboutChosen(error, chosen, 'source');
        });
        signal.throwIfAborted();
        const report = await vault.withUnlocked((db) =>
          applyArchive(db, archive, { settings, signal, onProgress, now }),
        );
        // Imported: the choice has done its work (a failed import can be tried again).
        files.forget(source);
        return report;
      }),
    'clients:setDefaultTemplate': ({ id, templateId }) => {
      if (templateId !== null) findTemplate(vault.db(), templateId);
      return saving(() => setDefaultTemplate(vault.db(), id, templateId, now()));
    },
    'audit:list': (request) => listAudit(vault.db(), request),
    'audit:verify': ({ again }) => {
      const db = vault.db();
      if (again || auditChain === null) auditChain = checkAuditChain(db, now());
      return auditChain;
    },
    'audit:export': () => auditCsv(vault.db()),
    'health:scan': ({ tables, clientId }) => scanDataHealth(vault.db(), tables, clientId),
    'health:exportRaw': ({ table, rowid }) => exportDamagedRecord(vault.db(), table, rowid),
    'health:remove': (request) => saving(() => removeDamagedRecord(vault.db(), request, now())),
    // Nothing to do but check: dispatch appends the print event once this succeeds.
    'audit:recordPrint': ({ clientId }) => {
      if (clientId !== null) getClient(vault.db(), clientId);
      else vault.db();
      return null;
    },
  };
}
