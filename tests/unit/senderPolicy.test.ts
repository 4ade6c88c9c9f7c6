import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  resolveAppFile,
  type SenderFacts,
} from '../../electron/senderPolicy';

describe('isTrustedSender: who may call IPC', () => {
  const cases: Array<[string, SenderFacts, boolean]> = [
    ['our page in the main frame', { url: `${APP_ORIGIN}/index.html`, isMainFrame: true }, true],
    ['our page with a hash route', { url: `${APP_ORIGIN}/index.html#/clients`, isMainFrame: true }, true],
    ['our origin root', { url: `${APP_ORIGIN}/`, isMainFrame: true }, true],
    [
      'a file:// page',
      { url: pathToFileURL(join(process.cwd(), 'dist', 'renderer', 'index.html')).href, isMainFrame: true },
      false,
    ],
    ['a loopback http page', { url: 'http://127.0.0.1:5173/index.html', isMainFrame: true }, false],
    ['an https page', { url: 'https://sessionkeep/index.html', isMainFrame: true }, false],
    ['another app:// host', { url: 'app://evil/index.html', isMainFrame: true }, false],
    ['a look-alike host', { url: 'app://sessionkeep.evil/index.html', isMainFrame: true }, false],
    ['our host with a port', { url: 'app://sessionkeep:8080/index.html', isMainFrame: true }, false],
    ['our host with credentials', { url: 'app://user@sessionkeep/index.html', isMainFrame: true }, false],
    ['our page in a subframe', { url: `${APP_ORIGIN}/index.html`, isMainFrame: false }, false],
    ['about:blank in the main frame', { url: 'about:blank', isMainFrame: true }, false],
    ['a malformed URL', { url: 'not a url', isMainFrame: true }, false],
    ['an empty URL', { url: '', isMainFrame: true }, false],
    ['a missing (destroyed or navigated) frame', null, false],
  ];
  it.each(cases)('%s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender)).toBe(trusted);
  });
});

describe('isAllowedNavigation: where a frame may go', () => {
  const cases: Array<[string, string, boolean, boolean]> = [
    ['our page, main frame', `${APP_ORIGIN}/index.html`, true, true],
    ['our page, subframe', `${APP_ORIGIN}/print.html`, false, true],
    ['an external link', 'https://example.org/', true, false],
    ['an external link in a subframe', 'https://example.org/', false, false],
    ['a file dropped on the window', 'file:///home/me/notes.txt', true, false],
    ['a mailto: link', 'mailto:someone@example.org', true, false],
    ['about:blank in a subframe', 'about:blank', false, true],
    ['about:blank in the main frame', 'about:blank', true, false],
    ['javascript: URL', 'javascript:alert(1)', true, false],
    ['another app:// host', 'app://evil/', true, false],
  ];
  it.each(cases)('%s', (_name, url, isMainFrame, allowed) => {
    expect(isAllowedNavigation(url, isMainFrame)).toBe(allowed);
  });
});

describe('isAllowedRequest: what the session lets through', () => {
  const cases: Array<[string, boolean]> = [
    [`${APP_ORIGIN}/assets/index-abc.js`, true],
    ['devtools://devtools/bundled/devtools_app.html', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['blob:app://sessionkeep/6f1c0d1e-0000-4000-8000-000000000000', true],
    ['http://127.0.0.1:8080/', false],
    ['https://fonts.googleapis.com/css', false],
    ['ws://127.0.0.1:9229/', false],
    ['wss://example.org/socket', false],
    ['ftp://example.org/file', false],
    ['file:///etc/passwd', false],
    ['app://evil/x.js', false],
    ['chrome://gpu', false],
    ['', false],
  ];
  it.each(cases)('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });
});

describe('resolveAppFile: app:// URL → a file inside the renderer folder', () => {
  const root = resolve('/srv/sessionkeep/dist/renderer');
  const cases: Array<[string, string | null]> = [
    [`${APP_ORIGIN}/index.html`, join(root, 'index.html')],
    [`${APP_ORIGIN}/`, join(root, 'index.html')],
    [`${APP_ORIGIN}/assets/index-abc.js`, join(root, 'assets', 'index-abc.js')],
    [`${APP_ORIGIN}/assets/a%20b.css`, join(root, 'assets', 'a b.css')],
    [`${APP_ORIGIN}/index.html?x=1#/clients`, join(root, 'index.html')],
    // The URL parser already folds literal dot segments; the rest is on us.
    [`${APP_ORIGIN}/../../etc/passwd`, join(root, 'etc', 'passwd')],
    [`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, join(root, 'etc', 'passwd')],
    [`${APP_ORIGIN}/assets/..%2f..%2f..%2fetc%2fpasswd`, null],
    [`${APP_ORIGIN}/..%2f..%2fsecret`, null],
    [`${APP_ORIGIN}/..%5c..%5csecret`, process.platform === 'win32' ? null : join(root, '..\\..\\secret')],
    [`${APP_ORIGIN}/%00index.html`, null],
    [`${APP_ORIGIN}/%E0%A4%A`, null],
    ['app://evil/index.html', null],
    ['file:///srv/sessionkeep/dist/renderer/index.html', null],
  ];
  it.each(cases)('%s', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected);
  });

  it('never answers with a path outside the folder', () => {
    const attempts = ['..', '%2e%2e', '..%2f', '%2e%2e%2f', '....//', '..%252f', '%c0%ae%c0%ae%2f'];
    for (const attempt of attempts) {
      const file = resolveAppFile(root, `${APP_ORIGIN}/${attempt}${attempt}${attempt}etc/passwd`);
      if (file !== null) expect(file.startsWith(`${root}/`) || file.startsWith(`${root}\\`)).toBe(true);
    }
  });
});
