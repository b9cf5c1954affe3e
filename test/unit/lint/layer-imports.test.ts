import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layerImports from '../../../eslint-rules/layer-imports.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { local: { rules: { 'layer-imports': layerImports } } },
    rules: { 'local/layer-imports': 'error' as const },
  },
];

/** The messages the rule reports for `code` placed at `file` (a repo-relative path). */
function problems(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: resolve(ROOT, file) }).map((m) => m.message);
}

describe('layer import rules (ARCHITECTURE.md)', () => {
  it('lets the contract import zod and itself only', () => {
    expect(problems('src-preload/contract/a.ts', "import { z } from 'zod'; import './b.js';")).toEqual([]);
    expect(problems('src-preload/contract/a.ts', "import x from 'react';")[0]).toMatch(/contract may import only zod/);
    expect(problems('src-preload/contract/a.ts', "import '../../src-main/app/logger.js';")[0]).toMatch(/contract may import only from/);
    expect(problems('src-preload/contract/a.ts', "import { readFileSync } from 'node:fs';")[0]).toMatch(/Node built-ins/);
  });

  it('keeps the kernel to the contract and itself, without Node', () => {
    expect(problems('src-main/kernel/engine.ts', "import '../../src-preload/contract/index.js'; import './heap.js';")).toEqual([]);
    expect(problems('src-main/kernel/engine.ts', "import { Worker } from 'worker_threads';")[0]).toMatch(/Node built-ins/);
    expect(problems('src-main/kernel/engine.ts', "import '../store/store.js';")[0]).toMatch(/kernel may import only/);
    expect(problems('src-main/kernel/engine.ts', "export * from '../app/logger.js';")[0]).toMatch(/kernel may import only/);
  });

  it('lets only the main entry and the host import electron, and only the host ipcMain', () => {
    expect(problems('src-main/index.ts', "import { app } from 'electron';")).toEqual([]);
    expect(problems('src-main/index.ts', "import { ipcMain } from 'electron';")[0]).toMatch(/Only src-main\/host touches ipcMain/);
    expect(problems('src-main/host/ipc-host.ts', "import { ipcMain } from 'electron';")).toEqual([]);
    expect(problems('src-main/store/store.ts', "import { app } from 'electron';")[0]).toMatch(/may not import electron/);
  });

  it('keeps the renderer away from main except the kernel', () => {
    expect(problems('src-renderer/src/ml/worker.ts', "import '../../../src-main/kernel/index.js';")).toEqual([]);
    expect(problems('src-renderer/src/app/App.tsx', "import '../../../src-main/store/store.js';")[0]).toMatch(/renderer may not import/);
    expect(problems('src-renderer/src/app/App.tsx', "import { ipcRenderer } from 'electron';")[0]).toMatch(/renderer may not import electron/);
    expect(problems('src-renderer/src/app/App.tsx', "import fs from 'node:fs';")[0]).toMatch(/Node built-ins/);
  });

  it('keeps the preload to electron and the contract', () => {
    expect(problems('src-preload/index.ts', "import { contextBridge } from 'electron'; import './contract/names.js';")).toEqual([]);
    expect(problems('src-preload/index.ts', "import Database from 'better-sqlite3';")[0]).toMatch(/preload may import only electron/);
  });
});
