import type { z } from 'zod';
import { type Channel, isChannel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { type Envelope, failure, ok } from '../../shared/ipc/envelope';
import { CoreError, storageErrorCode } from './coreError';
import type { HandlerTable } from './handlers';

/** Names the first bad field of a request: "client.email: An email address needs an @…". */
function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  // A field name comes from the request: cut it short before echoing it back.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => key.slice(0, 60)) : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `Unexpected field "${keys[0]}".` : issue.message;
  return { field: path || '(request)', message: path ? `${path}: ${message}` : message };
}

/**
 * The boundary every adapter goes through: an unknown channel or a request that fails
 * its schema is refused with INVALID_REQUEST before any handler runs, so it changes
 * nothing. Known failures become their codes; anything else becomes INTERNAL, logged
 * by name only (never with request data, which may be clinical).
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: unknown,
  payload: unknown,
  onActivity?: () => void,
  onSuccess?: (channel: Channel, request: unknown, value: unknown) => void,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return failure('INVALID_REQUEST', { message: 'Unknown channel.', field: '(channel)' });
  }
  const parsed = contract[channel].request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure('INVALID_REQUEST', issue ? describeIssue(issue) : {});
  }
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    if (channel !== 'vault:status') onActivity?.();
    // Only after success: a refused or failed request leaves no activity-log entry.
    // The change itself is already saved, so a failure to log is reported, not thrown.
    try {
      onSuccess?.(channel, parsed.data, value);
    } catch (error) {
      console.error(
        `dispatch: ${channel} succeeded but its audit event failed (${(error as Error)?.name ?? 'unknown'})`,
      );
    }
    return ok(value);
  } catch (error) {
    if (error instanceof CoreError) {
      const message = error.message === error.code ? undefined : error.message;
      return failure(error.code, { message, ...error.details });
    }
    const storage = storageErrorCode(error);
    if (storage) return failure(storage);
    console.error(`dispatch: ${channel} failed with ${(error as Error)?.name ?? 'unknown error'}`);
    return failure('INTERNAL');
  }
}
