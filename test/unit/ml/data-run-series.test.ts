// Series picked from run frames by node/metric: alignment, gap filling with a count, and the
// messages for names that do not exist and series that are mostly empty.
import { describe, expect, it } from 'vitest';
import { pickRunSeries, seriesIndex } from '../../../src-main/ml/data/run-series.js';

const layout = { intervalMs: 1000, nodes: ['src', 'api'], metrics: ['latency_p95_ms', 'errors_rps'] };
const frame = (tMs: number, values: (number | null)[]) => ({ tMs, values });

describe('pickRunSeries', () => {
  it('picks values by node · metrics.length + metric, aligned on the frame times', () => {
    const frames = [frame(1000, [1, 2, 3, 4]), frame(2000, [5, 6, 7, 8])];
    const s = pickRunSeries(layout, frames, ['api/errors_rps', 'src/latency_p95_ms']);
    expect([...s.timesMs]).toEqual([1000, 2000]);
    expect(s.values.map((v) => [...v])).toEqual([
      [4, 8],
      [1, 5],
    ]);
    expect(s).toMatchObject({ names: ['api/errors_rps', 'src/latency_p95_ms'], filled: [0, 0], stepMs: 1000 });
  });

  it('forward fills gaps (null or NaN) and counts them; leading gaps take the first value', () => {
    const frames = [frame(1000, [null, 0, 0, 0]), frame(2000, [3, 0, 0, 0]), frame(3000, [NaN, 0, 0, 0]), frame(4000, [5, 0, 0, 0])];
    const s = pickRunSeries(layout, frames, ['src/latency_p95_ms']);
    expect([...s.values[0]!]).toEqual([3, 3, 3, 5]);
    expect(s.filled).toEqual([2]);
  });

  it('refuses a series that is mostly empty, saying how much is missing', () => {
    const frames = [frame(1000, [null, 0, 0, 0]), frame(2000, [null, 0, 0, 0]), frame(3000, [1, 0, 0, 0])];
    expect(() => pickRunSeries(layout, frames, ['src/latency_p95_ms'])).toThrow('src/latency_p95_ms has no data in 2 of 3 frames (67 %, at most 50 % may be filled)');
    expect(() => pickRunSeries(layout, frames, ['src/latency_p95_ms'], { maxMissingFraction: 0.7 })).not.toThrow();
  });

  it('names what exists when a node or metric does not', () => {
    expect(() => seriesIndex(layout, 'web/latency_p95_ms')).toThrow('the run has no node "web" (nodes: src, api)');
    expect(() => seriesIndex(layout, 'api/cpu')).toThrow('the run records no metric "cpu"');
    expect(() => seriesIndex(layout, 'api')).toThrow('name a series as node/metric');
    expect(() => pickRunSeries(layout, [], ['api/errors_rps'])).toThrow('no series frames');
  });

  it('refuses frames out of time order', () => {
    expect(() => pickRunSeries(layout, [frame(2000, [1, 1, 1, 1]), frame(1000, [1, 1, 1, 1])], ['api/errors_rps'])).toThrow('out of time order at index 1');
  });
});
