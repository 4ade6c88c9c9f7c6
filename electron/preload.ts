import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  type Channel,
  channels,
  SESSION_EVENT_CHANNEL,
  type SessionEvent,
  type ShellChannel,
  shellChannels,
} from '../shared/ipc/channels';
import type { SessionkeepApi } from '../shared/ipc/contract';

/**
 * The only bridge between the page and the main process, exposed as
 * `window.sessionkeep`: one function per contract channel and per shell channel (the
 * file dialogs, answered by main itself), plus the session events.
 * Nothing else: no generic invoke, no ipcRenderer, no process or env (#20 of
 * Electron's checklist). It runs sandboxed, so it imports only 'electron' and the
 * channel names (contract.ts is imported for its types alone, erased by esbuild, so
 * zod is not bundled here). Main validates every request and its sender.
 */

type Invokers = Omit<SessionkeepApi, 'onSessionEvent'>;

// Object.fromEntries cannot carry the per-channel types, hence the one cast: each
// function sends its own channel name, and main answers with that channel's envelope.
const invokers = Object.fromEntries(
  [...channels, ...shellChannels].map((channel: Channel | ShellChannel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(channel, request),
  ]),
) as Invokers;

const api = {
  ...invokers,
  onSessionEvent(listener: (event: SessionEvent) => void): () => void {
    // The IpcRendererEvent stays here: it holds `sender` (ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, sessionEvent: SessionEvent) => listener(sessionEvent);
    ipcRenderer.on(SESSION_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(SESSION_EVENT_CHANNEL, forward);
    };
  },
} satisfies SessionkeepApi;

contextBridge.exposeInMainWorld('sessionkeep', api);
