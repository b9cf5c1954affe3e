import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../src-main/store/store.js';
import { compileStore, REPO_ROOT } from './fixtures/compile-store.js';

const WRITER = join(import.meta.dirname, 'fixtures/crash-writer.mjs');

let work: string;
let storeJs: string;
beforeAll(() => {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(REPO_ROOT, '.tmp/store-crash-'));
  storeJs = compileStore(join(work, 'compiled'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Reported {
  rows: number[];
  recent: number[];
  walLeft: boolean;
}

/** Runs the writer, SIGKILLs it after `killAfter` reported commits, returns everything it reported. */
function runAndKill(dataDir: string, firstId: number, killAfter: number): Promise<Reported> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, storeJs, dataDir, String(firstId)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: Reported = { rows: [], recent: [], walLeft: false };
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id] = line.split(' ');
        if (kind === 'row') reported.rows.push(Number(id));
        if (kind === 'recent') reported.recent.push(Number(id));
      }
      if (!killed && reported.rows.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    // 'close' waits for stdout to drain: lines the child wrote before dying still count as reported.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended on its own (code ${code}): ${stderr}`));
      reported.walLeft = existsSync(join(dataDir, 'devsim.sqlite-wal'));
      resolve(reported);
    });
  });
}

describe('Store under kill -9', () => {
  it('keeps every transaction reported as committed, across repeated SIGKILLs mid-write', async () => {
    const dataDir = join(work, 'data');
    let nextId = 1;
    let allRows: number[] = [];
    for (const killAfter of [150, 420, 275]) {
      const reported = await runAndKill(dataDir, nextId, killAfter);
      // The crash left a WAL behind, so reopening exercises SQLite's recovery.
      expect(reported.walLeft).toBe(true);
      allRows = allRows.concat(reported.rows);

      const store = Store.open(dataDir);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set(store.db.prepare('SELECT id FROM crash_probe WHERE id > 0').pluck().all() as number[]);
        const missing = allRows.filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
        // Both rows of a transaction or neither: never half of one.
        const orphans = store.db
          .prepare('SELECT count(*) FROM crash_probe a WHERE NOT EXISTS (SELECT 1 FROM crash_probe b WHERE b.id = -a.id)')
          .pluck()
          .get();
        expect(orphans).toBe(0);
        // At most the one transaction in flight at the kill committed without being reported.
        const last = reported.rows.at(-1)!;
        expect(Math.max(...ids)).toBeLessThanOrEqual(last + 1);
        const lastRecent = reported.recent.at(-1);
        if (lastRecent !== undefined) {
          expect(store.recent.list().map((r) => r.path)).toContain(`/probe/doc-${lastRecent}.devsim.yaml`);
        }
        nextId = Math.max(...ids) + 1;
      } finally {
        store.close();
      }
    }
  }, 60_000);
});
