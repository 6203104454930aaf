import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';
import { makeJpeg } from '../support/photos';

// The Electron binary never runs in unit tests: the shell's media scheme is tested against a stand-in.
const handlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: { handle: (scheme: string, fn: (request: Request) => Promise<Response>) => handlers.set(scheme, fn) },
  net: { fetch: () => Promise.reject(new Error('no files in this test')) },
}));
const { serveMedia } = await import('../../src/main/shell/protocol');

/** Both hosts serve a photo through the core's readMedia call, with one set of headers. */

let dir: string;
let cleanup: () => void;
let core: Core;
let host: BrowserHost;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('newsroom-media-hosts-'));
  core = createCore({ databasePath: join(dir, 'newsroom.db'), host: 'browser' });
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Newsroom</title>');
  host = await startBrowserHost({ core, rendererDir });
  serveMedia((name, input) => core.call(name, input));
});
afterEach(async () => {
  await host.close();
  core.close();
  cleanup();
});

/** The headers a client can see, minus those the HTTP server adds to every answer. */
function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) out[name] = value;
  });
  return out;
}

describe('one media answer for both hosts', () => {
  it('the Electron scheme and the browser host send the same bytes with the same headers for the same photo', async () => {
    const jpeg = await makeJpeg();
    const imported = await core.call('importMedia', { fileName: 'a.jpg', data: jpeg });
    if (!imported.ok) throw new Error(imported.error.message);
    const id = (imported.value as { media: { id: string } }).media.id;
    for (const variant of ['original', 'preview']) {
      const electron = await handlers.get('newsroom-media')!(new Request(`newsroom-media://${variant}/${id}`));
      const browser = await fetch(`${host.origin}/media/${variant}/${id}`, { headers: { 'X-Newsroom-Token': host.token } });
      expect(electron.status, variant).toBe(200);
      expect(browser.status, variant).toBe(200);
      const headers = headersOf(browser);
      expect(headersOf(electron), variant).toEqual(headers);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(headers['content-type']).toMatch(/^image\//);
      expect(Buffer.from(await electron.arrayBuffer())).toEqual(Buffer.from(await browser.arrayBuffer()));
    }
    expect(Buffer.from(await (await handlers.get('newsroom-media')!(new Request(`newsroom-media://original/${id}`))).arrayBuffer())).toEqual(jpeg);
  });

  it('an unknown photo or a malformed address is a 404 on both hosts', async () => {
    for (const path of [`original/${'0'.repeat(64)}`, 'thumbnail/' + 'a'.repeat(64), 'original/..%2f..%2fetc']) {
      const electron = await handlers.get('newsroom-media')!(new Request(`newsroom-media://${path}`));
      const browser = await fetch(`${host.origin}/media/${path}`, { headers: { 'X-Newsroom-Token': host.token } });
      expect([electron.status, browser.status], path).toEqual([404, 404]);
    }
  });
});

describe('readMedia refuses wrong-typed input on every host path', () => {
  it('through the dispatch the shell and CLI use', async () => {
    for (const input of [{ id: 42, variant: 'original' }, { id: 'a'.repeat(64), variant: 'thumbnail' }, { id: 'a'.repeat(64), variant: 'original', extra: 1 }]) {
      const result = await core.call('readMedia', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
  });

  it('through the browser host, which sends byte calls to /media and /upload instead of JSON', async () => {
    for (const name of ['readMedia', 'importMedia']) {
      const response = await fetch(`${host.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'X-Newsroom-Token': host.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 42 }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: `${name} carries raw bytes, which JSON cannot: use POST /upload or GET /media/<variant>/<id>.` },
      });
    }
  });
});
