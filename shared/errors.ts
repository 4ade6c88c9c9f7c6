/**
 * Stable error codes that cross the process boundary. Electron's IPC only carries
 * an Error's message, so failures travel as data: `{ ok: false, code, message }`.
 * The messages are written for a therapist, not a developer.
 */
export const errorMessages = {
  INVALID_REQUEST: 'The request was not valid.',
  VAULT_LOCKED: 'The vault is locked. Unlock it to continue.',
  VAULT_EXISTS: 'A vault already exists in this folder. Unlock it instead of creating a new one.',
  NO_VAULT: 'There is no vault in this folder yet.',
  WRONG_PASSPHRASE: 'That passphrase is not correct.',
  UNLOCK_THROTTLED: 'Too many wrong attempts. Please wait a moment before trying again.',
  WRONG_RECOVERY_KEY: 'That recovery key does not open this vault.',
  RECOVERY_KEY_MALFORMED: 'That does not look like a recovery key. Check it for typing mistakes.',
  KEY_FILE_MISSING:
    'The key file (vault.key) is missing, so the passphrase cannot be checked. Unlock with your recovery key instead.',
  KEY_FILE_DAMAGED:
    'The key file (vault.key) is damaged, so the passphrase cannot be checked. Unlock with your recovery key instead.',
  KEY_FILE_UNSUPPORTED:
    'The key file (vault.key) asks for key-stretching settings outside what Sessionkeep accepts, so it was not tried. Unlock with your recovery key instead. Nothing was changed.',
  RECOVERY_FILE_DAMAGED:
    'The recovery file (vault.recovery) is missing or damaged, so the recovery key cannot be checked. Unlock with your passphrase, or restore from a backup. Nothing was changed.',
  PASSPHRASE_TOO_WEAK:
    'That passphrase is too easy to guess. Use a few unrelated words, or a longer phrase only you would think of.',
  REENCRYPT_FAILED:
    'The re-encrypted copy of the vault did not check out, so it was not used. Your vault and its keys are unchanged.',
  DATABASE_MISSING:
    'The vault database (vault.db) is missing from the vault folder. Nothing was changed. Restore it from a backup.',
  DATABASE_DAMAGED:
    'The vault database (vault.db) is damaged or truncated and cannot be opened safely. Nothing was changed. Restore it from a backup.',
  NOT_A_VAULT:
    'The file vault.db is not a Sessionkeep vault, or it does not belong to this key file. Nothing was changed.',
  VAULT_FROM_NEWER_VERSION:
    'This vault was last used by a newer version of Sessionkeep. Update Sessionkeep to open it. Nothing was changed.',
  PASSPHRASE_TOO_SHORT: 'The passphrase is too short.',
  DISK_FULL:
    'The disk is full, so this could not be saved. Free some space and try again; nothing already saved was lost.',
  READ_ONLY: 'The vault folder cannot be written to, so this could not be saved. Nothing already saved was lost.',
  NOT_FOUND: 'That record does not exist.',
  RECORD_DAMAGED:
    'This record is damaged and cannot be shown. It is listed under Settings → Data health, where it can be exported as raw JSON.',
  RECORD_NOT_REMOVABLE:
    'This record is part of the clinical history, which is never removed. It stays listed under Settings → Data health and can be exported.',
  NOTE_SIGNED: 'This note is signed and can no longer be changed. Add an addendum instead.',
  SIGNER_NAME_MISSING: 'Enter your name in Settings before signing: it is recorded with the signature.',
  BACKUP_BROKEN: 'This backup cannot be used: it is damaged or incomplete. Nothing was changed.',
  BACKUP_FROM_NEWER_VERSION:
    'This backup was made by a newer version of Sessionkeep. Update Sessionkeep, then restore it. Nothing was changed.',
  RESTORE_INCOMPLETE:
    'The restore stopped part-way. Your vault’s files are kept in the vault folder; nothing was deleted.',
  BACKUP_FOLDER_MISSING:
    'The backup folder cannot be found. If it is on an external drive, connect it; or choose another folder in Settings.',
  NO_BACKUP_FOLDER: 'Choose a folder for backups in Settings first.',
  EXPORT_DAMAGED: 'This export file is damaged or incomplete. Nothing was imported.',
  IMPORT_REFUSED:
    'This file cannot be imported: something in it is not what Sessionkeep writes into an export. Nothing was imported.',
  CANCELLED: 'Stopped. Nothing was written and nothing was changed.',
  BUSY: 'An export or import is already under way. Wait for it to finish, or cancel it.',
  INTERNAL: 'Something went wrong inside Sessionkeep. Nothing was changed.',
  CORE_UNREACHABLE:
    'Sessionkeep’s background process is not responding, so this was not saved. Restart Sessionkeep; everything saved before is safe.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

/** Looks like a code or a field key prefix rather than words ("BACKUP_FOLDER_MISSING", "backupFolder: …"). */
const CODE_LIKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
const KEY_PREFIX = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*: (?=\S)/;

/**
 * The words to show for a failure: its message, unless that is empty or a bare code, in
 * which case the code's own plain message; a leading field key ("backupFolder: ") is cut.
 * The last guard before the screen (renderer/src/api.ts), so no code reaches a therapist.
 */
export function plainMessage(code: ErrorCode, message: string | undefined): string {
  const text = (message ?? '').trim();
  if (text === '' || CODE_LIKE.test(text) || (errorCodes as string[]).includes(text)) return errorMessages[code];
  const cut = text.replace(KEY_PREFIX, '');
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}
