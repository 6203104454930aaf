/**
 * The layer lint, tested by planting: each case writes a real file into the folder
 * it names, lints it with ESLint's Node API under the project's own config, and
 * deletes it. A violation must be refused by a layer rule; an allowed import must
 * lint clean, so an over-eager rule fails here too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const planted: string[] = [];

afterEach(() => {
  for (const file of planted.splice(0)) rmSync(file, { force: true });
});

/** Writes `code` to `file` (repo-relative, under a folder that exists), lints it, returns each finding as `rule: message`. */
async function plant(file: string, code: string): Promise<string[]> {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  planted.push(path);
  const [result] = await eslint.lintFiles([path]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const layerRules = /^(layers\/imports|no-restricted-globals|no-restricted-properties|no-restricted-imports): /;

// Each file name is unique so a failed cleanup never collides with a later case.
const violations: Array<[string, string, string]> = [
  // The eleven.
  ['dynamic import() of Node in the renderer', 'src/renderer/src/planted-dynamic.ts', "export const load = () => import('node:fs');\n"],
  ['electron/main in the core', 'src/main/core/planted-electron-main.ts', "import { app } from 'electron/main';\nexport const a = app;\n"],
  ['electron/renderer in the renderer', 'src/renderer/src/planted-electron-renderer.ts', "import { ipcRenderer } from 'electron/renderer';\nexport const a = ipcRenderer;\n"],
  ['the core importing the CLI', 'src/main/core/planted-cli.ts', "import { main } from '../cli/main';\nexport const a = main;\n"],
  ['react-dom/client in shared', 'src/shared/planted-react-dom.ts', "import { createRoot } from 'react-dom/client';\nexport const a = createRoot;\n"],
  ['i18next in shared', 'src/shared/planted-i18next.ts', "import i18next from 'i18next';\nexport const a = i18next;\n"],
  ['globalThis.document in shared', 'src/shared/planted-global-document.ts', 'export const title = () => globalThis.document.title;\n'],
  ['fs in the renderer', 'src/renderer/src/planted-fs.ts', "import fs from 'fs';\nexport const a = fs;\n"],
  ['node:path in the renderer', 'src/renderer/src/planted-node-path.ts', "import { join } from 'node:path';\nexport const a = join;\n"],
  ['electron in the core', 'src/main/core/planted-electron.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ["require('electron') in the core", 'src/main/core/planted-require.ts', "export const e = require('electron');\n"],
  // More shapes of the same leaks.
  ['export … from electron in the core', 'src/main/core/planted-reexport.ts', "export { app } from 'electron';\n"],
  ['export * from the renderer in the core', 'src/main/core/planted-reexport-all.ts', "export * from '../../renderer/src/api/client';\n"],
  ['dynamic import() of electron in the core', 'src/main/core/planted-dynamic-electron.ts', "export const load = () => import('electron');\n"],
  ['a computed dynamic import() in the core', 'src/main/core/planted-computed.ts', "const name = 'electron';\nexport const load = () => import(name);\n"],
  ['the shell in the core', 'src/main/core/planted-shell.ts', "import { createWindow } from '../shell/window';\nexport const a = createWindow;\n"],
  ['the preload in the core', 'src/main/core/planted-preload.ts', "export * from '../../preload/index';\n"],
  ['electron in the CLI', 'src/main/cli/planted-electron.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['the CLI in the shell', 'src/main/shell/planted-cli.ts', "import { main } from '../cli/main';\nexport const a = main;\n"],
  ['the renderer in the shell', 'src/main/shell/planted-renderer.ts', "export * from '../../renderer/src/api/client';\n"],
  ['document in shared', 'src/shared/planted-document.ts', 'export const title = () => document.title;\n'],
  ['window in shared', 'src/shared/planted-window.ts', 'export const width = () => window.innerWidth;\n'],
  ['process in shared', 'src/shared/planted-process.ts', 'export const env = () => process.env.HOME;\n'],
  ['node:path in shared', 'src/shared/planted-node-path.ts', "import { join } from 'node:path';\nexport const a = join;\n"],
  ['prosemirror-view in shared', 'src/shared/planted-view.ts', "import { EditorView } from 'prosemirror-view';\nexport const a = EditorView;\n"],
  ['the core in shared', 'src/shared/planted-core.ts', "import type { Core } from '../main/core/core';\nexport type A = Core;\n"],
  ['an unlisted zod subpath in shared', 'src/shared/planted-zod-subpath.ts', "import { z } from 'zod/mini';\nexport const a = z;\n"],
  ['process in the renderer', 'src/renderer/src/planted-process.ts', 'export const env = () => process.env.HOME;\n'],
  ['require in the renderer', 'src/renderer/src/planted-require.ts', "export const fs = require('fs');\n"],
  ['globalThis.process in the renderer', 'src/renderer/src/planted-global-process.ts', 'export const env = () => globalThis.process.env;\n'],
  ['window.require in the renderer', 'src/renderer/src/planted-window-require.ts', "export const fs = () => window.require('fs');\n"],
  ['electron in the renderer', 'src/renderer/src/planted-electron.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
  ['the core in the renderer', 'src/renderer/src/planted-core.ts', "import { createCore } from '../../main/core/core';\nexport const a = createCore;\n"],
  ['the preload in the renderer', 'src/renderer/src/planted-preload.ts', "export * from '../../preload/index';\n"],
  ['better-sqlite3 in the renderer', 'src/renderer/src/planted-sqlite.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
  ['electron beyond contextBridge/ipcRenderer in the preload', 'src/preload/planted-shell.ts', "import { shell } from 'electron';\nexport const a = shell;\n"],
  ['Node in the preload', 'src/preload/planted-fs.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ['the core in the preload', 'src/preload/planted-core.ts', "import { createCore } from '../main/core/core';\nexport const a = createCore;\n"],
  ['a plain .js file in the renderer importing fs', 'src/renderer/src/planted-js.js', "import fs from 'fs';\nexport const a = fs;\n"],
  ['a .tsx file in shared touching document', 'src/shared/planted-view.tsx', 'export const title = () => document.title;\n'],
  ['any import from a folder with no layer', 'src/planted-no-layer/x.ts', "import { z } from 'zod';\nexport const a = z;\n"],
  ['the browser host in the core', 'src/main/core/planted-http.ts', "import { startBrowserHost } from '../http/server';\nexport const a = startBrowserHost;\n"],
  ['the browser host in a core subfolder', 'src/main/core/media/planted-http.ts', "import { startBrowserHost } from '../../http/server';\nexport const a = startBrowserHost;\n"],
  ['the app in the editor', 'src/renderer/src/editor/plugins/planted-app.ts', "import { formatListTime } from '../../app/time';\nexport const a = formatListTime;\n"],
  ['a feature in the editor', 'src/renderer/src/editor/planted-feature.ts', "import type { Feature } from '../features/index';\nexport type A = Feature;\n"],
  ['electron in the browser host', 'src/main/http/planted-electron.ts', "import { app } from 'electron';\nexport const a = app;\n"],
];

const allowed: Array<[string, string, string]> = [
  ['zod and other shared files in shared', 'src/shared/planted-ok.ts', "import { z } from 'zod';\nimport { CALL_NAMES } from './api';\nexport const a = [z, CALL_NAMES];\n"],
  ['Node, its packages and shared in the core', 'src/main/core/planted-ok.ts', "import { join } from 'node:path';\nimport Database from 'better-sqlite3';\nimport { CALL_NAMES } from '../../shared/api';\nexport const a = [join, Database, CALL_NAMES];\n"],
  ['the core in the browser host', 'src/main/http/planted-ok.ts', "import { createServer } from 'node:http';\nimport { createCore } from '../core/core';\nexport const a = [createServer, createCore];\n"],
  ['the core in the CLI', 'src/main/cli/planted-ok.ts', "import { readFileSync } from 'node:fs';\nimport { createCore } from '../core/core';\nexport const a = [readFileSync, createCore];\n"],
  ['electron and the core in the shell', 'src/main/shell/planted-ok.ts', "import { app } from 'electron';\nimport { createCore } from '../core/core';\nexport const a = [app, createCore];\n"],
  ['contextBridge and shared names in the preload', 'src/preload/planted-ok.ts', "import { contextBridge, ipcRenderer } from 'electron';\nimport { CALL_NAMES } from '../shared/api';\nexport const a = [contextBridge, ipcRenderer, CALL_NAMES];\n"],
  ['the error text and other editor files in the editor', 'src/renderer/src/editor/plugins/planted-ok.ts', "import { reasonFor } from '../../api/error-text';\nimport type { EditorContext } from '../context';\nexport const a = reasonFor;\nexport type B = EditorContext;\n"],
  ['React, i18next and shared in the renderer', 'src/renderer/src/planted-ok.ts', "import { createRoot } from 'react-dom/client';\nimport i18next from 'i18next';\nimport { CALL_NAMES } from '../../shared/api';\nexport const a = [createRoot, i18next, CALL_NAMES, document.title];\n"],
];

describe('layer lint refuses each planted violation', () => {
  it.each(violations)('%s', async (_name, file, code) => {
    const findings = await plant(file, code);
    expect(findings.filter((f) => layerRules.test(f)), findings.join('\n')).not.toEqual([]);
  });
});

describe('layer lint allows what each layer is for', () => {
  it.each(allowed)('%s', async (_name, file, code) => {
    expect(await plant(file, code)).toEqual([]);
  });
});
