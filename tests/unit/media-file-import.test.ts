import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';
import { makeJpeg } from '../support/photos';

// The Electron binary never runs in unit tests: IPC is tested against a stand-in.
const channels = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => channels.set(channel, fn) } }));
const { registerIpc } = await import('../../src/main/shell/ipc');
const { ChosenPaths } = await import('../../src/main/shell/chosen-paths');
const { callChannel } = await import('../../src/shared/bridge');

/** importMediaFile: the desktop photo chooser's photos are read by path in the main process, one at a time. */

let dir: string;
let cleanup: () => void;
let core: Core;
let host: BrowserHost;
let chosen: InstanceType<typeof ChosenPaths>;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('newsroom-media-file-'));
  core = createCore({ databasePath: join(dir, 'newsroom.db'), host: 'electron' });
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ core, rendererDir: join(dir, 'renderer') });
  channels.clear();
  chosen = new ChosenPaths();
  registerIpc(core, chosen);
});
afterEach(async () => {
  await host.close();
  core.close();
  cleanup();
});

const fromApp = { senderFrame: { url: 'newsroom://app/index.html' } };
const importOverIpc = (input: unknown) => channels.get(callChannel('importMediaFile'))!(fromApp, input) as Promise<{ ok: boolean; value?: { media: { id: string; fileName: string } }; error?: { code: string; message: string } }>;

describe('importMediaFile over IPC', () => {
  it('imports a photo the user chose, by path, once', async () => {
    const photo = join(dir, 'ảnh đẹp.jpg');
    writeFileSync(photo, await makeJpeg());
    chosen.add([photo]);
    const result = await importOverIpc({ path: photo });
    expect(result.ok).toBe(true);
    expect(core.media.get(result.value!.media.id)?.fileName).toBe('ảnh đẹp.jpg');
    expect(await importOverIpc({ path: photo })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a path the user did not choose, and reads nothing', async () => {
    const photo = join(dir, 'secret.jpg');
    writeFileSync(photo, await makeJpeg());
    const result = await importOverIpc({ path: photo });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only a file chosen in the photo chooser can be imported by its path.' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 0 });
  });

  it('refuses a chosen file over the size limit by its size, before reading it', async () => {
    const huge = join(dir, 'video.jpg');
    writeFileSync(huge, '');
    truncateSync(huge, 4 * 1024 * 1024 * 1024); // sparse 4 GB: reading it would take seconds and gigabytes
    chosen.add([huge]);
    const result = await importOverIpc({ path: huge });
    expect(result.ok).toBe(false);
    expect(result.error!.message).toMatch(/video\.jpg/);
    expect(result.error!.message).toMatch(/100 MB|too large/i);
  });

  it('refuses a wrong-typed input with invalid_input through dispatch', async () => {
    for (const input of [{ path: 42 }, { path: '' }, { path: '/x.jpg', data: [1] }]) {
      expect(await core.call('importMediaFile', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('importMediaFile in the browser host', () => {
  it('is refused: a web page never names a file on this computer', async () => {
    const photo = join(dir, 'a.jpg');
    writeFileSync(photo, await makeJpeg());
    const response = await fetch(`${host.origin}/api/importMediaFile`, {
      method: 'POST',
      headers: { 'X-Newsroom-Token': host.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: photo }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
