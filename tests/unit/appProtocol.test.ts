import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppProtocol } from '../../electron/appProtocol';
import { makeTempFolder, removeFolder } from './support/vaultFolder';

/**
 * The app:// handler itself (issue 13: the app protocol is tested under Node), given a
 * stand-in for Electron's `protocol` that keeps the handler, and real Requests.
 */

let root: string;
let outside: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = makeTempFolder('app-protocol');
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Sessionkeep</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(outside, 'not for the page');
  const protocol = {
    handle: (_scheme: string, given: (request: Request) => Promise<Response>) => {
      handler = given;
    },
  } as unknown as Protocol;
  registerAppProtocol(protocol, root);
});

afterAll(() => removeFolder(join(root, '..')));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app://sessionkeep', () => {
  it('serves the renderer with its type, nosniff and no framing', async () => {
    const page = await get('app://sessionkeep/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(await page.text()).toContain('<title>Sessionkeep</title>');
    const script = await get('app://sessionkeep/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers HEAD without a body', async () => {
    const head = await get('app://sessionkeep/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['a file outside the renderer folder, by ..', 'app://sessionkeep/../secret.txt'],
    ['the same, percent-encoded', 'app://sessionkeep/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://sessionkeep/..%2fsecret.txt'],
    ['another host', 'app://elsewhere/index.html'],
    ['a missing file', 'app://sessionkeep/nothing-here.js'],
    ['a folder', 'app://sessionkeep/assets'],
  ])('refuses %s with a plain 404', async (_why, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    expect((await get('app://sessionkeep/index.html', method)).status).toBe(405);
  });
});
