import type { Core } from '../../../electron/core/core';
import { folderDisplayName } from '../../../electron/core/files/chosenFiles';
import type { Envelope } from '../../../shared/ipc/envelope';

/**
 * What Electron's folder dialog and the core do when the therapist chooses where backups
 * go (issue 13): the adapter registers the chosen folder for a token, and the page sends
 * only the token. Shown as fileChooser.ts shows it. `create`: the therapist agreed to create a folder that is not there.
 */
export async function chooseBackupFolder(core: Core, folder: string, create = false): Promise<Envelope<unknown>> {
  const { token } = core.files.register('backup-folder', folder, { displayName: folderDisplayName(folder) });
  return core.handle('settings:setBackupFolder', { folder: token, ...(create ? { create: true } : {}) });
}

/** A folder chosen to restore from, as its token for backup:list. */
export function restoreFolderToken(core: Core, folder: string): string {
  return core.files.register('restore-folder', folder, { displayName: folderDisplayName(folder) }).token;
}
