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

async function post(path: string, body: BodyInit, contentType: string, headers: Record<string, string> = {}) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      credentials: 'same-origin',
      body,
    });
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return failure('CORE_UNREACHABLE');
  }
}

// Choosing files (issue 13), the browser's way: an export is written by the harness and
// then arrives as a download; an import is picked with the browser's file chooser and
// uploaded. The page holds tokens only, exactly as under Electron.
const pendingDownloads = new Set<string>();

async function chooseExportTarget(request: unknown): Promise<Envelope<unknown>> {
  const envelope = await post('/__files/export-target', JSON.stringify(request ?? null), 'application/json');
  const chosen = envelope.ok ? (envelope.value as { token?: unknown } | null) : null;
  if (typeof chosen?.token === 'string') pendingDownloads.add(chosen.token);
  return envelope;
}

async function exportVault(request: unknown): Promise<Envelope<unknown>> {
  const envelope = await invoke('export:vault', request);
  const token = (request as { target?: unknown } | null)?.target;
  if (typeof token === 'string' && pendingDownloads.delete(token) && envelope.ok) {
    const link = document.createElement('a');
    link.href = `/__files/download/${encodeURIComponent(token)}`;
    link.download = '';
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  }
  return envelope;
}

/** The browser's file chooser; null when it was closed without a file. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.skexport,.zip';
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function chooseImportSource(): Promise<Envelope<unknown>> {
  const file = await pickFile();
  if (!file) return { ok: true, value: null };
  return post('/__files/import-source', file, 'application/octet-stream', {
    'x-file-name': encodeURIComponent(file.name),
  });
}

// Printing (issue 13), the browser's way: the page keeps window.print(), whose dialog also
// saves as PDF, so the preview offers no Save as PDF of its own. The shell's print channels
// answer that printing goes through the browser here.
const printCapabilities = async (): Promise<Envelope<unknown>> => ({
  ok: true,
  value: { dialog: 'browser', saveAsPdf: false },
});
const printInBrowser = async (): Promise<Envelope<unknown>> =>
  failure('INVALID_REQUEST', { message: 'In the preview, print with the browser’s own print dialog.' });
/**
 * A folder (for backups, or to restore from): the browser has no folder dialog that
 * tells a path, so the harness answers with the folder a test queued for it (see
 * server.ts, /__files/next-folder); with none queued it is as if the dialog was closed.
 */
function chooseBackupFolder(request: unknown): Promise<Envelope<unknown>> {
  return post('/__files/backup-folder', JSON.stringify(request ?? null), 'application/json');
}

const api = {
  ...Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => invoke(channel, request)])),
  'export:vault': exportVault,
  'files:chooseExportTarget': chooseExportTarget,
  'files:chooseImportSource': chooseImportSource,
  'print:capabilities': printCapabilities,
  'print:print': printInBrowser,
  'print:saveAsPdf': printInBrowser,
  'files:chooseBackupFolder': chooseBackupFolder,
};
Object.defineProperty(window, 'sessionkeep', {
  value: Object.freeze({ ...api, onSessionEvent }) as unknown as SessionkeepApi,
  writable: false,
  configurable: false,
});
