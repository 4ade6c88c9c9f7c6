/**
 * The web harness's stand-in for the Electron preload: defines `window.sessionkeep`
 * with the same shape (one function per channel, plus session events), carried over
 * same-origin HTTP to the harness instead of IPC. The renderer cannot tell them apart.
 */
import { type Channel, channels, type SessionEvent } from '../../../shared/ipc/channels';
import type { SessionkeepApi } from '../../../shared/ipc/contract';
import { type Envelope, failure } from '../../../shared/ipc/envelope';

async function invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
  try {
    const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(request ?? null),
    });
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return failure('CORE_UNREACHABLE');
  }
}

const listeners = new Set<(event: SessionEvent) => void>();
let source: EventSource | null = null;

function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/events');
    source.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as SessionEvent;
      for (const each of listeners) each(event);
    };
  }
  return () => listeners.delete(listener);
}

const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => invoke(channel, request)]));
Object.defineProperty(window, 'sessionkeep', {
  value: Object.freeze({ ...api, onSessionEvent }) as unknown as SessionkeepApi,
  writable: false,
  configurable: false,
});
