import { errorMessages, plainMessage } from '../../../shared/errors';
import { envelopeSchema } from '../../../shared/ipc/contract';
import {
  type ShellChannel,
  type ShellRequestOf,
  type ShellResponseOf,
  shellContract,
} from '../../../shared/ipc/shellChannels';
import { ApiError } from '../api';

/**
 * Asks the shell to let the user choose a file (issue 13): the system's save or open
 * dialog under Electron, a download or the browser's file chooser in the web preview.
 * Answers a token and the file's name, or null when the user cancelled. Checked at run
 * time like every core call (renderer/src/api.ts).
 */
export async function chooseFile<C extends ShellChannel>(
  channel: C,
  request: ShellRequestOf<C>,
): Promise<ShellResponseOf<C>> {
  const api = window.sessionkeep;
  if (!api) throw new ApiError('CORE_UNREACHABLE', errorMessages.CORE_UNREACHABLE);
  const send = api[channel] as (request: ShellRequestOf<C>) => Promise<unknown>;
  const envelope = envelopeSchema.safeParse(await send(request));
  if (!envelope.success) throw new ApiError('INTERNAL', errorMessages.INTERNAL);
  if (!envelope.data.ok) {
    const { code, message, field } = envelope.data;
    throw new ApiError(code, plainMessage(code, message), field);
  }
  const value = shellContract[channel].response.safeParse(envelope.data.value);
  if (!value.success) throw new ApiError('INTERNAL', errorMessages.INTERNAL);
  return value.data as ShellResponseOf<C>;
}
