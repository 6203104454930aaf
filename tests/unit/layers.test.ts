import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it('forbids Node imports in the renderer', async () => {
    expect(await violations('src/renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await violations('src/renderer/src/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n")).toContain('no-restricted-imports');
    expect(await violations('src/renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toContain('no-restricted-imports');
    expect(await violations('src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toContain('no-restricted-imports');
    expect(await violations('src/renderer/src/x.ts', "import { createCore } from '../../main/core/core';\nexport const a = createCore;\n")).toContain('no-restricted-imports');
  });

  it('keeps src/shared pure', async () => {
    expect(await violations('src/shared/x.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toContain('no-restricted-imports');
    expect(await violations('src/shared/x.ts', 'export const a = document.title;\n')).toContain('no-restricted-globals');
    expect(await violations('src/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('keeps electron out of the core but allows it in the shell', async () => {
    expect(await violations('src/main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await violations('src/main/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await violations('src/main/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });

  it('keeps the hosts out of the core, and electron out of the browser host', async () => {
    expect(await violations('src/main/core/x.ts', "import { startBrowserHost } from '../http/server';\nexport const a = startBrowserHost;\n")).toContain('no-restricted-imports');
    expect(await violations('src/main/core/media/x.ts', "import { startBrowserHost } from '../../http/server';\nexport const a = startBrowserHost;\n")).toContain('no-restricted-imports');
    expect(await violations('src/main/core/x.ts', "import { call } from '../cli/call';\nexport const a = call;\n")).toContain('no-restricted-imports');
    expect(await violations('src/main/http/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await violations('src/main/http/x.ts', "import { createCore } from '../core/core';\nexport const a = createCore;\n")).toEqual([]);
  });
});
