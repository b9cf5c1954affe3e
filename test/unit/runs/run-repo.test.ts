import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunRepo, type NewRun } from '../../../src-main/store/run-repo.js';
import { Store } from '../../../src-main/store/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'devsim-run-repo-'));
  dirs.push(d);
  return d;
};

const newRun = (id: string): NewRun => ({
  id,
  name: 'Three tier',
  createdAt: '2026-11-27T03:00:00.000Z',
  document: { metadata: { name: 'x' }, nodes: { api: { kind: 'app-service' } } },
  seed: 42,
  parameters: { durationS: 60, warmupS: 0, speed: 'max', seriesIntervalS: 10 },
  state: 'running',
  endMs: 60_000,
  layout: { intervalMs: 10_000, nodes: ['api', 'db'], metrics: ['arrivals_rps', 'latency_p99_ms'] },
});

describe('run storage (SQLite)', () => {
  it('keeps a run, its frames and its events across closing and reopening the file', () => {
    const dir = folder();
    const store = Store.open(dir);
    store.runs.create(newRun('run-a'));
    store.runs.append(
      'run-a',
      [
        { tMs: 10_000, values: new Float64Array([1.5, 20, Number.NaN, 4]) },
        { tMs: 20_000, values: new Float64Array([2.5, 30, 3, 5]) },
      ],
      [
        { tMs: 500, type: 'scaled', target: 'api', message: 'api scaled 1 → 2', severity: 'info', data: { from: 1, to: 2, reason: 'cpu' } },
        { tMs: 900, type: 'alert-firing', message: 'p99 high', severity: 'critical' },
      ],
      { simulatedMs: 20_000, events: 1234 },
    );
    store.runs.update('run-a', { state: 'completed', summary: { totals: { events: 1234 } }, stopReason: null });
    store.close();

    const again = Store.open(dir);
    expect(again.runs.get('run-a')).toEqual({
      ...newRun('run-a'),
      document: undefined,
      state: 'completed',
      simulatedMs: 20_000,
      events: 1234,
      summary: { totals: { events: 1234 } },
      error: null,
      stopReason: null,
      dropped: { frames: 0, events: 0 },
    } as unknown);
    expect(again.runs.document('run-a')).toEqual(newRun('run-a').document);
    expect(again.runs.series('run-a', { limit: 10 })).toEqual({
      layout: newRun('run-a').layout,
      frames: [
        { tMs: 10_000, values: [1.5, 20, null, 4] },
        { tMs: 20_000, values: [2.5, 30, 3, 5] },
      ],
      truncated: false,
    });
    // a node subset and a time range; an unknown node reads as no data
    expect(again.runs.series('run-a', { fromMs: 15_000, nodes: ['db', 'cache'], limit: 10 })).toEqual({
      layout: { ...newRun('run-a').layout, nodes: ['db', 'cache'] },
      frames: [{ tMs: 20_000, values: [3, 5, null, null] }],
      truncated: false,
    });
    expect(again.runs.series('run-a', { limit: 1 })!.truncated).toBe(true);
    expect(again.runs.events('run-a', { limit: 10 })!.events).toEqual([
      { tMs: 500, type: 'scaled', target: 'api', message: 'api scaled 1 → 2', severity: 'info', data: { from: 1, to: 2, reason: 'cpu' } },
      { tMs: 900, type: 'alert-firing', message: 'p99 high', severity: 'critical' },
    ]);
    expect(again.runs.events('run-a', { toMs: 600, limit: 10 })!.events).toHaveLength(1);
    expect(again.runs.get('run-missing')).toBeUndefined();
    expect(again.runs.series('run-missing', { limit: 1 })).toBeUndefined();
    again.close();
  });

  it('stores records past the limits only as counts, and deleting a run removes its records', () => {
    const store = Store.open(folder());
    const repo = new RunRepo(store.db, { frames: 2, frameBytes: 1024, events: 3 });
    repo.create(newRun('run-b'));
    const frame = (t: number) => ({ tMs: t, values: new Float64Array(4) });
    const event = (t: number) => ({ tMs: t, type: 'scaled', message: 'm', severity: 'info' as const });
    repo.append('run-b', [frame(1), frame(2)], [event(1), event(2)]);
    repo.append('run-b', [frame(3)], [event(3), event(4), event(5)]);
    expect(repo.get('run-b')!.dropped).toEqual({ frames: 1, events: 2 });
    expect(repo.series('run-b', { limit: 10 })!.frames.map((f) => f.tMs)).toEqual([1, 2]);
    expect(repo.events('run-b', { limit: 10 })!.events.map((e) => e.tMs)).toEqual([1, 2, 3]);
    expect(repo.delete('run-b')).toBe(true);
    expect(store.db.prepare('SELECT count(*) FROM run_frames').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(0);
    expect(repo.delete('run-b')).toBe(false);
    store.close();
  });

  it('marks runs a previous process left going as failed when the app starts again', () => {
    const dir = folder();
    const store = Store.open(dir);
    store.runs.create(newRun('run-c'));
    store.runs.create({ ...newRun('run-d'), state: 'completed' });
    expect(store.runs.failUnfinished('The app closed while this run was going.')).toBe(1);
    expect(store.runs.get('run-c')).toMatchObject({ state: 'failed', error: 'The app closed while this run was going.' });
    expect(store.runs.get('run-d')!.state).toBe('completed');
    store.close();
  });
});
