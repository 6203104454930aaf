// Layer rules: which runtime each folder may use. See README "Architecture".
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3', 'sharp', 'exifr', 'mammoth', 'iconv-lite', 'fflate', 'ajv', 'ajv-formats', 'tsx', 'linkedom'];

const restrict = (message, { names = [], patterns = [] }) => [
  'error',
  {
    paths: names.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('src/shared is pure TypeScript: no Node, DOM, Electron or UI imports.', {
        names: [...nodeBuiltins, ...nodeOnlyPackages, 'electron', 'react', 'react-dom', 'prosemirror-view'],
        patterns: ['**/main/**', '**/renderer/**', '**/preload/**'],
      }),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/shell/**'],
    rules: {
      'no-restricted-imports': restrict('Only the Electron shell (src/main/index.ts, src/main/shell/) may import electron; the core runs under plain Node.', {
        names: ['electron'],
        patterns: ['**/renderer/**', '**/preload/**', '**/shell/**'],
      }),
    },
  },
  {
    // The core serves every host and knows none of them: not the shell, the browser host (src/main/http/) nor the CLI.
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('The core never imports a host (src/main/shell, src/main/http, src/main/cli) or electron.', {
        names: ['electron'],
        patterns: ['**/renderer/**', '**/preload/**', '**/shell/**', '**/main/http/**', '../http/**', '../../http/**', '**/cli/**'],
      }),
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('The shell adapts the core; it never reaches into the renderer or preload.', {
        patterns: ['**/renderer/**', '**/preload/**'],
      }),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('The preload may use only electron and src/shared.', {
        names: [...nodeBuiltins, ...nodeOnlyPackages],
        patterns: ['**/main/**', '**/renderer/**'],
      }),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict('The renderer never imports Node or Electron; it talks to the core through the API client.', {
        names: [...nodeBuiltins, ...nodeOnlyPackages, 'electron'],
        patterns: ['**/main/**', '**/preload/**'],
      }),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
);
