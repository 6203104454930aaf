import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/core/http/server';
import { tempDir } from '../support/temp';

let core: Core;
let host: BrowserHost;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Newsroom</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'secret');
  core = createCore({ databasePath: join(t.dir, 'n.db'), host: 'browser' });
  host = await startBrowserHost({ core, rendererDir });
});
afterAll(async () => {
  await host.close();
  core.close();
  cleanup();
});

/** A raw request so tests can forge Host and Origin headers. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(host.origin);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const hostHeader = () => new URL(host.origin).host;
const apiCall = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${name}`, { method: 'POST', headers: { host: hostHeader(), 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('swaps the URL token for an HttpOnly SameSite cookie', async () => {
    const r = await raw(`/?token=${host.token}`, { headers: { host: hostHeader() } });
    expect(r.status).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await raw(`/?token=wrong`, { headers: { host: hostHeader() } })).status).toBe(403);
  });

  it('requires the token on every API request', async () => {
    expect((await apiCall('listArticles', {})).status).toBe(401);
    const ok = await apiCall('listArticles', {}, { 'x-newsroom-token': host.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { total: 0 } });
    const viaCookie = await apiCall('listArticles', {}, { cookie: `newsroom_token=${host.token}` });
    expect(JSON.parse(viaCookie.body)).toMatchObject({ ok: true });
  });

  it('refuses foreign Host and Origin headers (DNS rebinding)', async () => {
    const auth = { 'x-newsroom-token': host.token };
    expect((await apiCall('listArticles', {}, { ...auth, host: 'evil.example:80' })).status).toBe(421);
    expect((await apiCall('listArticles', {}, { ...auth, origin: 'http://evil.example' })).status).toBe(403);
    expect((await apiCall('listArticles', {}, { ...auth, origin: host.origin })).status).toBe(200);
  });

  it('answers bad JSON and bad input with typed errors', async () => {
    const auth = { 'x-newsroom-token': host.token, host: hostHeader(), 'content-type': 'application/json' };
    const bad = await raw('/api/listArticles', { method: 'POST', headers: auth, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const typed = await apiCall('getArticle', { id: 7 }, { 'x-newsroom-token': host.token });
    expect(JSON.parse(typed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves the renderer but nothing outside it', async () => {
    const cookie = { host: hostHeader(), cookie: `newsroom_token=${host.token}` };
    const index = await raw('/', { headers: cookie });
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await raw(path, { headers: cookie });
      expect(r.body, path).not.toBe('secret');
      expect(r.status, path).toBe(404);
    }
    expect((await raw('/', { headers: { host: hostHeader() } })).status).toBe(401);
  });
});
