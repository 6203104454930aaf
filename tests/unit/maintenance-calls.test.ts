import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';
import { createDocument, documentToStored } from '../../src/shared/document';

// The Electron binary never runs in unit tests: IPC registration is tested against a stand-in.
const channels = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => channels.set(channel, fn) } }));
const { registerIpc } = await import('../../src/main/shell/ipc');
const { callChannel } = await import('../../src/shared/bridge');
const { ChosenPaths } = await import('../../src/main/shell/chosen-paths');

/** checkDatabase and backupDatabase: typed refusals on every host path, and backups only from Node hosts. */

let dir: string;
let cleanup: () => void;
let core: Core;
let host: BrowserHost;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('newsroom-maintenance-'));
  core = createCore({ databasePath: join(dir, 'newsroom.db'), host: 'browser' });
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ core, rendererDir: join(dir, 'renderer') });
  channels.clear();
  registerIpc(core, new ChosenPaths());
});
afterEach(async () => {
  await host.close();
  core.close();
  cleanup();
});

const fromApp = { senderFrame: { url: 'newsroom://app/index.html' } };
async function overHttp(name: string, input: unknown) {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'X-Newsroom-Token': host.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('checkDatabase', () => {
  it('refuses a wrong-typed input with invalid_input through dispatch, IPC and the browser host', async () => {
    const bad = { quick: 'yes' };
    const direct = await core.call('checkDatabase', bad);
    expect(direct).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await channels.get(callChannel('checkDatabase'))!(fromApp, bad)).toEqual(direct);
    expect((await overHttp('checkDatabase', bad)).body).toEqual(direct);
    expect(direct.ok ? '' : direct.error.message).toMatch(/^checkDatabase: quick: /);
  });

  it('reports every check of a sound database', async () => {
    const result = await core.call('checkDatabase', {});
    expect(result.ok).toBe(true);
    const value = result.ok ? (result.value as { ok: boolean; results: { name: string; problems: string[] }[] }) : null;
    expect(value!.ok).toBe(true);
    expect(value!.results.map((r) => r.name)).toEqual(expect.arrayContaining(['integrity', 'search index']));
  });
});

describe('backupDatabase', () => {
  it('refuses a wrong-typed or relative file with invalid_input, and writes nothing', async () => {
    for (const input of [{ file: 42 }, { file: '' }, { file: 'relative.db' }, { target: join(dir, 'x.db') }]) {
      const result = await core.call('backupDatabase', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(existsSync(join(dir, 'relative.db'))).toBe(false);
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });

  it('writes a verified copy through dispatch', async () => {
    const target = join(dir, 'copy.db');
    const result = await core.call('backupDatabase', { file: target });
    expect(result).toMatchObject({ ok: true, value: { file: target } });
    expect(existsSync(target)).toBe(true);
  });

  it('is never offered to a page: no IPC channel, and the browser host refuses it', async () => {
    expect(channels.has(callChannel('backupDatabase'))).toBe(false);
    expect(channels.has(callChannel('checkDatabase'))).toBe(true);
    const target = join(dir, 'from-page.db');
    const refused = await overHttp('backupDatabase', { file: target });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ ok: false, error: { code: 'forbidden', message: 'backupDatabase names files on this computer; only the desktop app and the newsroom command make it.' } });
    expect(existsSync(target)).toBe(false);
  });
});

describe('packArticleToFile and unpackPackageFile', () => {
  it('refuse wrong-typed or relative input with invalid_input through dispatch, and write nothing', async () => {
    const article = await core.call('createArticle', { document: documentToStored(createDocument({ headline: 'Tin', paragraphs: ['Đoạn một.'], authors: [] })) });
    if (!article.ok) throw new Error(article.error.message);
    const id = (article.value as { meta: { id: string } }).meta.id;
    expect(await core.call('packArticleToFile', { id: '42', file: join(dir, 'out.newsroom') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const cases: [string, unknown][] = [
      ['packArticleToFile', { id, file: 7 }],
      ['packArticleToFile', { id, file: 'out.newsroom' }],
      ['packArticleToFile', { id, file: join(dir, 'out.newsroom'), purpose: 'print' }],
      ['unpackPackageFile', { file: ['a'] }],
      ['unpackPackageFile', { file: 'in.newsroom' }],
    ];
    for (const [name, input] of cases) {
      const result = await core.call(name, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(result.ok ? '' : result.error.message, `${name} ${JSON.stringify(input)}`).toMatch(new RegExp(`^${name}: `));
    }
    expect(existsSync(join(dir, 'out.newsroom'))).toBe(false);
  });

  it('are never offered to a page: no IPC channel, and the browser host refuses them', async () => {
    for (const name of ['packArticleToFile', 'unpackPackageFile']) {
      expect(channels.has(callChannel(name as never)), name).toBe(false);
      const refused = await overHttp(name, { file: join(dir, 'x.newsroom') });
      expect(refused.status, name).toBe(403);
      expect(refused.body.error?.code).toBe('forbidden');
    }
    expect(existsSync(join(dir, 'x.newsroom'))).toBe(false);
  });
});

describe('previewImportPaths', () => {
  it('refuses wrong-typed input with invalid_input through dispatch', async () => {
    for (const input of [{ paths: 'a.txt' }, { paths: [] }, { paths: [3] }, { files: ['a.txt'] }]) {
      const result = await core.call('previewImportPaths', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(result.ok ? '' : result.error.message).toMatch(/^previewImportPaths: /);
    }
  });

  it('reads each path in the host and answers a missing one with its own sentence, the others going on', async () => {
    const story = join(dir, 'tin.txt');
    writeFileSync(story, 'Tiêu đề\n\nĐoạn một của bài.\n');
    const result = await core.call('previewImportPaths', { paths: [join(dir, 'gone.txt'), story] });
    if (!result.ok) throw new Error(result.error.message);
    const items = (result.value as { items: { name: string; importId: string | null; error: string | null; report: { headline: string } | null }[] }).items;
    expect(items.map((i) => [i.name, i.error])).toEqual([
      ['gone.txt', `${join(dir, 'gone.txt')}: no such file or folder`],
      ['tin.txt', null],
    ]);
    expect(items[1]!.importId).toEqual(expect.any(String));
  });

  it('is never offered to a page: no IPC channel, and the browser host refuses it', async () => {
    expect(channels.has(callChannel('previewImportPaths'))).toBe(false);
    const refused = await overHttp('previewImportPaths', { paths: ['/etc/hostname'] });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
  });
});
