import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { freshVaultFolder, type Harness, startHarness } from './harness';

/** A raw HTTP request with full control of the headers (a browser would not allow it). */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += String(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let harness: Harness;
let origin: string;
let cookie: string;

test.beforeAll(async () => {
  harness = await startHarness(freshVaultFolder());
  const url = new URL(harness.url);
  origin = url.origin;
  const opened = await rawRequest(harness.url, {});
  expect(opened.status).toBe(303);
  cookie = String(opened.headers['set-cookie']).split(';')[0] ?? '';
});
test.afterAll(async () => harness.stop());

const ipcHeaders = () => ({ cookie, origin, 'content-type': 'application/json' });

test('the harness listens on 127.0.0.1 only and refuses requests without the launch token', async () => {
  expect(new URL(harness.url).hostname).toBe('127.0.0.1');
  expect((await rawRequest(`${origin}/`, {})).status).toBe(403);
  expect((await rawRequest(`${origin}/open?token=wrong`, {})).status).toBe(403);
  const withoutCookie = await rawRequest(`${origin}/ipc/vault:status`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(withoutCookie.status).toBe(403);
  expect((await rawRequest(`${origin}/`, { headers: { cookie } })).status).toBe(200);
});

test('a foreign Host (DNS rebinding) or a foreign Origin (CSRF) is refused', async () => {
  expect((await rawRequest(`${origin}/`, { headers: { cookie, host: 'evil.example:80' } })).status).toBe(403);
  const csrf = await rawRequest(`${origin}/ipc/vault:create`, {
    method: 'POST',
    headers: { ...ipcHeaders(), origin: 'http://evil.example' },
    body: JSON.stringify({ passphrase: 'a perfectly long passphrase' }),
  });
  expect(csrf.status).toBe(403);
  expect(existsSync(harness.vault)).toBe(false); // no vault folder was even created
});

test('IPC goes through the same validation: bad JSON, unknown channels and bad fields change nothing', async () => {
  const post = (channel: string, body: string) =>
    rawRequest(`${origin}/ipc/${channel}`, { method: 'POST', headers: ipcHeaders(), body });
  const badJson = JSON.parse((await post('vault:status', '{not json')).body);
  expect(badJson).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  const unknown = JSON.parse((await post('vault:explode', '{}')).body);
  expect(unknown).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  const polluted = JSON.parse(
    (await post('vault:create', '{"passphrase":"long enough passphrase","__proto__":{"x":1}}')).body,
  );
  expect(polluted).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  const huge = JSON.parse(
    (await post('vault:create', JSON.stringify({ passphrase: 'x'.repeat(9 * 1024 * 1024) }))).body,
  );
  expect(huge).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  expect(existsSync(harness.vault)).toBe(false); // no vault folder was even created
  const status = JSON.parse((await post('vault:status', '{}')).body);
  expect(status).toMatchObject({ ok: true, value: { state: 'none' } });
});

test('the served page keeps the strict CSP, relaxed only to reach the harness itself', async () => {
  const page = await rawRequest(`${origin}/`, { headers: { cookie } });
  const csp = /content="([^"]*)"/.exec(page.body.slice(page.body.indexOf('Content-Security-Policy')))?.[1] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
});
