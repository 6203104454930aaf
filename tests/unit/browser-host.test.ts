import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { request as playwrightRequest } from '@playwright/test';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';

let core: Core;
let host: BrowserHost;
let cleanup: () => void;
let cleanupDir: string;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  cleanupDir = t.dir;
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
    const viaCookie = await apiCall('listArticles', {}, { cookie: `${host.cookieName}=${host.token}` });
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
    const cookie = { host: hostHeader(), cookie: `${host.cookieName}=${host.token}` };
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

  it('names its session cookie after its port, so two hosts in one browser both stay signed in', async () => {
    const second = await startBrowserHost({ core, rendererDir: join(cleanupDir, 'renderer') });
    // One cookie jar, as a browser has: cookies are shared between the ports of 127.0.0.1.
    const browser = await playwrightRequest.newContext();
    try {
      for (const h of [host, second]) expect((await browser.get(h.url)).status()).toBe(200);
      for (const h of [host, second]) {
        const r = await browser.post(`${h.origin}/api/listArticles`, { data: {}, headers: { origin: h.origin } });
        expect(r.status(), h.origin).toBe(200);
        expect(await r.json()).toMatchObject({ ok: true });
      }
      const names = (await browser.storageState()).cookies.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining([host.cookieName, second.cookieName]));
      expect(host.cookieName).not.toBe(second.cookieName);
    } finally {
      await browser.dispose();
      await second.close();
    }
  });

  it('answers a malformed % escape with a 400 and a short sentence, logging nothing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const auth = { 'x-newsroom-token': host.token, host: hostHeader() };
      for (const path of ['/api/list%E0%A4Articles', '/api/%zz', '/%E0%A4%A.js', '/assets/%zz.css']) {
        const api = path.startsWith('/api/');
        const r = await raw(path, api ? { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' } : { headers: auth });
        expect(r.status, path).toBe(400);
        expect(r.body, path).toBe('The address holds a malformed % escape.');
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses a request carrying two Host headers', async () => {
    const port = Number(new URL(host.origin).port);
    const reply = await rawExchange(
      port,
      `POST /api/listArticles HTTP/1.1\r\nHost: ${hostHeader()}\r\nHost: evil.example\r\nX-Newsroom-Token: ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('More than one Host header.');
    expect(reply).not.toContain('"ok":true');
  });

  it('delivers the 413 answer to a client still sending a too-large body', async () => {
    const small = await startBrowserHost({ core, rendererDir: join(cleanupDir, 'renderer'), maxBodyBytes: 64 * 1024 });
    const port = Number(new URL(small.origin).port);
    const head = (extra: string) =>
      `POST /api/saveArticle HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Newsroom-Token: ${small.token}\r\nContent-Type: application/json\r\n${extra}\r\n`;
    const body = Buffer.alloc(4 * 1024 * 1024, 0x61);
    try {
      // Declared too large, and discovered too large while reading a chunked body.
      for (const [label, request] of [
        ['declared', [Buffer.from(head(`Content-Length: ${body.length}\r\n`)), body]],
        ['chunked', [Buffer.from(head('Transfer-Encoding: chunked\r\n')), Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]],
      ] as const) {
        const reply = await rawExchange(port, Buffer.concat([...request]));
        expect(reply, label).toMatch(/^HTTP\/1\.1 413 /);
        expect(reply, label).toContain('"message":"The request is larger than 65536 bytes."');
      }
    } finally {
      await small.close();
    }
  });
});

/** Send `payload` on a raw socket and return everything the server answered (rejects on a reset). */
function rawExchange(port: number, payload: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (c) => {
      reply += c.toString('utf8');
      // The answer is complete once its JSON or text body arrived; stop sending and hang up.
      if (replyComplete(reply)) {
        socket.destroy();
        resolve(reply);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(reply));
    socket.write(payload);
  });
}

/** True once the body announced by Content-Length has fully arrived. */
function replyComplete(reply: string): boolean {
  const [head, ...rest] = reply.split('\r\n\r\n');
  const length = /content-length: (\d+)/i.exec(head ?? '');
  return !!length && Buffer.byteLength(rest.join('\r\n\r\n')) >= Number(length[1]);
}
