import { mkdtempSync, rmdirSync, statSync } from 'node:fs';
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
 * Refuses a new backup folder that is not usable now. A plain refusal rather than an
 * offer to create it: a missing folder is most often an unplugged drive, and creating
 * it would put backups on the computer's own disk under the drive's mount point.
 */
export function requireUsableBackupFolder(folder: string): void {
  const problem = folderProblem(folder);
  if (problem === null) return;
  throw new CoreError(
    problem === 'missing' ? 'BACKUP_FOLDER_MISSING' : 'INVALID_REQUEST',
    folderProblemText(problem, folder, 'The backup folder'),
    { field: 'backupFolder' },
  );
}

/**
 * For settings:update: only a changed, non-empty folder is checked, so saving the
 * practice name while the backup drive is unplugged still works.
 */
export function checkBackupFolderChange(current: string, next: string | undefined): void {
  if (next === undefined || next.trim() === '' || next.trim() === current) return;
  requireUsableBackupFolder(next.trim());
}
