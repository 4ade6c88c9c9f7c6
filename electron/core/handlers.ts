import type { Channel } from '../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../shared/ipc/contract';
import { createClient, getClient, listClients, setClientStatus, updateClient } from './clients/clientRepository';
import { asStorageError } from './coreError';
import { writeSettings } from './settings/settingsRepository';
import type { VaultSession } from './vault/vaultSession';

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

/** The core's whole surface, served alike by Electron's main process and the web harness. */
export function createHandlers(vault: VaultSession): HandlerTable {
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
    'session:touch': () => {
      vault.touch();
      return null;
    },
    'settings:get': () => vault.settings(),
    'settings:update': (settings) => {
      const saved = saving(() => writeSettings(vault.db(), settings));
      vault.scheduleAutoLock();
      return saved;
    },
    'clients:list': ({ includeArchived }) => listClients(vault.db(), { includeArchived }),
    'clients:get': ({ id }) => getClient(vault.db(), id),
    'clients:create': ({ client }) => saving(() => createClient(vault.db(), client)),
    'clients:update': ({ id, client }) => saving(() => updateClient(vault.db(), id, client)),
    'clients:archive': ({ id }) => saving(() => setClientStatus(vault.db(), id, 'archived')),
    'clients:restore': ({ id }) => saving(() => setClientStatus(vault.db(), id, 'active')),
  };
}
