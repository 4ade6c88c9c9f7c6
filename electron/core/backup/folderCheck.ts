import { chmodSync, mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asStorageError, CoreError } from '../coreError';

/**
 * Is a folder there, a folder, and can Sessionkeep write in it? Asked when a location is
 * chosen (the backup folder at save, an export's folder before any work), so the
 * therapist hears about a mistyped or unplugged location at once, in words, instead of
 * later from a failed backup (issue 12, item 7).
 */
export type FolderProblem = 'missing' | 'not-a-folder' | 'not-writable';

export function folderProblem(folder: string): FolderProblem | null {
  try {
    if (!statSync(folder).isDirectory()) return 'not-a-folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    // A path through a file ("/notes.txt/backups") cannot be a folder either.
    if (code === 'ENOTDIR') return 'not-a-folder';
    if (code === 'EACCES' || code === 'EPERM') return 'not-writable';
    throw asStorageError(error);
  }
  // Writing is the only honest test: permission bits say nothing of a read-only mount,
  // a locked network share, or an administrator's access rules.
  try {
    rmdirSync(mkdtempSync(join(folder, '.sessionkeep-write-check-')));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not-writable';
    throw asStorageError(error);
  }
}

/** What to say about a folder's problem; `what` names it as the screen does ("The backup folder"). */
export function folderProblemText(problem: FolderProblem, folder: string, what: string): string {
  switch (problem) {
    case 'missing':
      return `${what} ${folder} does not exist. Create the folder first, or choose another. If it is on an external drive, connect the drive.`;
    case 'not-a-folder':
      return `${what} ${folder} is a file, not a folder. Choose a folder.`;
    case 'not-writable':
      return `Sessionkeep is not allowed to write in ${folder}. Choose a folder you can write to.`;
  }
}

/**
 * A backup folder the user chose in the system's dialog (issue 13), made ready to use.
 * A folder that is not there (typed into the dialog, or an unplugged drive's mount
 * point) is refused with a question (BACKUP_FOLDER_MISSING) until the therapist agreed
 * to create it (`create`); it is then made, private (0700), and only its last level: a
 * missing drive or parent folder is never made for it. `shown` names it as the page does.
 */
export function prepareChosenBackupFolder(folder: string, shown: string, create: boolean): void {
  const problem = folderProblem(folder);
  if (problem === 'missing') {
    if (!create) {
      throw new CoreError(
        'BACKUP_FOLDER_MISSING',
        `The folder ${shown} does not exist. Create it? If it belongs on an external drive, connect the drive and choose the folder again instead.`,
        { field: 'folder' },
      );
    }
    try {
      mkdirSync(folder, { mode: 0o700 });
      // The process's umask may have taken bits away, never added: set exactly 0700.
      chmodSync(folder, 0o700);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new CoreError(
          'BACKUP_FOLDER_MISSING',
          `The folder ${shown} could not be created: the place around it is not there. If it is on an external drive, connect the drive and choose the folder again.`,
          { field: 'folder' },
        );
      }
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new CoreError('INVALID_REQUEST', folderProblemText('not-writable', shown, 'The folder'), {
          field: 'folder',
        });
      }
      if (code !== 'EEXIST') throw asStorageError(error);
    }
    prepareChosenBackupFolder(folder, shown, false);
    return;
  }
  if (problem !== null) {
    throw new CoreError('INVALID_REQUEST', folderProblemText(problem, shown, 'The folder'), { field: 'folder' });
  }
}
