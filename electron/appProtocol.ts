import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME, resolveAppFile } from './senderPolicy';

/**
 * `app://sessionkeep/` serves the built renderer (dist/renderer) and nothing else.
 * A custom scheme instead of file:// (Electron security checklist #18): the page gets
 * a real origin of its own, so IPC senders and navigations can be checked against it,
 * and it gets none of the extra privileges file:// pages have.
 */
export { APP_ENTRY_URL, APP_ORIGIN } from './senderPolicy';

/**
 * Registered before `ready` (Electron requires it).
 * - standard: relative URLs (`./assets/x.js`) resolve as on http.
 * - secure: a secure context, like https, so web APIs behave as in production browsers.
 * - corsEnabled: Vite writes `<script type="module" crossorigin>`, a CORS-mode request;
 *   this makes sure Chromium will issue CORS requests for the scheme at all (VS Code's
 *   vscode-file:// does the same). It lets no other origin read our files: responses
 *   carry no Access-Control-Allow-Origin header.
 * - codeCache: V8 caches compiled renderer code between launches (needs standard).
 * - supportFetchAPI stays false: the renderer talks to the core over IPC, never fetch().
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, corsEnabled: true, codeCache: true, supportFetchAPI: false },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const baseHeaders = {
  // Module scripts need the right type; nosniff stops a file being run as another type.
  'x-content-type-options': 'nosniff',
  // frame-ancestors cannot be set from a <meta> CSP; the rest of the policy lives in
  // renderer/index.html's meta tag (both apply).
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...baseHeaders, 'content-type': 'text/plain' } });
}

/**
 * Serves `app://sessionkeep/<path>` from `rendererRoot`. Reads the file itself rather
 * than `net.fetch(file://…)`: no file:// request exists for the web request filter
 * (which cancels file://) to see, and there is no redirect to follow out of the folder.
 */
export function registerAppProtocol(protocol: Protocol, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: baseHeaders });
    }
    const file = resolveAppFile(rendererRoot, request.url);
    if (file === null) {
      console.warn(`registerAppProtocol: refused a request outside ${APP_ORIGIN}/ or the renderer folder`);
      return notFound();
    }
    try {
      const body = await readFile(file);
      const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...baseHeaders, 'content-type': type },
      });
    } catch {
      // Missing file, or a directory: the same answer, and no path in the log.
      return notFound();
    }
  });
}
