/** The backup feature's public surface, for handlers and the unlock/quit schedule. */

export type { BackupSummary } from './backupCopy';
export { BACKUP_BROKEN_CODE, type BrokenReason } from './backupErrors';
export {
  backupDue,
  backupOverdue,
  backupsToDelete,
  DEFAULT_ROTATION,
  type RotationCandidate,
  type RotationPolicy,
} from './backupPolicy';
export { type BackupEntry, checkBackup, lastGoodBackupAt, listBackups, pruneBackups } from './listBackups';
export { type BackupStage, type MadeBackup, type MakeBackupOptions, makeBackup } from './makeBackup';
export { bringBack, readBackupSummary, restoreBackup, type Secret } from './restoreBackup';
