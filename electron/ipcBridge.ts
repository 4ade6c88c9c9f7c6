import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, SESSION_EVENT_CHANNEL } from '../shared/ipc/channels';
import { failure, ok } from '../shared/ipc/envelope';
import { shellChannels } from '../shared/ipc/shellChannels';
import type { Core } from './core/core';
import type { ShellHandlers } from './fileChooser';
import { ShellFailure } from './printing';
import { isAppUrl, isTrustedSender, type SenderFacts } from './senderPolicy';

/**
 * The main-process end of the IPC contract: one `ipcMain.handle` per channel, each
 * checking who is asking before the core sees the request. The core validates the
 * request itself (zod, in dispatch) and never throws, so every call answers with an
 * envelope. Request payloads are never logged: they may be clinical.
 */
export function registerIpcBridge(
  ipcMain: IpcMain,
  core: Core,
  target: () => WebContents | null,
  shellFor: (sender: WebContents) => ShellHandlers,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(senderFacts(event))) {
        console.warn(`registerIpcBridge: refused ${channel} from an untrusted frame`);
        return failure('INVALID_REQUEST', { message: 'Request from an untrusted frame.' });
      }
      return core.handle(channel, payload);
    });
  }
  // Choosing a file and printing (issue 13): the system's dialogs on the asking window;
  // the page gets a token or an outcome, never a path.
  for (const channel of shellChannels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(senderFacts(event))) {
        console.warn(`registerIpcBridge: refused ${channel} from an untrusted frame`);
        return failure('INVALID_REQUEST', { message: 'Request from an untrusted frame.' });
      }
      try {
        return ok(await shellFor(event.sender)[channel](payload));
      } catch (error) {
        console.error(`registerIpcBridge: ${channel} failed (${(error as Error)?.name ?? 'unknown'})`);
        if (error instanceof ShellFailure) return failure('INVALID_REQUEST', { message: error.message });
        const message = channel.startsWith('print:')
          ? 'Printing did not work. Try again.'
          : 'The file could not be chosen. Try again.';
        return failure('INVALID_REQUEST', { message });
      }
    });
  }

  // Lock/unlock events go to our page only (they carry no client data, but a window
  // that somehow left app://sessionkeep gets nothing).
  const unsubscribe = core.onEvent((sessionEvent) => {
    const contents = target();
    if (!contents || contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(SESSION_EVENT_CHANNEL, sessionEvent);
  });

  return () => {
    for (const channel of [...channels, ...shellChannels]) ipcMain.removeHandler(channel);
    unsubscribe();
  };
}

/**
 * The facts isTrustedSender needs. "Main frame" is checked by both its having no
 * parent and being the WebContents' main frame (by frame-tree id, not object
 * identity): an iframe, even one of ours, is refused.
 */
function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.detached) return null;
    const isMainFrame = frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId;
    return { url: frame.url, isMainFrame };
  } catch {
    // Accessing a frame that is being destroyed can throw: treat it as gone.
    return null;
  }
}
