// Layer rules: what each folder may import and which globals it may touch. An
// allow-list: anything a layer does not name is refused. See README "Architecture".
import tseslint from 'typescript-eslint';
import layerImports from './eslint-rules/layer-imports.js';

/** Pure packages: no Node, DOM or Electron inside, so any layer may use them. */
const pure = ['zod', 'prosemirror-model', 'prosemirror-transform', 'prosemirror-changeset', '@date-fns/tz'];
/** Packages the Node core runs on (native code, file formats, XML entities, Hunspell). */
const coreRuntime = ['better-sqlite3', 'sharp', 'exifr', 'entities', 'mammoth', 'docx', 'iconv-lite', 'fflate', 'linkedom', 'nspell'];
/** Packages the renderer draws with. Hunspell data arrives as `?raw` text from the dictionary packages' folders. */
const rendererRuntime = [
  'react', 'react-dom/client', 'react-i18next', 'i18next', 'nspell',
  'prosemirror-state', 'prosemirror-view', 'prosemirror-commands', 'prosemirror-keymap', 'prosemirror-history',
  'prosemirror-inputrules', 'prosemirror-schema-list', 'prosemirror-gapcursor', 'prosemirror-dropcursor',
  'prosemirror-view/style/prosemirror.css', 'prosemirror-gapcursor/style/gapcursor.css',
];

const browserGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'self', 'fetch', 'XMLHttpRequest', 'indexedDB'];
const nodeGlobals = ['process', 'Buffer', 'require', 'global', '__dirname', '__filename', 'module', 'setImmediate'];

/** `name` and `globalThis.name` (and `window.name` in the renderer) both refused. */
const refuseGlobals = (message, names, holders = ['globalThis']) => ({
  'no-restricted-globals': ['error', ...names.map((name) => ({ name, message }))],
  'no-restricted-properties': ['error', ...holders.flatMap((object) => names.map((property) => ({ object, property, message })))],
});

/** Every kind of source file a layer may hold: a `.js` file is held to the same list as a `.ts` one. */
const code = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

const layer = (name, allow) => ({ 'layers/imports': ['error', { layer: name, ...allow }] });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  { plugins: { layers: { rules: { imports: layerImports } } } },
  {
    // A folder under src/ without a layer below may import nothing: give it one first.
    files: [`src/**/*.${code}`],
    rules: layer('src, no layer assigned', { folders: [], packages: [] }),
  },
  {
    files: [`src/shared/**/*.${code}`],
    rules: {
      ...layer('src/shared is pure TypeScript', { folders: ['src/shared'], packages: pure }),
      ...refuseGlobals('src/shared is pure TypeScript: no DOM or Node globals.', [...browserGlobals, ...nodeGlobals]),
    },
  },
  {
    files: [`src/main/core/**/*.${code}`],
    rules: {
      ...layer('src/main/core runs under plain Node, never Electron', { folders: ['src/main/core', 'src/shared'], packages: [...pure, ...coreRuntime], nodeBuiltins: true }),
      ...refuseGlobals('src/main/core runs under plain Node: no DOM globals.', browserGlobals),
    },
  },
  {
    // The browser host: a Node host of the core, like the CLI and the shell (never imported by the core).
    files: [`src/main/http/**/*.${code}`],
    rules: {
      ...layer('src/main/http is the browser host of the core', { folders: ['src/main/http', 'src/main/core', 'src/shared'], packages: [], nodeBuiltins: true }),
      ...refuseGlobals('src/main/http runs under plain Node: no DOM globals.', browserGlobals),
    },
  },
  {
    files: [`src/main/cli/**/*.${code}`],
    rules: {
      // electron-vite: `newsroom build` runs the bundler; the CLI never loads Electron itself.
      ...layer('src/main/cli is a Node host of the core', { folders: ['src/main/cli', 'src/main/core', 'src/main/http', 'src/shared'], packages: ['electron-vite'], nodeBuiltins: true }),
      ...refuseGlobals('src/main/cli runs under plain Node: no DOM globals.', browserGlobals),
    },
  },
  {
    files: ['src/main/index.ts', `src/main/shell/**/*.${code}`],
    rules: {
      ...layer('the Electron shell adapts the core', { folders: ['src/main/shell', 'src/main/core', 'src/shared'], packages: ['electron'], nodeBuiltins: true }),
      ...refuseGlobals('The Electron main process has no DOM.', browserGlobals),
    },
  },
  {
    files: [`src/preload/**/*.${code}`],
    rules: {
      ...layer('the preload forwards calls', {
        folders: ['src/preload', 'src/shared'],
        packages: ['electron'],
        importNames: { electron: ['contextBridge', 'ipcRenderer', 'IpcRendererEvent'] },
      }),
      ...refuseGlobals('The sandboxed preload uses only contextBridge and ipcRenderer.', nodeGlobals),
    },
  },
  {
    files: [`src/renderer/**/*.${code}`],
    rules: {
      ...layer('the renderer talks to the core only through the API client', {
        folders: ['src/renderer', 'src/shared', 'node_modules/dictionary-vi', 'node_modules/dictionary-en'],
        packages: [...pure, ...rendererRuntime],
      }),
      ...refuseGlobals('The renderer never touches Node.', nodeGlobals, ['globalThis', 'window', 'self']),
    },
  },
  {
    // The editor is a lower layer than the app and its features: what it needs from them
    // (review highlights, the review signal) comes in through its context.
    files: [`src/renderer/src/editor/**/*.${code}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', '**/features/**', '**/app', '**/features'], message: 'The editor never imports from app/ or features/; pass what it needs in through its context.' }] },
      ],
    },
  },
);
