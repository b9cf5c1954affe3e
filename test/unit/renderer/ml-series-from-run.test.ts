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

  it("reads page after page (a page starts with the last frame already read), only the node's values, gaps as null", async () => {
    const frame = (t: number, v: number | null) => ({ tMs: t * 1000, values: [t, v] });
    const pages = [
      { frames: [frame(0, 10), frame(1, null)], truncated: true },
      { frames: [frame(1, null), frame(2, 12)], truncated: true },
      { frames: [frame(2, 12), frame(3, 13)], truncated: false },
    ];
    const getRunSeries = vi.fn(async () => ({ layout: { ...layout, nodes: ['api'] }, ...pages.shift()! }));
    const got = await readRunSeries({ getRunSeries } as unknown as DevsimApi, run, 'api/latency_p95_ms');
    expect(got).toEqual({ name: 'api/latency_p95_ms', stepMs: 1000, startMs: 0, values: [10, null, 12, 13] });
    expect(getRunSeries.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { id: 'run-1', nodes: ['api'], limit: 50_000 },
      { id: 'run-1', nodes: ['api'], limit: 50_000, fromMs: 1000 },
      { id: 'run-1', nodes: ['api'], limit: 50_000, fromMs: 2000 },
    ]);
  });

  it('says so for a series the run does not have, or a run without frames', async () => {
    const empty = vi.fn(async () => ({ layout, frames: [], truncated: false }));
    const api = { getRunSeries: empty } as unknown as DevsimApi;
    await expect(readRunSeries(api, run, 'db/latency_p95_ms')).rejects.toThrow('Run run-1 has no series db/latency_p95_ms');
    await expect(readRunSeries(api, run, 'api/latency_p95_ms')).rejects.toThrow('Run run-1 stored no frames: there is nothing to train on');
  });
});
