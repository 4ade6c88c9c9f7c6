import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySecurity, hardenSession, hardenWebContents, webPreferences } from '../../electron/security';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/senderPolicy';

/** This checkout's own built page, by file:// (wherever the repository lives). */
const OWN_PAGE_BY_FILE = pathToFileURL(join(process.cwd(), 'dist', 'renderer', 'index.html')).href;

/**
 * The security promises of electron/security.ts, proven on the handlers it installs
 * (issue "Proving the security promises"). The Electron binary cannot run here, so a
 * fake Session / WebContents records what hardenSession and hardenWebContents
 * register, and the tests call those handlers as Electron would. The URL decisions
 * themselves (isAllowedRequest, isAllowedNavigation) have their own table in
 * senderPolicy.test.ts; this file checks that they are what the session and every
 * WebContents actually apply, and that the rest (permissions, windows, webviews,
 * webPreferences) denies by default.
 */

type Listener = (...args: never[]) => unknown;

function fakeSession() {
  const registered: Record<string, Listener> = {};
  const calls: Record<string, unknown[]> = {};
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls[name] = args;
      if (typeof args[0] === 'function') registered[name] = args[0] as Listener;
    };
  const session = {
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('devicePermission'),
    setDisplayMediaRequestHandler: record('displayMedia'),
    setSpellCheckerEnabled: record('spellCheckerEnabled'),
    setSpellCheckerDictionaryDownloadURL: record('dictionaryUrl'),
    webRequest: { onBeforeRequest: record('beforeRequest') },
  };
  return { session: session as unknown as Session, registered, calls };
}

function fakeWebContents() {
  const listeners: Record<string, Listener> = {};
  let windowOpenHandler: Listener | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners[event] = listener;
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      windowOpenHandler = handler;
    },
  };
  return { contents: contents as unknown as WebContents, listeners, windowOpenHandler: () => windowOpenHandler };
}

const warnings: string[] = [];
beforeEach(() => {
  warnings.length = 0;
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every log line hardenSession / hardenWebContents wrote, joined. */
const logged = () => warnings.join('\n');

describe('session.webRequest.onBeforeRequest: nothing leaves the machine', () => {
  // [url, why, expected]. "cancel" is everything that could reach a network or a file
  // outside the app: the vault never leaves the machine, and remote content is the
  // main way an XSS in note text would pull code in.
  const cases: Array<[string, string, 'allow' | 'cancel']> = [
    [APP_ENTRY_URL, 'the app itself', 'allow'],
    [`${APP_ORIGIN}/assets/index-abc.js`, 'its bundle', 'allow'],
    [`${APP_ORIGIN}/icon.svg?v=1#x`, 'with a query and hash', 'allow'],
    ['data:image/png;base64,iVBORw0KGgo=', 'an image the renderer made', 'allow'],
    ['blob:app://sessionkeep/6f1c0d1e-0000-4000-8000-000000000000', 'a blob of our origin', 'allow'],
    ['devtools://devtools/bundled/devtools_app.html', 'DevTools (development only)', 'allow'],
    ['http://example.com/', 'plain http', 'cancel'],
    ['https://example.com/pixel.gif', 'https (a tracking pixel in pasted text)', 'cancel'],
    ['HTTPS://EXAMPLE.COM/', 'upper-case scheme', 'cancel'],
    ['http://127.0.0.1:8080/', 'loopback http (a local service)', 'cancel'],
    ['http://localhost/', 'localhost', 'cancel'],
    ['http://[::1]/', 'IPv6 loopback', 'cancel'],
    ['ws://127.0.0.1:9229/', 'a WebSocket to the Node inspector port', 'cancel'],
    ['wss://example.com/socket', 'a secure WebSocket', 'cancel'],
    ['ftp://example.com/file', 'ftp', 'cancel'],
    ['file:///etc/passwd', 'a local file', 'cancel'],
    [OWN_PAGE_BY_FILE, 'even our own files by file:// (served via app://)', 'cancel'],
    ['chrome-extension://abcdefghijklmnop/script.js', 'an extension', 'cancel'],
    ['chrome://gpu', 'a browser page', 'cancel'],
    ['view-source:https://example.com/', 'view-source', 'cancel'],
    ['filesystem:https://example.com/temporary/x', 'filesystem:', 'cancel'],
    ['app://evil/x.js', 'another app:// host', 'cancel'],
    ['app://sessionkeep.evil.com/x.js', 'a look-alike host', 'cancel'],
    ['app://user@sessionkeep/x.js', 'our host with credentials', 'cancel'],
    ['app://sessionkeep:444/x.js', 'our host with a port', 'cancel'],
    ['blob:https://example.com/6f1c0d1e', 'a blob (allowed scheme; its origin cannot be fetched anyway)', 'allow'],
    ['not a url', 'garbage', 'cancel'],
    ['', 'the empty string', 'cancel'],
  ];

  it.each(cases)('%s (%s) → %s', (url, _why, expected) => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const onBeforeRequest = registered.beforeRequest as unknown as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const callback = vi.fn();
    onBeforeRequest({ url }, callback);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith({ cancel: expected === 'cancel' });
  });

  it('logs only the scheme of a cancelled request, never the URL (it may carry note text)', () => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const onBeforeRequest = registered.beforeRequest as unknown as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    onBeforeRequest({ url: 'https://example.com/?q=client%20Ana%20Lima' }, () => undefined);
    expect(logged()).toContain('https:');
    expect(logged()).not.toContain('example.com');
    expect(logged()).not.toContain('Ana');
  });
});

describe('permissions: every request and check is denied', () => {
  // Electron 45's permission names (electron.d.ts), plus one it may add later.
  const permissions = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'bluetooth',
    'a-permission-from-the-future',
  ];

  it.each(permissions)('request "%s" → denied', (permission) => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const callback = vi.fn();
    const handler = registered.permissionRequest as unknown as (...args: unknown[]) => void;
    handler({} as WebContents, permission, callback, { requestingUrl: APP_ENTRY_URL, isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(permissions)('check "%s" from our own page → false', (permission) => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const check = registered.permissionCheck as unknown as (...args: unknown[]) => boolean;
    expect(check(null, permission, APP_ORIGIN, { requestingUrl: APP_ENTRY_URL, isMainFrame: true })).toBe(false);
  });

  it('devices (HID, serial, USB, Bluetooth) → false; screen capture → nothing granted', () => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const device = registered.devicePermission as unknown as (...args: unknown[]) => boolean;
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      expect(device({ deviceType, origin: APP_ORIGIN, device: {} })).toBe(false);
    }
    const displayMedia = registered.displayMedia as unknown as (...args: unknown[]) => void;
    const callback = vi.fn();
    displayMedia({ frame: null, securityOrigin: APP_ORIGIN, videoRequested: true, audioRequested: true }, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });

  it('spell checking is off, and its dictionary download points at a closed loopback port', () => {
    const { session, calls } = fakeSession();
    hardenSession(session);
    expect(calls.spellCheckerEnabled).toEqual([false]);
    const url = new URL(String(calls.dictionaryUrl?.[0]));
    expect(url.hostname).toBe('127.0.0.1');
  });
});

describe('navigation, new windows and webviews, on every WebContents', () => {
  function harden() {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    return fake;
  }
  const navigationEvents = ['will-navigate', 'will-frame-navigate', 'will-redirect'];
  // [url, isMainFrame, allowed]
  const targets: Array<[string, boolean, boolean]> = [
    [APP_ENTRY_URL, true, true],
    [`${APP_ORIGIN}/index.html#/clients/1`, true, true],
    ['about:blank', false, true],
    ['about:srcdoc', false, true],
    ['about:blank', true, false],
    ['https://example.com/', true, false],
    ['https://example.com/', false, false],
    ['http://127.0.0.1:5173/', true, false],
    ['file:///home/me/notes.txt', true, false],
    ['javascript:alert(1)', true, false],
    ['mailto:someone@example.org', true, false],
    ['app://evil/', true, false],
    ['chrome://settings', true, false],
  ];

  for (const event of navigationEvents) {
    it.each(targets)(`${event} to %s (main frame: %s) → allowed: %s`, (url, isMainFrame, allowed) => {
      const { listeners } = harden();
      const preventDefault = vi.fn();
      listeners[event]?.({ url, isMainFrame, preventDefault } as never);
      expect(preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
    });
  }

  it.each([APP_ENTRY_URL, 'https://example.com/', 'about:blank', 'file:///etc/passwd', ''])(
    'window.open / target=_blank / middle click to "%s" → denied',
    (url) => {
      const { windowOpenHandler } = harden();
      const handler = windowOpenHandler();
      expect(handler).toBeDefined();
      expect(handler?.({ url, frameName: '', features: '', disposition: 'new-window' } as never)).toEqual({
        action: 'deny',
      });
    },
  );

  it('a <webview> is never attached', () => {
    const { listeners } = harden();
    const preventDefault = vi.fn();
    listeners['will-attach-webview']?.({ preventDefault } as never);
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('applySecurity: the default session now, every later session and WebContents too', () => {
  it('hardens the default session and subscribes to session-created and web-contents-created', () => {
    const appListeners: Record<string, Listener> = {};
    const app = { on: (event: string, listener: Listener) => (appListeners[event] = listener) } as unknown as App;
    const first = fakeSession();
    applySecurity(app, first.session);
    expect(first.registered.beforeRequest).toBeDefined();

    const later = fakeSession();
    (appListeners['session-created'] as unknown as (session: Session) => void)(later.session);
    expect(later.registered.beforeRequest).toBeDefined();
    expect(later.registered.permissionRequest).toBeDefined();

    const contents = fakeWebContents();
    (appListeners['web-contents-created'] as unknown as (event: unknown, contents: WebContents) => void)(
      {},
      contents.contents,
    );
    expect(contents.windowOpenHandler()).toBeDefined();
    expect(Object.keys(contents.listeners).sort()).toEqual(
      ['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'].sort(),
    );
  });
});

describe('webPreferences: what every window gets', () => {
  // main.ts spreads these into its one BrowserWindow; Electronegativity cannot see
  // through the spread (see the eng-disable comment there), so this is the proof.
  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences.preload.endsWith('preload.cjs')).toBe(true);
  });
});
