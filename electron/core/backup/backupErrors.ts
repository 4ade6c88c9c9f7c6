import type { ErrorCode } from '../../../shared/errors';
import { CoreError } from '../coreError';

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
  | 'integrity';

const reasonText: Record<BrokenReason, string> = {
  interrupted: 'it was interrupted before it was complete',
  'failed-verification': 'it failed its check right after it was written',
  manifest: 'its manifest is missing or damaged',
  'missing-files': 'files are missing from it',
  'hash-mismatch': 'its files were changed or damaged after it was made',
  'key-file': 'its key file is damaged',
  'cannot-open': 'it cannot be opened with this vault’s key',
  integrity: 'its database failed the integrity check',
};

export function backupBrokenError(reason: BrokenReason): CoreError {
  return new CoreError(BACKUP_BROKEN_CODE, `This backup cannot be used: ${reasonText[reason]}. Nothing was changed.`);
}

export function brokenReasonText(reason: BrokenReason): string {
  return reasonText[reason];
}
