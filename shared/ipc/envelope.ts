import type { ErrorCode } from '../errors';
import { errorMessages } from '../errors';

/** Every IPC result is an envelope: a value, or a stable code and a plain message. */
export type Ok<T> = { ok: true; value: T };
export type Failure = {
  ok: false;
  code: ErrorCode;
  message: string;
  /** The request field at fault, for INVALID_REQUEST. */
  field?: string;
  /** Seconds to wait, for UNLOCK_THROTTLED. */
  retryAfterSeconds?: number;
};
export type Envelope<T> = Ok<T> | Failure;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function failure(code: ErrorCode, extra: Partial<Omit<Failure, 'ok' | 'code'>> = {}): Failure {
  const result: Failure = { ok: false, code, message: extra.message ?? errorMessages[code] };
  if (extra.field !== undefined) result.field = extra.field;
  if (extra.retryAfterSeconds !== undefined) result.retryAfterSeconds = extra.retryAfterSeconds;
  return result;
}
