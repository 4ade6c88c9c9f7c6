import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Which URLs and IPC senders the Electron shell trusts. No `electron` import: these
 * are the decisions, kept pure so vitest can check them under plain Node; security.ts,
 * appProtocol.ts and ipcBridge.ts apply them to the real objects.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'sessionkeep';
/** The renderer's one origin. Nothing else may navigate a window or call IPC. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for `app://sessionkeep/…` exactly. Compared field by field: Node's URL gives
 * a custom scheme the origin "null", so `.origin` cannot be compared here.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** What ipcBridge knows about the frame behind an IPC call; null when it is gone. */
export type SenderFacts = { url: string; isMainFrame: boolean } | null;

/**
 * An IPC request is served only for our own page in the window's main frame: not for
 * a frame that has navigated away or been destroyed, not for an iframe (even one of
 * ours), and not for file://, loopback or look-alike app:// origins.
 * (Electron security checklist #17, "validate the sender of all IPC messages".)
 */
export function isTrustedSender(sender: SenderFacts): boolean {
  if (sender === null) return false;
  return sender.isMainFrame && isAppUrl(sender.url);
}

/**
 * Where a frame may navigate: the main frame only within our origin. A subframe may
 * also be an empty about:blank / about:srcdoc document (e.g. one made for printing),
 * which has our origin and no network. Everything else, including an external link,
 * is stopped (checklist #13); there is no "open in browser" for untrusted URLs (#15).
 */
export function isAllowedNavigation(url: string, isMainFrame: boolean): boolean {
  if (isAppUrl(url)) return true;
  return !isMainFrame && (url === 'about:blank' || url === 'about:srcdoc');
}

/**
 * The schemes a page may load from. Everything else (http, https, ws, wss, ftp, file,
 * chrome…) is cancelled: the vault never leaves the machine, so nothing needs the
 * network, and remote content is the main way an XSS would get code in.
 * devtools: the DevTools front end (development only); data:/blob: for images and
 * files the renderer makes itself.
 */
const allowedRequestSchemes = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

export function isAllowedRequest(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return allowedRequestSchemes.has(parsed.protocol);
}

/**
 * The file an `app://sessionkeep/<path>` request maps to inside `root`, or null (→ 404)
 * for another host, a malformed escape, a NUL byte or any path that would leave
 * `root` (`..`, encoded `%2e%2e`, encoded separators). `/` serves index.html.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  const inside = relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}
