// Labels from what the kernel records: a real run with an injected database failure, then
// the rules per fault type and for alerts on hand-written events.
import { describe, expect, it } from 'vitest';
import { createRun, type RunEvent, type SeriesFrame } from '../../../src-main/kernel/index.js';
import { labelPoints, labelSpans } from '../../../src-main/ml/data/labels.js';
import { pickRunSeries } from '../../../src-main/ml/data/run-series.js';
import { topologySchema, type TopologyInput } from '../../../src-preload/contract/index.js';

/** A source of reads and writes calling an API backed by PostgreSQL with one replica; the primary fails at 30 s and a replica is promoted 10 s later. */
function databaseFailureDocument() {
  const input: TopologyInput = {
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'db failure' },
    nodes: {
      src: { kind: 'traffic-source', rate: { type: 'constant', rps: 20 }, arrivals: 'poisson', classes: [{ name: 'read', weight: 1, operation: 'read' }, { name: 'write', weight: 1, operation: 'write' }] },
      api: { kind: 'container', serviceTime: { default: { type: 'exponential', meanMs: 5 } }, concurrency: 4 },
      db: { kind: 'postgres', topology: { mode: 'primary-replica', replicas: 1 }, failover: { automatic: true, promotionS: 10 } },
    } as TopologyInput['nodes'],
    links: [
      { type: 'call', from: 'src', to: 'api', latencyMs: 0 },
      { type: 'call', from: 'api', to: 'db', latencyMs: 0 },
    ],
    scenario: { durationS: 90, warmupS: 0, faults: [{ type: 'db-primary-failure', at: 30, target: 'db' }] },
  };
  return topologySchema.parse(input);
}

describe('labels from a real kernel run', () => {
  it('labels the points of an injected database failure, from the fault to the failover', () => {
    const run = createRun(databaseFailureDocument(), { seriesIntervalS: 1 });
    const frames: SeriesFrame[] = [];
    const events: RunEvent[] = [];
    while (!run.done) {
      run.advance({ untilMs: run.now + 10_000 });
      const r = run.drain();
      frames.push(...r.frames);
      events.push(...r.events);
    }
    const series = pickRunSeries(run.seriesLayout, frames, ['src/error_rate_percent']);
    const { labels, episodes, spans } = labelPoints(series.timesMs, series.stepMs, events, { alerts: false });
    expect(spans).toEqual([{ startMs: 30_000, endMs: 40_000, cause: 'db-primary-failure on db' }]);
    const labelled = [...series.timesMs].filter((_, i) => labels[i] === 1);
    // Points stand for the second that ends at their time: 31 s … 40 s saw the failure.
    expect(labelled).toEqual(Array.from({ length: 10 }, (_, k) => 31_000 + k * 1000));
    expect(episodes).toEqual([{ start: series.timesMs.indexOf(31_000), end: series.timesMs.indexOf(40_000), startMs: 31_000, endMs: 40_000, causes: ['db-primary-failure on db'] }]);
    // The labels mark where the failure shows: writes fail inside the span, nothing fails outside.
    const errors = series.values[0]!;
    const inside = [...errors].filter((_, i) => labels[i] === 1);
    const outside = [...errors].filter((_, i) => labels[i] === 0);
    expect(Math.min(...inside)).toBeGreaterThan(0);
    expect(Math.max(...outside)).toBe(0);
  });
});

const ev = (tMs: number, type: string, target: string, data: Record<string, string | number | boolean> = {}) => ({ tMs, type, target, data });

describe('label spans per fault type', () => {
  it('ends lasting faults at their fault-ended, or at the end of the series without one', () => {
    const spans = labelSpans(
      [ev(1000, 'fault-started', 'a', { fault: 'network-delay' }), ev(5000, 'fault-ended', 'a', { fault: 'network-delay' }), ev(7000, 'fault-started', 'b', { fault: 'region-outage' })],
      20_000,
    );
    expect(spans).toEqual([
      { startMs: 1000, endMs: 5000, cause: 'network-delay on a' },
      { startMs: 7000, endMs: 20_000, cause: 'region-outage on b' },
    ]);
  });

  it('keeps a database failure open to the end when no replica was promoted', () => {
    const spans = labelSpans([ev(1000, 'fault-started', 'db', { fault: 'db-primary-failure' }), ev(1000, 'failover', 'db', { promoted: false })], 9000);
    expect(spans).toEqual([{ startMs: 1000, endMs: 9000, cause: 'db-primary-failure on db' }]);
  });

  it('makes instant faults one point, stretched by the recovery tail', () => {
    const events = [ev(2500, 'fault-started', 'a', { fault: 'pod-kill' })];
    const times = Float64Array.from({ length: 10 }, (_, i) => (i + 1) * 1000);
    expect([...labelPoints(times, 1000, events).labels]).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect([...labelPoints(times, 1000, events, { tailMs: 2000 }).labels]).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('labels alerts from firing to resolved, merging overlaps into one episode, unless alerts are off', () => {
    const events = [
      ev(2000, 'fault-started', 'a', { fault: 'network-loss' }),
      ev(3000, 'alert-firing', 'api', { alert: 'Errors' }),
      ev(4000, 'fault-ended', 'a', { fault: 'network-loss' }),
      ev(6000, 'alert-resolved', 'api', { alert: 'Errors' }),
    ];
    const times = Float64Array.from({ length: 10 }, (_, i) => (i + 1) * 1000);
    const withAlerts = labelPoints(times, 1000, events);
    expect([...withAlerts.labels]).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(withAlerts.episodes).toEqual([{ start: 2, end: 5, startMs: 3000, endMs: 6000, causes: ['network-loss on a', 'alert Errors on api'] }]);
    expect([...labelPoints(times, 1000, events, { alerts: false }).labels]).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('labels chaos on real containers: a pause until its unpause, a kill until a restart of the same container', () => {
    const spans = labelSpans(
      [
        ev(1000, 'docker-pause', 'api', { container: 'api-1' }),
        ev(2000, 'docker-kill', 'db', { container: 'db-1' }),
        ev(3000, 'docker-unpause', 'api', { container: 'api-1' }),
        ev(4000, 'docker-restart', 'db', { container: 'db-2' }),
      ],
      9000,
    );
    expect(spans).toEqual([
      { startMs: 1000, endMs: 3000, cause: 'docker-pause of api-1' },
      { startMs: 2000, endMs: 9000, cause: 'docker-kill of db-1' },
      { startMs: 4000, endMs: 4000, cause: 'docker-restart of db-2' },
    ]);
  });

  it('refuses a negative tail', () => {
    expect(() => labelSpans([], 1000, { tailMs: -1 })).toThrow(/tailMs must be a finite number ≥ 0/);
  });
});
