import { describe, expect, it, vi } from 'vitest';
import type { DevsimApi } from '../../../src-preload/contract/index.js';
import { readRunSeries, seriesNames, splitSeriesName } from '../../../src-renderer/src/ml/series-from-run.js';

const layout = { intervalMs: 1000, nodes: ['(end to end)', 'api'], metrics: ['throughput_rps', 'latency_p95_ms'] };
const run = { id: 'run-1', layout };

describe('a series of a stored run for the ML lab', () => {
  it('names every series node/metric, and splits a name at its last slash', () => {
    expect(seriesNames(run)).toEqual(['(end to end)/throughput_rps', '(end to end)/latency_p95_ms', 'api/throughput_rps', 'api/latency_p95_ms']);
    expect(splitSeriesName('api/latency_p95_ms')).toEqual({ node: 'api', metric: 'latency_p95_ms' });
    expect(() => splitSeriesName('latency')).toThrow('A series is named "node/metric"; "latency" is not');
  });

  it("reads page after page (a page starts with the last frame already read), fills the node's gaps, and labels the points a fault covers", async () => {
    const frame = (t: number, v: number | null) => ({ tMs: t * 1000, values: [t, v] });
    const pages = [
      { frames: [frame(0, 10), frame(1, null)], truncated: true },
      { frames: [frame(1, null), frame(2, 12)], truncated: true },
      { frames: [frame(2, 12), frame(3, 13)], truncated: false },
    ];
    const getRunSeries = vi.fn(async () => ({ layout: { ...layout, nodes: ['api'] }, ...pages.shift()! }));
    // A pod failure from 1.5 s to 2.5 s: points 2 ((1 s, 2 s]) and 3 ((2 s, 3 s]) are labelled.
    const events = [
      { tMs: 1500, type: 'fault-started', target: 'api', message: 'pod failure', severity: 'warning', data: { fault: 'pod-failure' } },
      { tMs: 2500, type: 'fault-ended', target: 'api', message: 'over', severity: 'info', data: { fault: 'pod-failure' } },
    ];
    const getRunEvents = vi.fn(async () => ({ events, truncated: false }));
    const got = await readRunSeries({ getRunSeries, getRunEvents } as unknown as DevsimApi, run, 'api/latency_p95_ms');
    expect(got).toEqual({
      series: { source: 'run', name: 'api/latency_p95_ms', origin: 'run-1', stepMs: 1000, timesMs: [0, 1000, 2000, 3000], values: [10, 10, 12, 13], labels: [0, 0, 1, 1] },
      filled: 1,
      anomalousPoints: 2,
      episodes: 1,
    });
    expect(getRunSeries.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { id: 'run-1', nodes: ['api'], limit: 50_000 },
      { id: 'run-1', nodes: ['api'], limit: 50_000, fromMs: 1000 },
      { id: 'run-1', nodes: ['api'], limit: 50_000, fromMs: 2000 },
    ]);
  });

  it('says so for a series the run does not have, a run without frames, or a series mostly without data', async () => {
    const getRunEvents = vi.fn(async () => ({ events: [], truncated: false }));
    const empty = { getRunSeries: vi.fn(async () => ({ layout, frames: [], truncated: false })), getRunEvents } as unknown as DevsimApi;
    await expect(readRunSeries(empty, run, 'db/latency_p95_ms')).rejects.toThrow('Run run-1 has no series db/latency_p95_ms');
    await expect(readRunSeries(empty, run, 'api/latency_p95_ms')).rejects.toThrow('Run run-1 stored no frames: there is nothing to train on');
    const frames = [0, 1, 2].map((t) => ({ tMs: t, values: [t, t === 0 ? 5 : null] }));
    const gappy = { getRunSeries: vi.fn(async () => ({ layout: { ...layout, nodes: ['api'] }, frames, truncated: false })), getRunEvents } as unknown as DevsimApi;
    await expect(readRunSeries(gappy, run, 'api/latency_p95_ms')).rejects.toThrow(/api\/latency_p95_ms has no data in 2 of 3 frames/);
  });
});
