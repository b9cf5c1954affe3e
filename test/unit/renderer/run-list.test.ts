import { describe, expect, it, vi } from 'vitest';
import { ContractError, DEFAULT_SETTINGS, type DevsimApi, type RunInfo } from '../../../src-preload/contract/index.js';
import { createAppStore } from '../../../src-renderer/src/stores/app-store.js';
import { columnOf } from '../../../src-renderer/src/stores/run-series.js';
import { downsampleIndices } from '../../../src-renderer/src/features/run/downsample.js';
import { runJson, runSeriesCsv } from '../../../src-renderer/src/features/run/export.js';
import { opened, fakePlatform } from './fake-documents.js';

const info = (over: Partial<RunInfo> = {}): RunInfo => ({
  id: 'run-1',
  name: 'Shop',
  createdAt: '2025-01-01T00:00:00Z',
  state: 'completed',
  seed: 1,
  parameters: { durationS: 120, warmupS: 0, speed: 'max', seriesIntervalS: 1 },
  simulatedMs: 120_000,
  endMs: 120_000,
  events: 10,
  layout: { intervalMs: 1000, nodes: ['db', 'cache'], metrics: ['throughput_rps', 'latency_p99_ms'] },
  summary: { nodes: {}, sources: {} },
  error: null,
  stopReason: null,
  dropped: { frames: 0, events: 0 },
  ...over,
});

function store() {
  const api = {
    listRuns: vi.fn(async () => [info({ id: 'run-old', createdAt: '2024-01-01T00:00:00Z' }), info()]),
    getRun: vi.fn(async () => info()),
    getRunDocument: vi.fn(async () => ({ document: opened({ findings: [] }).document! })),
    getRunSeries: vi.fn(async () => ({ layout: info().layout, frames: [{ tMs: 1000, values: [1, 2, 3, null] }, { tMs: 2000, values: [4, 5, 6, 7] }], truncated: false })),
    getRunEvents: vi.fn(async () => ({ events: [{ tMs: 1500, type: 'fault-started', target: 'db', message: 'pod-kill', severity: 'warning' as const }], truncated: false })),
    deleteRun: vi.fn(async () => ({ deleted: true })),
    startRun: vi.fn(async () => info({ id: 'run-live', state: 'running', summary: null })),
    injectFault: vi.fn(async () => info({ id: 'run-live', state: 'running', summary: null })),
    startDeployment: vi.fn(async () => info({ id: 'run-live', state: 'running', summary: null })),
    onRunProgress: vi.fn(() => () => {}),
    onRunRecords: vi.fn(() => () => {}),
    onRunFinished: vi.fn(() => () => {}),
  };
  const st = createAppStore(api as unknown as DevsimApi, { state: 'connected' }, fakePlatform());
  st.setState({ settings: { ...DEFAULT_SETTINGS } });
  return { api, s: st.getState, st };
}

describe('stored runs', () => {
  it('lists runs newest first, reopens one into the view, deletes one', async () => {
    const { api, s } = store();
    await s().loadRuns();
    expect(s().runs?.map((r) => r.id)).toEqual(['run-1', 'run-old']);

    await s().openRun('run-1');
    expect(api.getRunSeries).toHaveBeenCalledWith(expect.objectContaining({ id: 'run-1' }));
    const run = s().run!;
    expect(run).toMatchObject({ id: 'run-1', state: 'completed', summary: { nodes: {}, sources: {} } });
    expect(run.series.length).toBe(2);
    expect(Array.from(columnOf(run.series, 'db', 'throughput_rps')!)).toEqual([1, 4]);
    expect(Number.isNaN(columnOf(run.series, 'cache', 'latency_p99_ms')![0])).toBe(true);
    expect(run.log.map((e) => e.type)).toEqual(['fault-started']);
    // The canvas draws the document the run simulated, read back with it.
    expect(api.getRunDocument).toHaveBeenCalledWith({ id: 'run-1' });
    expect(run.document).toEqual(opened({ findings: [] }).document);

    await s().deleteRun('run-1');
    expect(api.deleteRun).toHaveBeenCalledWith({ id: 'run-1' });
    expect(s().runs?.map((r) => r.id)).toEqual(['run-old']);
    expect(s().run).toBeNull();
  });

  it('opens a run whose stored document no longer reads: charts and events, no canvas', async () => {
    const { api, s } = store();
    api.getRunDocument.mockRejectedValueOnce(new ContractError('STORAGE', 'The document stored with run run-1 no longer reads', 'id'));
    await s().openRun('run-1');
    expect(s().runError).toBeNull();
    expect(s().run).toMatchObject({ id: 'run-1', document: null });
    expect(s().run!.series.length).toBe(2);
  });

  it('shows a refused list or delete', async () => {
    const { api, s } = store();
    api.listRuns.mockRejectedValueOnce(new ContractError('INTERNAL', 'database locked', 'listRuns'));
    await s().loadRuns();
    expect(s().runsError).toBe('database locked');
    api.getRun.mockRejectedValueOnce(new ContractError('NOT_FOUND', 'no run run-x', 'getRun'));
    await s().openRun('run-x');
    expect(s().runError).toBe('no run run-x');
    expect(s().runBusy).toBeNull();
  });

  it('injects a fault into the run that goes', async () => {
    const { api, s, st } = store();
    st.setState({ doc: { ...opened({ findings: [] }), dirty: false, key: 'k', revision: 0, autosavedRevision: null, autosavedAt: null, autosaveError: null } });
    await s().injectFault({ type: 'pod-kill', at: 0, target: 'db', count: 1 });
    expect(api.injectFault).not.toHaveBeenCalled(); // no run yet
    await s().startRun();
    await s().injectFault({ type: 'network-delay', at: 0, target: 'db', delayMs: 300, jitterMs: 0 });
    expect(api.injectFault).toHaveBeenCalledWith({ id: 'run-live', fault: { type: 'network-delay', at: 0, target: 'db', delayMs: 300, jitterMs: 0 } });
    api.injectFault.mockRejectedValueOnce(new ContractError('BAD_REQUEST', 'no such target', 'injectFault'));
    await s().injectFault({ type: 'db-primary-failure', at: 0, target: 'nope' });
    expect(s().runError).toBe('no such target');
  });

  it('starts a deployment in the run that goes, and shows why one is refused', async () => {
    const { api, s, st } = store();
    st.setState({ doc: { ...opened({ findings: [] }), dirty: false, key: 'k', revision: 0, autosavedRevision: null, autosavedAt: null, autosaveError: null } });
    const deployment = { at: 0, target: 'api', version: 'v2', strategy: 'canary' as const, maxSurge: 1, maxUnavailable: 0, canaryPercent: 10, errorRate: 0.5, latencyFactor: 1, autoRollback: true };
    await s().startDeployment(deployment);
    expect(api.startDeployment).not.toHaveBeenCalled(); // no run yet
    await s().startRun();
    await s().startDeployment(deployment);
    expect(api.startDeployment).toHaveBeenCalledWith({ id: 'run-live', deployment });
    api.startDeployment.mockRejectedValueOnce(new ContractError('BAD_REQUEST', 'deployment target "db" has no instances to replace', 'deployment'));
    await s().startDeployment({ ...deployment, target: 'db' });
    expect(s().runError).toBe('deployment target "db" has no instances to replace');
  });

  it('compares a stored run with the shown one: loads its series, drops it when closed or deleted; the cursor resets with another run', async () => {
    const { api, s } = store();
    await s().openRun('run-1');
    s().setRunCursor(1500);
    s().setRunPicked(['db', 'db', 'cache']);
    expect(s().runPicked).toEqual(['db', 'cache']);
    api.getRun.mockResolvedValueOnce(info({ id: 'run-old', seed: 9 }));
    await s().openCompare('run-old');
    expect(s().compare?.info.id).toBe('run-old');
    expect(Array.from(columnOf(s().compare!.series, 'db', 'throughput_rps')!)).toEqual([1, 4]);
    s().closeCompare();
    expect(s().compare).toBeNull();

    api.getRun.mockResolvedValueOnce(info({ id: 'run-old' }));
    await s().openCompare('run-old');
    await s().deleteRun('run-old');
    expect(s().compare).toBeNull();
    api.getRunSeries.mockRejectedValueOnce(new ContractError('NOT_FOUND', 'no run run-gone', 'getRunSeries'));
    await s().openCompare('run-gone');
    expect(s().compareError).toBe('no run run-gone');
    expect(s().compareBusy).toBe(false);

    await s().openRun('run-1');
    expect(s().runCursorMs).toBeNull();
    expect(s().runPicked).toEqual(['db', 'cache']); // the picked nodes stay for the next run
  });

  it('passes the chosen chart resolution to the run', async () => {
    const { api, s, st } = store();
    st.setState({ doc: { ...opened({ findings: [] }), dirty: false, key: 'k', revision: 0, autosavedRevision: null, autosavedAt: null, autosaveError: null } });
    s().setRunSettings({ seriesIntervalS: 10 });
    await s().startRun();
    expect(api.startRun).toHaveBeenCalledWith(expect.objectContaining({ parameters: { speed: 'max', seriesIntervalS: 10 } }));
  });

  it('exports JSON and long-form CSV', async () => {
    const { s } = store();
    await s().openRun('run-1');
    const run = s().run!;
    expect(runSeriesCsv(run)).toBe('time_s,node,throughput_rps,latency_p99_ms\n1,db,1,2\n1,cache,3,\n2,db,4,5\n2,cache,6,7\n');
    const json = JSON.parse(runJson(run, 'Shop')) as { series: { frames: { values: (number | null)[] }[] }; events: unknown[]; summary: unknown };
    expect(json.series.frames[0]!.values).toEqual([1, 2, 3, null]);
    expect(json.events).toHaveLength(1);
    expect(json.summary).toEqual({ nodes: {}, sources: {} });
  });
});

describe('downsampleIndices', () => {
  it('keeps everything when the points fit', () => {
    expect(downsampleIndices(5, [[1, 2, 3, 4, 5]], 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps per bucket the first point and each column’s min and max, and the last point', () => {
    const n = 10_000;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 50));
    a[4321] = 100; // a spike survives
    const b = Float64Array.from({ length: n }, (_, i) => i);
    b[7000] = NaN;
    const keep = downsampleIndices(n, [a, b], 100);
    expect(keep.length).toBeLessThanOrEqual(100 * 6 + 1);
    expect(keep.length).toBeGreaterThan(100);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(n - 1);
    expect(keep).toContain(4321);
    expect(keep).toContain(7000); // the gap stays visible
    for (let i = 1; i < keep.length; i++) expect(keep[i]!).toBeGreaterThan(keep[i - 1]!);
  });
});
