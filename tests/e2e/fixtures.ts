import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';

export interface AppFixture {
  core: Core;
  host: BrowserHost;
  dir: string;
  databasePath: string;
  /** Stop the host and core and start them again on the same database, like quitting and relaunching. */
  restart(): Promise<void>;
}

const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'out', 'renderer');

/**
 * `app`: the browser host on a temporary database, serving the built renderer,
 * with `page` already signed in (the token cookie is set) and showing the app.
 */
export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const { dir, cleanup } = tempDir('newsroom-e2e-');
    const databasePath = join(dir, 'newsroom.db');
    let core = createCore({ databasePath, host: 'browser' });
    let host = await startBrowserHost({ core, rendererDir: RENDERER_DIR });
    const fixture: AppFixture = {
      get core() {
        return core;
      },
      get host() {
        return host;
      },
      dir,
      databasePath,
      async restart() {
        const port = Number(new URL(host.origin).port);
        const token = host.token;
        await host.close();
        core.close();
        core = createCore({ databasePath, host: 'browser' });
        host = await startBrowserHost({ core, rendererDir: RENDERER_DIR, port, token });
      },
    };
    await page.goto(host.url);
    await use(fixture);
    await host.close();
    core.close();
    cleanup();
  },
});

export { expect, type Page };
