import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';
import { makeJpeg, SVG_WITH_SCRIPT, withMetadata } from '../support/photos';

/** The browser host's media routes: POST /upload and GET /media/<variant>/<id>. */

let dir: string;
let cleanup: () => void;
let core: Core;
let host: BrowserHost;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('newsroom-media-http-'));
  core = createCore({ databasePath: join(dir, 'newsroom.db'), host: 'browser' });
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Newsroom</title>');
  host = await startBrowserHost({ core, rendererDir });
});
afterEach(async () => {
  await host.close();
  core.close();
  cleanup();
});

const auth = () => ({ 'X-Newsroom-Token': host.token });

async function upload(bytes: Uint8Array, name: string, headers: Record<string, string> = { ...auth(), 'Content-Type': 'image/jpeg' }) {
  const response = await fetch(`${host.origin}/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: new Blob([new Uint8Array(bytes)]) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: { media: { id: string; width: number }; prefill: { caption: string } }; error?: { code: string; message: string } } };
}

describe('POST /upload', () => {
  it('stores the photo and answers with its facts and prefill', async () => {
    const jpeg = withMetadata(await makeJpeg(), dir, { caption: 'Chú thích'.normalize('NFD'), byline: 'Tiến Thành' });
    const { status, body } = await upload(jpeg, 'ảnh đẹp.jpg');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.value!.media.width).toBe(2400);
    expect(body.value!.prefill.caption).toBe('Chú thích'.normalize('NFC'));
    expect(core.media.get(body.value!.media.id)?.fileName).toBe('ảnh đẹp.jpg');
  });

  it('needs the access token', async () => {
    const { status, body } = await upload(await makeJpeg(), 'a.jpg', { 'Content-Type': 'image/jpeg' });
    expect(status).toBe(401);
    expect(body.error?.code).toBe('unauthenticated');
  });

  it('refuses form-style content types that another site could send', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const { status } = await upload(await makeJpeg(), 'a.jpg', { ...auth(), 'Content-Type': type });
      expect(status).toBe(415);
    }
  });

  it('refuses a foreign Origin before anything is read', async () => {
    const response = await fetch(`${host.origin}/upload?name=a.jpg`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'image/jpeg', Origin: 'http://evil.example' },
      body: new Blob([new Uint8Array(await makeJpeg())]),
    });
    expect(response.status).toBe(403);
    expect((core.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n).toBe(0);
  });

  it('says clearly why a hostile file was refused', async () => {
    const { status, body } = await upload(SVG_WITH_SCRIPT, 'logo.jpg', { ...auth(), 'Content-Type': 'application/octet-stream' });
    expect(status).toBe(200);
    expect(body).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^“logo\.jpg” was not added: it is an SVG drawing/) } });
  });

  it('refuses a body over the size cap from its Content-Length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.origin}/upload?name=big.jpg`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'image/jpeg', 'Content-Length': String(101 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });
});

describe('GET /media/<variant>/<id>', () => {
  it('serves the preview and the original with safe headers', async () => {
    const jpeg = await makeJpeg({ width: 3000, height: 2000 });
    const { body } = await upload(jpeg, 'a.jpg');
    const id = body.value!.media.id;

    const preview = await fetch(`${host.origin}/media/preview/${id}`, { headers: auth() });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    expect(preview.headers.get('content-security-policy')).toContain('sandbox');
    const meta = await sharp(Buffer.from(await preview.arrayBuffer())).metadata();
    expect(meta.width).toBe(1600);

    const original = await fetch(`${host.origin}/media/original/${id}`, { headers: auth() });
    expect(Buffer.from(await original.arrayBuffer()).equals(jpeg)).toBe(true);
  });

  it('answers 404 for unknown ids, unknown variants and anything path-like', async () => {
    const { body } = await upload(await makeJpeg(), 'a.jpg');
    const id = body.value!.media.id;
    for (const path of [
      `/media/preview/${'0'.repeat(64)}`,
      `/media/thumbnail/${id}`,
      `/media/preview/${id.toUpperCase()}`,
      `/media/preview/${id}/..`,
      '/media/preview/..%2F..%2Fnewsroom.db',
      '/media/original/%2e%2e%2fnewsroom.db',
      '/media/preview/',
    ]) {
      const response = await fetch(`${host.origin}${path}`, { headers: auth() });
      expect(response.status, path).toBe(404);
    }
  });

  it('needs the access token', async () => {
    const { body } = await upload(await makeJpeg(), 'a.jpg');
    const response = await fetch(`${host.origin}/media/preview/${body.value!.media.id}`);
    expect(response.status).toBe(401);
  });
});
