import type { ErrorCode } from '../../../shared/errors';
import { CoreError } from '../coreError';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

/** A broken backup travels as BACKUP_BROKEN, with the reason in its message. */
export const BACKUP_BROKEN_CODE: ErrorCode = 'BACKUP_BROKEN';

export type BrokenReason =
  | 'interrupted'
  | 'failed-verification'
  | 'manifest'
  | 'missing-files'
  | 'hash-mismatch'
  | 'key-file'
  | 'cannot-open'
  | 'integrity'
  | 'not-a-vault'
  | 'newer-version'
  | 'manifest-mismatch'
  | 'key-mismatch';

const reasonText: Record<BrokenReason, string> = {
  interrupted: 'it was interrupted before it was complete',
  'failed-verification': 'it failed its check right after it was written',
  manifest: 'its manifest is missing or damaged',
  'missing-files': 'files are missing from it',
  'hash-mismatch': 'its files were changed or damaged after it was made',
  'key-file': 'its key file is damaged',
  'cannot-open': 'it cannot be opened with this vault’s key',
  integrity: 'its database failed the integrity check',
  'not-a-vault': 'it is not a Sessionkeep vault',
  'newer-version': 'it was made by a newer version of Sessionkeep',
  'manifest-mismatch': 'its manifest does not match its database, so it was altered after it was made',
  'key-mismatch': 'its key file does not match its database',
};

/**
 * Said only where the caller has not moved or written anything in the vault folder
 * (restore removes its incoming copies before it throws; tests/unit/tamperedBackup.test.ts
 * proves the folder byte-identical for each of these).
 */
const NOTHING_CHANGED = 'Nothing was changed.';

export function backupBrokenError(reason: BrokenReason, facts: { schemaVersion?: number } = {}): CoreError {
  if (reason === 'newer-version') {
    const versions =
      facts.schemaVersion === undefined
        ? ''
        : ` (its data is at version ${facts.schemaVersion}; this version reads up to ${LATEST_SCHEMA_VERSION})`;
    return new CoreError(
      'BACKUP_FROM_NEWER_VERSION',
      `This backup was made by a newer version of Sessionkeep${versions}. Update Sessionkeep, then restore it. ${NOTHING_CHANGED}`,
    );
  }
  if (reason === 'not-a-vault') {
    return new CoreError(
      BACKUP_BROKEN_CODE,
      `This backup is not a Sessionkeep vault: its database belongs to another program, so it cannot be restored. ${NOTHING_CHANGED}`,
    );
  }
  if (reason === 'key-mismatch') {
    return new CoreError(
      BACKUP_BROKEN_CODE,
      `This backup cannot be used: its key file does not match its database (the key file belongs to another vault, or the start of the database is damaged). ${NOTHING_CHANGED}`,
    );
  }
  return new CoreError(BACKUP_BROKEN_CODE, `This backup cannot be used: ${reasonText[reason]}. ${NOTHING_CHANGED}`);
}

export function brokenReasonText(reason: BrokenReason): string {
  return reasonText[reason];
}
