import { type Channel, isChannel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { type Envelope, failure, ok } from '../../shared/ipc/envelope';
import { CoreError, storageErrorCode } from './coreError';
import type { HandlerTable } from './handlers';
import { describeIssue } from './requestIssue';

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
      // CoreError always carries words (its code's own message when none was given).
      return failure(error.code, { message: error.message || undefined, ...error.details });
    }
    const storage = storageErrorCode(error);
    if (storage) return failure(storage);
    console.error(`dispatch: ${channel} failed with ${(error as Error)?.name ?? 'unknown error'}`);
    return failure('INTERNAL');
  }
}
