/**
 * The web harness (`npm run web`): the real renderer and the real core in one Node
 * process, for the end-to-end tests and for developers without Electron.
 *
 * Safety: it listens on 127.0.0.1 only, at a random port; every request must carry a
 * random per-launch token (given once in the printed URL, then kept in an HttpOnly,
 * SameSite=Strict cookie); the Host header must be our own (DNS rebinding) and IPC
 * calls must come from our own Origin (CSRF). IPC requests go through the same
 * dispatch and validation as Electron's main process.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { localToday } from '../../shared/dates';
import { failure, ok } from '../../shared/ipc/envelope';
import { exportFileName, shellContract } from '../../shared/ipc/shellChannels';
import { createCore } from '../core/core';
import { IMPORT_LIMITS } from '../core/export/importLimits';
import { folderDisplayName } from '../core/files/chosenFiles';
import { defaultVaultFolder } from './userDataFolder';

// A long note with rich text is well under this; anything larger is refused, not buffered.
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const COOKIE = 'sessionkeep_token';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const { values: args } = parseArgs({
  options: {
    vault: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string' },
  },
});

const vaultFolder = resolve(args.vault ?? defaultVaultFolder());
const rendererFolder = resolve(args.renderer ?? join(__dirname, '..', 'renderer'));
const bridgeFile = join(__dirname, 'bridge.js');
const token = randomBytes(32).toString('base64url');
const eventStreams = new Set<ServerResponse>();
// The page is the window: while one is connected, a lock or quit asks it to save first.
const core = createCore({ folder: vaultFolder, hasWindow: () => eventStreams.size > 0 });

// Files chosen in the web preview (issue 13), the browser's stand-ins for the system's
// dialogs: an export is written here, then downloaded once by the page and removed; an
// import is uploaded here and removed when its choice ends (imported, lock, stop).
const filesFolder = mkdtempSync(join(tmpdir(), 'sessionkeep-harness-files-'));
const downloads = new Map<string, { path: string; name: string; folder: string }>();
/**
 * The web preview's stand-in for the system's folder dialog (issue 13). A browser cannot
 * tell a folder's path, so the TEST side plays the user: it queues the folder "chosen"
 * with POST /__files/next-folder, carrying the launch token in a header (the token of the
 * printed URL, which the page never sees: its cookie is HttpOnly) and no Origin (a page's
 * POST always has one). The page's files:chooseBackupFolder then takes the next queued
 * folder, or answers null (a closed dialog) when there is none. So the page itself can
 * never name a folder to write to, here as under Electron.
 */
const queuedFolders: string[] = [];

core.onEvent((event) => {
  for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
});

function sameSecret(given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('cache-control', 'no-store');
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('cross-origin-opener-policy', 'same-origin');
  response.setHeader('cross-origin-resource-policy', 'same-origin');
  response.setHeader('content-security-policy', "frame-ancestors 'none'");
}

/** index.html as built, but allowed to talk to this harness and given the bridge. */
async function harnessIndex(): Promise<string> {
  const html = await readFile(join(rendererFolder, 'index.html'), 'utf8');
  const csp = /(http-equiv="Content-Security-Policy"\s+content="[^"]*)connect-src 'none'/;
  if (!csp.test(html)) throw new Error('harnessIndex: index.html has no CSP with connect-src none');
  return html
    .replace(csp, "$1connect-src 'self'")
    .replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');
}

async function serveStatic(response: ServerResponse, urlPath: string): Promise<void> {
  const path = resolve(rendererFolder, `.${decodeURIComponent(urlPath)}`);
  if (!path.startsWith(rendererFolder + sep)) return send(response, 404, 'Not found');
  try {
    send(response, 200, await readFile(path), contentTypes[extname(path)] ?? 'application/octet-stream');
  } catch {
    send(response, 404, 'Not found');
  }
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is read to the end but not kept, so the caller gets an answer
  // instead of a reset connection.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

async function serveIpc(request: IncomingMessage, response: ServerResponse, origin: string, channel: string) {
  const json = (value: unknown) => send(response, 200, JSON.stringify(value), 'application/json');
  if (request.method !== 'POST' || request.headers.origin !== origin) return send(response, 403, 'Forbidden');
  if (!request.headers['content-type']?.startsWith('application/json')) return send(response, 415, 'JSON only');
  const body = await readBody(request);
  if (body === null) return json(failure('INVALID_REQUEST', { message: 'The request is too large.' }));
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return json(failure('INVALID_REQUEST', { message: 'The request is not valid JSON.' }));
  }
  json(await core.handle(channel, payload));
}

/**
 * What Electron's shell does on the menu's Lock, a screen lock or suspend (lock), and on
 * quitting (quit), so the end-to-end tests drive the same save-first protocol in
 * Chromium. Quit ends this process as SIGTERM does.
 */
async function serveShellEvent(request: IncomingMessage, response: ServerResponse, origin: string, path: string) {
  if (request.method !== 'POST' || request.headers.origin !== origin) return send(response, 403, 'Forbidden');
  if (path === '/__shell/lock') {
    const outcome = await core.lock('system');
    return send(response, 200, JSON.stringify({ outcome }), 'application/json');
  }
  if (path === '/__shell/quit') {
    send(response, 202, 'Quitting');
    return void stop();
  }
  return send(response, 404, 'Not found');
}

/** A file name the harness may write and show: the name alone, plain characters only. */
function safeFileName(given: string): string {
  const name = basename(given.replaceAll('\\', '/'))
    .replace(/[^\w.\- ()]/g, '_')
    .slice(0, 120);
  return name.replace(/^\.+/, '') || 'export-file';
}

/**
 * The page's side of choosing a file (issue 13): an export target is a fresh file here
 * (the page downloads it after export:vault); an import source is uploaded here. Either
 * way the core gets the path and the page gets a token and the file's name.
 */
async function serveFiles(request: IncomingMessage, response: ServerResponse, origin: string, path: string) {
  const json = (value: unknown) => send(response, 200, JSON.stringify(value), 'application/json');
  if (path.startsWith('/__files/download/') && request.method === 'GET') {
    const token = decodeURIComponent(path.slice('/__files/download/'.length));
    const download = downloads.get(token);
    if (!download || !existsSync(download.path)) return send(response, 404, 'Not found');
    // Single use: the file leaves the harness with this download.
    downloads.delete(token);
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${download.name}"`,
    });
    try {
      await pipeline(createReadStream(download.path), response);
    } finally {
      rmSync(download.folder, { recursive: true, force: true });
    }
    return;
  }
  if (request.method !== 'POST' || request.headers.origin !== origin) return send(response, 403, 'Forbidden');
  if (path === '/__files/export-target') {
    const body = await readBody(request);
    let parsed: ReturnType<(typeof shellContract)['files:chooseExportTarget']['request']['safeParse']>;
    try {
      parsed = shellContract['files:chooseExportTarget'].request.safeParse(JSON.parse(body ?? ''));
    } catch {
      return json(failure('INVALID_REQUEST'));
    }
    if (!parsed.success) return json(failure('INVALID_REQUEST'));
    const { encrypted } = parsed.data;
    const folder = mkdtempSync(join(filesFolder, 'export-'));
    const name = exportFileName(encrypted, localToday());
    const chosen = core.files.register('export-target', join(folder, name), { encrypted });
    downloads.set(chosen.token, { path: join(folder, name), name, folder });
    return json(ok(chosen));
  }
  if (path === '/__files/backup-folder') {
    const body = await readBody(request);
    let parsed: ReturnType<(typeof shellContract)['files:chooseBackupFolder']['request']['safeParse']>;
    try {
      parsed = shellContract['files:chooseBackupFolder'].request.safeParse(JSON.parse(body ?? ''));
    } catch {
      return json(failure('INVALID_REQUEST'));
    }
    if (!parsed.success) return json(failure('INVALID_REQUEST'));
    const folder = queuedFolders.shift();
    if (folder === undefined) return json(ok(null));
    const kind = parsed.data.purpose === 'backups' ? 'backup-folder' : 'restore-folder';
    return json(ok(core.files.register(kind, folder, { displayName: folderDisplayName(folder) })));
  }
  if (path === '/__files/import-source') {
    const name = safeFileName(decodeURIComponent(String(request.headers['x-file-name'] ?? '')));
    const folder = mkdtempSync(join(filesFolder, 'import-'));
    const target = join(folder, name);
    // Streamed to disk, never held whole; past the cap the rest is read but not kept, so
    // the page gets a plain answer instead of a reset connection.
    let size = 0;
    const out = createWriteStream(target);
    try {
      for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > IMPORT_LIMITS.archiveBytes) continue;
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
    } catch {
      out.destroy();
      size = -1;
    }
    if (size < 0 || size > IMPORT_LIMITS.archiveBytes) {
      rmSync(folder, { recursive: true, force: true });
      return json(
        failure('INVALID_REQUEST', {
          message:
            size < 0
              ? 'The file could not be read. Choose it again. Nothing was imported.'
              : 'That file is larger than any Sessionkeep export can be (2 GB). Nothing was imported.',
        }),
      );
    }
    const chosen = core.files.register('import-source', target, {
      displayName: name,
      onForget: () => rmSync(folder, { recursive: true, force: true }),
    });
    return json(ok(chosen));
  }
  return send(response, 404, 'Not found');
}

/** The test's side of the folder dialog: see queuedFolders. Only an absolute path is queued. */
async function queueFolder(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const given = request.headers['x-harness-token'];
  if (
    request.method !== 'POST' ||
    request.headers.origin !== undefined ||
    !sameSecret(typeof given === 'string' ? given : undefined)
  ) {
    return send(response, 403, 'Forbidden');
  }
  const body = await readBody(request);
  let folder: unknown;
  try {
    folder = (JSON.parse(body ?? '') as { folder?: unknown } | null)?.folder;
  } catch {
    folder = undefined;
  }
  if (typeof folder !== 'string' || !isAbsolute(folder)) return send(response, 400, 'An absolute folder path');
  queuedFolders.push(folder);
  return send(response, 204, '');
}

function serveEvents(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
  response.write(': connected\n\n');
  eventStreams.add(response);
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  request.on('close', () => {
    clearInterval(keepAlive);
    eventStreams.delete(response);
  });
}

const server = createServer(async (request, response) => {
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  securityHeaders(response);
  if (request.headers.host !== host) return send(response, 403, 'Forbidden');
  const url = new URL(request.url ?? '/', origin);

  if (url.pathname === '/open') {
    if (!sameSecret(url.searchParams.get('token') ?? undefined)) return send(response, 403, 'Forbidden');
    response.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    response.writeHead(303, { location: '/' });
    return response.end();
  }
  if (url.pathname === '/__files/next-folder') return await queueFolder(request, response);
  if (!sameSecret(cookieToken(request))) {
    return send(response, 403, 'Open Sessionkeep with the link printed by "npm run web".');
  }
  try {
    if (url.pathname.startsWith('/ipc/'))
      return await serveIpc(request, response, origin, decodeURIComponent(url.pathname.slice(5)));
    if (url.pathname.startsWith('/__shell/')) return await serveShellEvent(request, response, origin, url.pathname);
    if (url.pathname.startsWith('/__files/')) return await serveFiles(request, response, origin, url.pathname);
    if (request.method !== 'GET') return send(response, 405, 'Method not allowed');
    if (url.pathname === '/events') return serveEvents(request, response);
    if (url.pathname === '/__harness/bridge.js') {
      return send(response, 200, await readFile(bridgeFile), contentTypes['.js']);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(response, 200, await harnessIndex(), contentTypes['.html']);
    }
    return await serveStatic(response, url.pathname);
  } catch (error) {
    console.error(`server: ${url.pathname} failed with ${(error as Error).name}`);
    if (!response.headersSent) send(response, 500, 'Internal error');
  }
});

server.listen(Number(args.port), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Sessionkeep web preview: http://127.0.0.1:${port}/open?token=${token}`);
  console.log(`Vault folder: ${vaultFolder}`);
  console.log('Press Ctrl+C to lock the vault and stop.');
});

let stopping = false;

/** Asks the page to save (bounded), locks, and exits: Ctrl+C, SIGTERM, or /__shell/quit. */
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await core.shutdown();
  rmSync(filesFolder, { recursive: true, force: true });
  for (const stream of eventStreams) stream.end();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}

process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
