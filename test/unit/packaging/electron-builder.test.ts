// electron-builder cannot package here (the Electron zip is out of reach), so this checks
// the configuration instead: electron-builder's own loader and schema, then our rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackedPath, wasmDirectory } from '../../../src-main/models/ml-backend.js';
import { electronNativeBindingPath } from '../../../src-main/store/native-binding.js';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Config {
  appId: string;
  productName: string;
  /** electron-builder normalises a list of globs to [{ filter: [...] }]. */
  files: (string | { filter?: string[] })[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild?: boolean;
  extraResources?: { from: string; to: string }[];
  directories: { buildResources: string; output: string };
  fileAssociations: { ext: string; name: string; role: string; mimeType: string }[];
  linux: { target: string[]; category: string; icon: string; maintainer: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; category: string; icon: string; hardenedRuntime: boolean };
}

// electron-builder's own loader: proves it finds our file and merges it as it would.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const config = await getConfig(root, null, null);

/** Minimal glob for the patterns we use: **, *, {a,b}. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\?]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
// electron-builder always adds package.json and the production dependencies' node_modules,
// then applies our patterns (exclusions included) to everything.
const filePatterns = ['package.json', 'node_modules/**/*', ...config.files.flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])))];
const included = (path: string): boolean => {
  let result = false;
  for (const pattern of filePatterns) {
    if (pattern.startsWith('!')) {
      if (globToRegExp(pattern.slice(1)).test(path)) result = false;
    } else if (globToRegExp(pattern).test(path)) result = true;
  }
  return result;
};

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii'), file).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app consistently with package.json', () => {
    expect(config.appId).toBe('io.devsim.desktop');
    expect(config.productName).toBe(pkg.productName);
    expect(config.productName).toBe('DevOps Simulator');
  });

  it('builds AppImage and deb for Linux, nsis for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('packs the build output with package.json main inside it, and leaves sources out', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(included(pkg.main)).toBe(true);
    expect(included('package.json')).toBe(true);
    for (const file of ['out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'out/main/cli.js']) {
      expect(included(file), file).toBe(true);
    }
    for (const file of ['src-main/index.ts', 'test/unit/x.test.ts', 'resources/icon.svg', 'out/main/index.js.map', '.ci/run', 'README.md']) {
      expect(included(file), file).toBe(false);
    }
  });

  it('keeps every dependency main loads at run time, dropping only what the renderer bundles', () => {
    const importsOf = (dir: string): Set<string> => {
      const found = new Set<string>();
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|mts|js)$/.test(entry.name)) continue;
        const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
        for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'".][^'"]*)['"]/g)) {
          const spec = m[1]!;
          found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
      return found;
    };
    const mainImports = importsOf(join(root, 'src-main'));
    for (const dep of Object.keys(pkg.dependencies)) {
      const packaged = included(`node_modules/${dep}/package.json`);
      if (mainImports.has(dep)) expect(packaged, `${dep} is imported by src-main`).toBe(true);
    }
    for (const bundled of ['react', 'react-dom', 'zustand']) {
      expect(mainImports.has(bundled), `${bundled} is excluded from the package`).toBe(false);
      expect(included(`node_modules/${bundled}/index.js`), bundled).toBe(false);
    }
    // Node's build stays out: the app loads the Electron build from its resources.
    expect(included('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(included('node_modules/better-sqlite3/lib/index.js')).toBe(true);
  });

  it('ships the Electron build of better-sqlite3 as a resource and never rebuilds node_modules in place', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p) => globToRegExp(p).test('node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const electronVersion = pkg.devDependencies.electron;
    expect(config.extraResources).toEqual([
      { from: electronNativeBindingPath('.', electronVersion!).replace(/^\.\//, '').split(sep).join('/'), to: 'native/better_sqlite3.node' },
    ]);
  });

  it("unpacks tfjs's .wasm files beside app.asar, where a run's worker looks for them", () => {
    for (const file of readdirSync(join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')).filter((f) => f.endsWith('.wasm'))) {
      const path = `node_modules/@tensorflow/tfjs-backend-wasm/dist/${file}`;
      expect(included(path), path).toBe(true);
      expect(config.asarUnpack.some((p) => globToRegExp(p).test(path)), path).toBe(true);
    }
    const dist = (archive: string) => join(sep, 'opt', 'DevOps Simulator', 'resources', archive, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + sep;
    expect(unpackedPath(dist('app.asar'))).toBe(dist('app.asar.unpacked'));
    expect(unpackedPath(wasmDirectory())).toBe(wasmDirectory());
  });

  it('associates *.devsim.yaml documents with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'devsim.yaml', name: 'DevOps Simulator topology', role: 'Editor', mimeType: 'application/x-devsim+yaml' }),
    ]);
  });

  it('points at icons that exist, with a PNG of every size for Linux', () => {
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
    const pngDir = join(root, config.linux.icon);
    expect(statSync(pngDir).isDirectory()).toBe(true);
    expect(readdirSync(pngDir).sort()).toEqual(sizes.map((s) => `${s}.png`).sort());
    for (const size of sizes) {
      expect(pngSize(join(pngDir, `${size}.png`)), `${size}.png`).toEqual({ width: size, height: size });
    }
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(relative(root, join(root, config.directories.buildResources))).toBe('resources');
  });
});
