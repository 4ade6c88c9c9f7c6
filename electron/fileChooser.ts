import { basename, extname } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { localToday } from '../shared/dates';
import { exportFileName, type ShellChannel, type ShellResponseOf, shellContract } from '../shared/ipc/shellChannels';
import { type ChosenFiles, folderDisplayName } from './core/files/chosenFiles';

/**
 * The user chooses every location in the system's own dialogs (issue 13): this plain
 * module turns a dialog's answer into a token from the core's registry, so the page
 * never sends or sees a path. Electron's dialog functions come in from main.ts (bound to
 * the asking window); under Node the tests give the same shape.
 */
export type Dialogs = {
  save(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  open(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
};

const EXPORT_FILTERS = [
  { name: 'Sessionkeep export', extensions: ['skexport', 'zip'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * A path whose name says "not-encrypted", added before the extension when the user
 * renamed it away in the dialog: an open export always warns by its name.
 */
export function labelledNotEncrypted(path: string): string {
  if (/not[-_ ]?encrypted/i.test(basename(path))) return path;
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}-not-encrypted${extension}`;
}

/** One answer per shell channel, of that channel's own response type. */
export type ShellHandlers<Cs extends ShellChannel = ShellChannel> = {
  [C in Cs]: (payload: unknown) => Promise<ShellResponseOf<C>>;
};
export type FileChooser = ShellHandlers<
  'files:chooseExportTarget' | 'files:chooseImportSource' | 'files:chooseBackupFolder'
>;

export function createFileChooser(
  files: ChosenFiles,
  dialogs: Dialogs,
  now: () => Date = () => new Date(),
): FileChooser {
  return {
    'files:chooseExportTarget': async (payload) => {
      const { encrypted } = shellContract['files:chooseExportTarget'].request.parse(payload);
      const answer = await dialogs.save({
        title: encrypted ? 'Save the sealed export' : 'Save the export (not encrypted)',
        defaultPath: exportFileName(encrypted, localToday(now())),
        buttonLabel: 'Save export',
        filters: EXPORT_FILTERS,
        // A folder that does not exist can be made in the dialog itself (macOS; Windows and Linux always can).
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return null;
      const path = encrypted ? answer.filePath : labelledNotEncrypted(answer.filePath);
      // The dialog asked before replacing the file it named; a name we changed was never asked about.
      return files.register('export-target', path, { encrypted, replace: path === answer.filePath });
    },
    'files:chooseImportSource': async (payload) => {
      shellContract['files:chooseImportSource'].request.parse(payload);
      const answer = await dialogs.open({
        title: 'Choose an export file to import',
        buttonLabel: 'Choose',
        filters: EXPORT_FILTERS,
        properties: ['openFile'],
      });
      const [path] = answer.filePaths;
      if (answer.canceled || !path) return null;
      return files.register('import-source', path);
    },
    'files:chooseBackupFolder': async (payload) => {
      const { purpose } = shellContract['files:chooseBackupFolder'].request.parse(payload);
      const backups = purpose === 'backups';
      const answer = await dialogs.open({
        title: backups ? 'Choose the folder for backups' : 'Choose the folder that holds the backups',
        buttonLabel: 'Choose folder',
        // A new folder can be made in the dialog (macOS: createDirectory; Windows lets a
        // typed, missing folder through with promptToCreate, and the app asks before
        // creating it). Restoring only reads, so it never offers to make one.
        properties: backups ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'],
      });
      const [path] = answer.filePaths;
      if (answer.canceled || !path) return null;
      return files.register(backups ? 'backup-folder' : 'restore-folder', path, {
        displayName: folderDisplayName(path),
      });
    },
  };
}
