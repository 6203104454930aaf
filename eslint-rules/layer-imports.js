/**
 * Layer imports as an allow-list: each layer names the folders and packages it may
 * import, and every module specifier in a file (static `import`, `export … from`,
 * `import()`, `require()`, `import x = require()`, `import('…')` types) must match
 * one of them. Anything unlisted is refused, so a new package or subpath
 * (`electron/main`, `react-dom/client`) needs a deliberate entry in eslint.config.js.
 *
 * Options: { layer, folders, packages, nodeBuiltins, importNames }
 *   folders      repo-relative folders (or files) a relative import may land in
 *   packages     bare specifiers allowed exactly as written (subpaths listed one by one)
 *   nodeBuiltins whether `fs`, `node:fs`, `fs/promises`… are allowed
 *   importNames  { package: [names] } when only some exports of a package may be used
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set(builtinModules);

const isNodeBuiltin = (specifier) => specifier.startsWith('node:') || builtins.has(specifier);

/** The repo-relative, slash-separated path a relative specifier points at (query such as `?raw` dropped). */
function target(fromFile, specifier) {
  const path = specifier.replace(/[?#].*$/, '');
  return relative(repoRoot, resolve(dirname(fromFile), path)).split(sep).join('/');
}

const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`) || path.replace(/\.[cm]?[jt]sx?$/, '') === folder.replace(/\.[cm]?[jt]sx?$/, '');

/** The literal text of a specifier node, or null when it is computed at run time. */
function literal(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names (README "Architecture").' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          nodeBuiltins: { type: 'boolean' },
          importNames: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['layer', 'folders', 'packages'],
        additionalProperties: false,
      },
    ],
    messages: {
      refused: "Layer rule ({{layer}}): '{{specifier}}' is not on this layer's allow-list in eslint.config.js.",
      computed: 'Layer rule ({{layer}}): a computed module specifier cannot be checked against the allow-list; import a literal path.',
      name: "Layer rule ({{layer}}): only {{names}} may be imported from '{{specifier}}'.",
    },
  },
  create(context) {
    const { layer, folders, packages, nodeBuiltins = false, importNames = {} } = context.options[0];
    const allowedPackages = new Set(packages);

    function allowed(specifier) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) return folders.some((folder) => inside(target(context.filename, specifier), folder));
      if (isNodeBuiltin(specifier)) return nodeBuiltins;
      return allowedPackages.has(specifier);
    }

    /** `names` is the list of imported names, or null when the whole module is taken (namespace, default, dynamic). */
    function check(node, sourceNode, names) {
      const specifier = literal(sourceNode);
      if (specifier === null) return context.report({ node, messageId: 'computed', data: { layer } });
      if (!allowed(specifier)) return context.report({ node, messageId: 'refused', data: { layer, specifier } });
      const only = importNames[specifier];
      if (only && (names === null || names.some((n) => !only.includes(n)))) {
        context.report({ node, messageId: 'name', data: { layer, specifier, names: only.join(', ') } });
      }
    }

    const namesOf = (specifiers) =>
      specifiers.every((s) => s.type === 'ImportSpecifier' || s.type === 'ExportSpecifier')
        ? specifiers.map((s) => (s.type === 'ImportSpecifier' ? s.imported : s.local)).map((id) => id.name ?? id.value)
        : null;

    return {
      ImportDeclaration: (node) => check(node, node.source, namesOf(node.specifiers)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, namesOf(node.specifiers)),
      ExportAllDeclaration: (node) => check(node, node.source, null),
      ImportExpression: (node) => check(node, node.source, null),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, null),
      TSExternalModuleReference: (node) => check(node, node.expression, null),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0], null);
      },
    };
  },
};
