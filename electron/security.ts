import { join } from 'node:path';
import type { App, Session, WebContents, WebPreferences } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from './senderPolicy';

/**
 * All of the Electron hardening, in one place. Each line says why.
 * References: Electron's security checklist (docs/tutorial/security.md, numbered
 * below as #n) and the Signal Desktop / VS Code session setup.
 *
 * The renderer is our own code from app://sessionkeep, but it renders therapist-typed
 * rich text, so we plan for an XSS: it must find no Node, no remote code, no network,
 * no devices, no other pages and no way to ask the main process for more than the
 * IPC contract.
 */

/**
 * For every window. `preload` is next to main.cjs in dist/electron: this module is
 * bundled into main.cjs, so `__dirname` is dist/electron at run time.
 */
export const webPreferences = {
  preload: join(__dirname, 'preload.cjs'),
  // #3: the preload's world and the page's world are separate JS heaps.
  contextIsolation: true,
  // #4: the renderer process runs in Chromium's OS sandbox; the preload gets only
  // `require('electron')` (contextBridge, ipcRenderer).
  sandbox: true,
  // #2: no Node in the page, in its workers or in subframes.
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  // #6, #8: same-origin policy on; no http content inside the secure app:// page.
  webSecurity: true,
  allowRunningInsecureContent: false,
  // #11–12: no <webview> (also refused in will-attach-webview below).
  webviewTag: false,
  // #9–10: no experimental or extra Blink features.
  experimentalFeatures: false,
  // Dropping a file on the window would navigate to file://…; a note must not vanish.
  navigateOnDragDrop: false,
  // Off: on Windows and Linux Chromium fetches Hunspell dictionaries from Google's CDN,
  // which would tell the network someone is typing notes (and in which language).
  // To offer spell checking later, ship the dictionaries with the app.
  spellcheck: false,
  // A page cannot trap the therapist in a loop of alert() dialogs.
  safeDialogs: true,
  // No WebSQL: nothing should store data in the renderer's profile.
  enableWebSQL: false,
} as const satisfies WebPreferences;

/**
 * Before `ready`: every renderer is sandboxed even if a window is ever created
 * without our webPreferences.
 */
export function enforceSandbox(app: App): void {
  app.enableSandbox();
}

/** Deny-by-default for one session (the default one, and any created later). */
export function hardenSession(session: Session): void {
  // #5: Electron grants every permission request unless a handler is set. Sessionkeep
  // needs none: no camera, microphone, notifications, geolocation, MIDI, HID, USB,
  // serial, clipboard-read, fullscreen API, … The Edit menu's copy and paste use the
  // native commands and need no permission. (navigator.clipboard.writeText does need
  // 'clipboard-sanitized-write'; allow it here, for APP_ORIGIN only, if it is ever used.)
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`hardenSession: denied permission request "${permission}"`);
    callback(false);
  });
  // Most web APIs check before they ask; the check is denied too.
  session.setPermissionCheckHandler(() => false);
  // Devices granted earlier through a chooser: none.
  session.setDevicePermissionHandler(() => false);
  // Screen capture (getDisplayMedia): refused. electron.d.ts (45) types the callback
  // as taking `Streams | null`; null grants nothing.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // No 'select-bluetooth-device' / 'select-hid-device' / 'select-serial-port' /
  // 'select-usb-device' listeners on purpose: with none, Electron cancels the request
  // (a listener that forgot preventDefault would pick the first device instead).

  // #1, #14 and "no remote content": the app is offline by design. Any request that is
  // not app://sessionkeep, devtools:, data: or blob: is cancelled before it is sent,
  // whatever made it (a stray <img src="https://…"> in pasted rich text, a CSS
  // url(), a WebSocket, a prefetch). Only the scheme is logged, never the URL: it may
  // carry note text. file: is cancelled too, even inside the app bundle: appProtocol.ts
  // reads the renderer's files itself, so no page ever needs file://, and a file://
  // image in pasted HTML must not read (or probe for) the therapist's files. ftp:,
  // chrome-extension:, chrome: and every other scheme fall to the same default.
  // The decision is isAllowedRequest (senderPolicy.ts, pure); tests/unit/networkBlock.test.ts
  // drives this very listener with a table of URLs.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) console.warn(`hardenSession: cancelled a ${schemeOf(details.url)} request`);
    callback({ cancel: !allowed });
  });

  // Spell checking stays off (see webPreferences.spellcheck), and should it ever be
  // switched on, the Hunspell dictionary download points at a closed loopback port
  // instead of Google's CDN. (On macOS the OS spell checker is used and nothing is
  // downloaded either way.)
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL('http://127.0.0.1:9/');
}

/** Navigation, windows and webviews, for every WebContents (the window's, DevTools'…). */
export function hardenWebContents(contents: WebContents): void {
  // #13: a page may never leave app://sessionkeep: not by a link, a form, a script
  // (`location = …`), a redirect, or a subframe navigating itself.
  const refuse = (event: { url: string; isMainFrame: boolean; preventDefault(): void }, what: string) => {
    if (isAllowedNavigation(event.url, event.isMainFrame)) return;
    event.preventDefault();
    console.warn(`hardenWebContents: blocked a ${what} to a ${schemeOf(event.url)} URL`);
  };
  contents.on('will-navigate', (event) => refuse(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => refuse(event, 'frame navigation'));
  contents.on('will-redirect', (event) => refuse(event, 'redirect'));

  // #14: no new windows (window.open, target="_blank", shift-click). Links are not
  // handed to the system browser either (#15): a note's text is not a trusted URL.
  contents.setWindowOpenHandler(() => {
    console.warn('hardenWebContents: denied a new window');
    return { action: 'deny' };
  });

  // #11–12: even if a <webview> were ever allowed by mistake, refuse to attach it.
  contents.on('will-attach-webview', (event) => {
    console.warn('hardenWebContents: refused to attach a <webview>');
    event.preventDefault();
  });
}

/**
 * Call once, right after `ready`: hardens the default session now, and every session
 * and WebContents that is created later (defence in depth: a future window, a DevTools
 * window or a webview is covered without anyone remembering to).
 */
export function applySecurity(app: App, defaultSession: Session): void {
  hardenSession(defaultSession);
  app.on('session-created', hardenSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1] ? `${match[1].toLowerCase()}:` : 'malformed';
}
