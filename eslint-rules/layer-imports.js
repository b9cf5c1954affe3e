// The import rules of ARCHITECTURE.md as one lint rule: each layer names what it may
// import; anything else is an error that says which rule it breaks.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/**
 * Layers, first match wins. `files`: path prefix from the repo root. `local`: prefixes a
 * relative import may land in (omitted: anywhere). `packages`: allowed bare imports
 * (omitted: any but `denyPackages`). `builtins`: whether node:* is allowed.
 */
export const LAYERS = [
  { name: 'contract', files: 'src-preload/contract/', local: ['src-preload/contract/'], packages: ['zod'], builtins: false },
  { name: 'kernel', files: 'src-main/kernel/', local: ['src-main/kernel/', 'src-preload/contract/'], packages: [], builtins: false },
  {
    name: 'ml',
    files: 'src-main/ml/',
    local: ['src-main/ml/', 'src-main/kernel/', 'src-preload/contract/'],
    packages: ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu'],
    builtins: false,
  },
  { name: 'preload', files: 'src-preload/', local: ['src-preload/'], packages: ['electron'], builtins: false },
  { name: 'main entry', files: 'src-main/index.ts', denyLocal: [], builtins: true },
  { name: 'host', files: 'src-main/host/', builtins: true },
  {
    name: 'main (plain Node)',
    files: 'src-main/',
    denyPackages: ['electron'],
    builtins: true,
    why: 'only src-main/index.ts and src-main/host import electron; the rest of main is plain Node',
  },
  {
    name: 'renderer',
    files: 'src-renderer/',
    denyLocal: ['src-main/'],
    allowLocal: ['src-main/kernel/', 'src-main/ml/'],
    denyPackages: ['electron', 'better-sqlite3', 'dockerode', 'ws'],
    builtins: false,
    why: 'the renderer talks to main only through the contract (it may run the kernel and the ML lab in a worker)',
  },
];

const layerOf = (file) => LAYERS.find((l) => file === l.files || file.startsWith(l.files));

function check(layer, file, spec) {
  if (spec.startsWith('.')) {
    const target = relative(ROOT, resolve(dirname(resolve(ROOT, file)), spec)).split('\\').join('/');
    if (layer.allowLocal?.some((p) => target.startsWith(p))) return null;
    if (layer.denyLocal?.some((p) => target.startsWith(p))) return `${layer.name} may not import ${target} (${layer.why ?? ''})`;
    if (layer.local && !layer.local.some((p) => target.startsWith(p))) {
      return `${layer.name} may import only from ${layer.local.join(', ')}; not ${target}`;
    }
    return null;
  }
  if (isBuiltin(spec)) return layer.builtins ? null : `${layer.name} may not use Node built-ins (${spec}): it must run without Node`;
  const pkg = packageName(spec);
  if (layer.packages && !layer.packages.includes(pkg)) {
    return `${layer.name} may import only ${layer.packages.length ? layer.packages.join(', ') : 'no packages'}; not ${pkg}`;
  }
  if (layer.denyPackages?.includes(pkg)) return `${layer.name} may not import ${pkg}: ${layer.why ?? ''}`;
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer import rules of ARCHITECTURE.md' },
    schema: [],
    messages: { layer: '{{message}}', ipcMain: 'Only src-main/host touches ipcMain.' },
  },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    const visit = (node, spec) => {
      if (typeof spec !== 'string') return;
      const message = check(layer, file, spec);
      if (message) context.report({ node, messageId: 'layer', data: { message } });
    };
    return {
      ImportDeclaration(node) {
        visit(node.source, node.source.value);
        if (node.source.value === 'electron' && !file.startsWith('src-main/host/')) {
          for (const s of node.specifiers) {
            if (s.type === 'ImportSpecifier' && s.imported.name === 'ipcMain') context.report({ node: s, messageId: 'ipcMain' });
          }
        }
      },
      ExportNamedDeclaration(node) {
        if (node.source) visit(node.source, node.source.value);
      },
      ExportAllDeclaration(node) {
        visit(node.source, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') visit(node.source, node.source.value);
      },
    };
  },
};
