import { type ErrorCode, errorMessages, plainMessage } from '../../shared/errors';
import type { Channel, SessionEvent } from '../../shared/ipc/channels';
import {
  contract,
  envelopeSchema,
  type RequestOf,
  type ResponseOf,
  type SessionkeepApi,
} from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload, or by the web harness's bridge. */
    sessionkeep?: SessionkeepApi;
  }
}

/** A failed call, with the stable code and the plain message to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge(): SessionkeepApi {
  if (!window.sessionkeep) throw new ApiError('CORE_UNREACHABLE', errorMessages.CORE_UNREACHABLE);
  return window.sessionkeep;
}

/**
 * Calls the core and checks its answer at run time against the contract, so a
 * type never lies across the process boundary. Throws ApiError on failure.
 */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const send = bridge()[channel] as (request: RequestOf<C>) => Promise<unknown>;
  const envelope = envelopeSchema.safeParse(await send(request));
  if (!envelope.success) throw new ApiError('INTERNAL', errorMessages.INTERNAL);
  if (!envelope.data.ok) {
    const { code, message, field, retryAfterSeconds } = envelope.data;
    throw new ApiError(code, plainMessage(code, message), field, retryAfterSeconds);
  }
  const value = contract[channel].response.safeParse(envelope.data.value);
  if (!value.success) throw new ApiError('INTERNAL', errorMessages.INTERNAL);
  return value.data as ResponseOf<C>;
}

export function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  return bridge().onSessionEvent(listener);
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : errorMessages.INTERNAL;
}
