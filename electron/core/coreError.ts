import { type ErrorCode, errorMessages } from '../../shared/errors';

/**
 * A failure the core expects and can name; dispatch turns it into an envelope. Without a
 * message of its own it carries the code's plain one, so wherever its message is kept
 * (the backup status line, a restore's notice) the therapist reads words, never a code.
 */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message ?? errorMessages[code]);
    this.name = 'CoreError';
  }
}

/**
 * Maps storage failures (SQLite result codes, Node errno codes) to the two codes a
 * therapist can act on. Anything else stays unknown so it is reported as INTERNAL.
 */
export function storageErrorCode(error: unknown): 'DISK_FULL' | 'READ_ONLY' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'DISK_FULL';
  if (
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_PERM'
  ) {
    return 'READ_ONLY';
  }
  return null;
}

/** Re-throws a storage failure as its CoreError; other errors pass through unchanged. */
export function asStorageError(error: unknown): unknown {
  const code = storageErrorCode(error);
  return code ? new CoreError(code) : error;
}
