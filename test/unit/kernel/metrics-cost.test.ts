// CPU, memory, cost and availability on a document with manual replicas, worked by hand:
// - api: 3 replicas × concurrency 2, 0.5 cores and 512 MiB each, 4 MiB per request, in region
//   use1 whose cloud aws prices an instance-hour at $0.20; evenly spaced arrivals every 100 ms,
//   constant 50 ms service: nobody waits, so 0.5 servers are busy on average.
//     cpu = 0.5 × (0.02 × 3 + 0.98 × 0.5 / 2) = 0.1525 cores
//     memory = 3 × 0.25 × 512 + 4 × 0.5 = 386 MiB
//     cost = 3 × $0.20 × 1 h = $0.60
// - spare: 2 replicas without a group ($0.07 from the settings), 360 s start-up, no traffic:
//     cost = 2 × $0.07 × 1 h = $0.14 (starting replicas cost too); up 3240 of 3600 s.
import { describe, expect, it } from 'vitest';
import { BASE_MEMORY_SHARE, IDLE_CPU_SHARE, createRun, SERIES_METRICS, type SeriesFrame } from '../../../src-main/kernel/index.js';
import { topologySchema } from '../../../src-preload/contract/index.js';
import { template } from './helpers/documents.js';

const doc = topologySchema.parse({
  apiVersion: 'devsim.io/v1',
  kind: 'Topology',
  metadata: { name: 'manual replicas' },
  groups: { aws: { type: 'cloud', provider: 'aws', instanceHourCost: 0.2 }, use1: { type: 'region', parent: 'aws' } },
  nodes: {
    users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 }, arrivals: 'deterministic' },
    api: {
      kind: 'container',
      group: 'use1',
      replicas: 3,
      concurrency: 2,
      resources: { cpu: 0.5, memoryMiB: 512 },
      memoryPerRequestMiB: 4,
      serviceTime: { default: { type: 'constant', valueMs: 50 } },
    },
    spare: { kind: 'container', replicas: 2, startupS: 360, serviceTime: { default: { type: 'constant', valueMs: 1 } } },
  },
  links: [{ type: 'call', from: 'users', to: 'api', latencyMs: 0 }],
  settings: { instanceHourCost: 0.07, monitoring: { scrapeIntervalS: 60 } },
  // spare's two replicas start with the run and are ready only after 360 s.
  scenario: { coldStart: true },
});

const at = (f: SeriesFrame, node: number, metric: (typeof SERIES_METRICS)[number]) => f.values[node * SERIES_METRICS.length + SERIES_METRICS.indexOf(metric)]!;

describe('CPU, memory and cost model', () => {
  it('states its shares', () => {
    expect(IDLE_CPU_SHARE).toBe(0.02);
    expect(BASE_MEMORY_SHARE).toBe(0.25);
  });

  it('gives the hand-computed figures in the summary', () => {
    const r = createRun(doc, { durationS: 3600, warmupS: 0 });
    r.advance();
    const s = r.summary();
    const api = s.nodes.api!;
    // 35,999 arrivals (0.1 s … 3599.9 s) of 50 ms each: busy 0.49999 on average.
    const busy = (35_999 * 50) / 3_600_000;
    expect(api.replicas).toEqual({ mean: 3, max: 3 });
    expect(api.cpu_cores.mean).toBeCloseTo(0.5 * (0.02 * 3 + (0.98 * busy) / 2), 12);
    expect(api.cpu_cores.mean).toBeCloseTo(0.1525, 5);
    expect(api.memory_mib.mean).toBeCloseTo(384 + 4 * busy, 12);
    expect(api.memory_mib.max).toBeGreaterThanOrEqual(api.memory_mib.mean);
    expect(api.memory_mib.max).toBeLessThanOrEqual(384 + 4 * 1); // one request in the node at most
    expect(api.cost).toBeCloseTo(0.6, 12);
    expect(api.availability).toBe(1);
    const spare = s.nodes.spare!;
    expect(spare.cost).toBeCloseTo(0.14, 12);
    expect(spare.availability).toBeCloseTo(0.9, 12);
    expect(spare.cpu_cores.mean).toBeCloseTo(0.5 * 0.02 * 2, 12);
    expect(spare.memory_mib.mean).toBeCloseTo(2 * 128, 12);
    expect(s.totals.cost).toBeCloseTo(0.74, 12);
  });

  it('charges only the measured time after warm-up', () => {
    const r = createRun(doc, { durationS: 3600, warmupS: 600 });
    r.advance();
    const s = r.summary();
    expect(s.nodes.api!.cost).toBeCloseTo(0.5, 12);
    expect(s.nodes.spare!.availability).toBe(1); // ready since 360 s
    expect(s.totals.cost).toBeCloseTo((0.6 + 0.14) * (3000 / 3600), 12);
  });

  it('gives the same figures in the series frames', () => {
    const r = createRun(doc, { durationS: 3600, warmupS: 0 });
    r.advance();
    const frames = r.drain().frames;
    expect(frames).toHaveLength(60);
    for (const f of frames) {
      expect(at(f, 1, 'cost_per_hour')).toBeCloseTo(0.6, 12);
      expect(at(f, 2, 'cost_per_hour')).toBeCloseTo(0.14, 12);
      expect(at(f, 1, 'replicas')).toBe(3);
      expect(at(f, 1, 'cpu_cores')).toBeCloseTo(0.1525, 2);
      expect(at(f, 1, 'utilization_percent')).toBeCloseTo(8.33, 1);
      const starting = f.tMs < 360_000;
      expect(at(f, 2, 'ready_replicas')).toBe(starting ? 0 : 2);
      expect(at(f, 2, 'up')).toBe(starting ? 0 : 1);
      expect(at(f, 0, 'cost_per_hour')).toBeNaN();
    }
    // ∫ cost rate dt over the frames is the run's cost.
    expect(frames.reduce((sum, f) => sum + (at(f, 1, 'cost_per_hour') + at(f, 2, 'cost_per_hour')) / 60, 0)).toBeCloseTo(0.74, 12);
  });

  it('counts a PostgreSQL primary with two replicas as three instances, its connections as servers', () => {
    // production: db in us-east-1 at $0.0832 an instance-hour, 2 cores each, 200 connections per member.
    const r = createRun(template('production'), { durationS: 600, warmupS: 0, seriesIntervalS: 60 });
    r.advance();
    const frames = r.drain().frames;
    const db = r.summary().nodes.db!;
    expect(db.replicas).toEqual({ mean: 3, max: 3 });
    expect(db.cost).toBeCloseTo(3 * 0.0832 * (600 / 3600), 12);
    expect(db.servers).toBe(600);
    expect(db.cpu_cores.mean).toBeGreaterThanOrEqual(2 * 0.02 * 3);
    const i = r.seriesLayout.nodes.indexOf('db');
    for (const f of frames) {
      expect(at(f, i, 'replicas')).toBe(3);
      expect(at(f, i, 'cost_per_hour')).toBeCloseTo(3 * 0.0832, 12);
    }
  });
});
