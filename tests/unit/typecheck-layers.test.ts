/**
 * The Node project's type-check must refuse DOM names in the core. Test files are
 * their own project (tsconfig.tests.json) because one `/// <reference lib="dom" />`
 * in a file of the Node project puts the DOM into every file of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const planted = join(root, 'src/main/core/planted-dom.ts');

afterEach(() => rmSync(planted, { force: true }));

/** Type errors tsconfig.node.json reports for the planted file, with every file of the project in the program. */
function nodeProjectErrors(code: string): string[] {
  writeFileSync(planted, code);
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.node.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.node.json did not parse');
  expect(config.fileNames).toContain(planted);
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  const file = program.getSourceFile(planted);
  if (!file) throw new Error('the planted file is not in the program');
  return program.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('Node project type-check', () => {
  it('refuses document in a core file', () => {
    expect(nodeProjectErrors('export const plantedTitle = (): string => document.title;\n').join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('does not compile test files, so their DOM reference stays out', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.node.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    expect(config?.fileNames.filter((f) => f.includes('/tests/'))).toEqual([]);
  });
});
