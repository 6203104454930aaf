import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createCore, type Core } from '../../src/main/core/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/http/server';
import { tempDir } from '../support/temp';
import playwrightConfig from '../../playwright.config';

/** The whole app as the browser benches drive it: core, browser host and Chromium. */

const ROOT = join(import.meta.dirname, '..', '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');

/** Build the app (electron-vite) so the host serves the code being measured. */
export function buildApp(): void {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('electron-vite build failed');
}

/** Build the app only when out/renderer is missing (benches that measure the store more than the page). */
export function buildAppIfMissing(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  console.log('building the renderer once (out/renderer is missing)…');
  buildApp();
}

/** Chromium with the e2e suite's launch options (Debian's binary, no network chatter), headless. */
export async function launchBenchBrowser(): Promise<Browser> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  return chromium.launch({ ...launch, executablePath: launch.executablePath ?? '/usr/bin/chromium', headless: true });
}

export interface BenchApp {
  /** The temporary folder of this run (database, built baseline page, scratch files). */
  dir: string;
  core: Core;
  host: BrowserHost;
  browser: Browser;
  /** Close the browser, host and core, and remove the folder. */
  close(): Promise<void>;
}

/** A core on a fresh temporary database, the browser host serving the built renderer, and Chromium. */
export async function startBenchApp(prefix: string): Promise<BenchApp> {
  const { dir, cleanup } = tempDir(prefix);
  const core = createCore({ databasePath: join(dir, 'bench.db'), host: 'browser' });
  const host = await startBrowserHost({ core, rendererDir: RENDERER_DIR });
  const browser = await launchBenchBrowser();
  return {
    dir,
    core,
    host,
    browser,
    async close() {
      await browser.close();
      await host.close();
      core.close();
      cleanup();
    },
  };
}
