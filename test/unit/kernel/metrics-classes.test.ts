// Per-class metrics: at every node and source the classes add up to the totals, and each class
// gets its own latency (reads 5 ms, writes 20 ms plus a database call).
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { template, topology } from './helpers/documents.js';

describe('per-class metrics', () => {
  it('add up to the node and source totals, on a template and on a run with rejections and timeouts', () => {
    const busy = topology(
      {
        users: {
          kind: 'traffic-source',
          rate: { type: 'constant', rps: 120 },
          arrivals: 'poisson',
          classes: [
            { name: 'read', weight: 3 },
            { name: 'write', weight: 1, operation: 'write' },
          ],
        },
        api: { kind: 'container', queueCapacity: 4, timeoutMs: 30, serviceTime: { default: { type: 'exponential', meanMs: 8 } } },
        db: { kind: 'container', serviceTime: { default: { type: 'exponential', meanMs: 5 } } },
      },
      [
        { type: 'call', from: 'users', to: 'api', latencyMs: 0 },
        { type: 'call', from: 'api', to: 'db', latencyMs: 1, classes: ['write'] },
      ],
    );
    for (const doc of [busy, template('three-tier')]) {
      const r = createRun(doc, { durationS: 600, warmupS: 30 });
      r.advance();
      const s = r.summary();
      for (const [id, n] of Object.entries(s.nodes)) {
        const classes = Object.values(n.classes);
        const sum = (f: (c: (typeof classes)[number]) => number) => classes.reduce((a, c) => a + f(c), 0);
        expect(sum((c) => c.arrivals), `${id} arrivals`).toBe(n.arrivals);
        expect(sum((c) => c.completions), `${id} completions`).toBe(n.completions);
        expect(sum((c) => c.errors), `${id} errors`).toBe(n.errors);
        expect(sum((c) => c.rejected), `${id} rejected`).toBe(n.rejected);
        if (n.completions > 0) expect(sum((c) => c.latency_ms.mean * c.completions) / n.completions, `${id} latency`).toBeCloseTo(n.latency_ms.mean, 6);
      }
      for (const [id, src] of Object.entries(s.sources)) {
        const classes = Object.values(src.classes);
        expect(classes.reduce((a, c) => a + c.requests, 0), `${id} requests`).toBe(src.requests);
        expect(classes.reduce((a, c) => a + c.completed, 0), `${id} completed`).toBe(src.completed);
        expect(classes.reduce((a, c) => a + c.errors, 0), `${id} errors`).toBe(src.errors);
      }
    }
    const r = createRun(busy, { durationS: 600, warmupS: 30 });
    r.advance();
    const s = r.summary();
    expect(s.nodes.api!.rejected + s.nodes.api!.errors).toBeGreaterThan(0);
    expect(Object.keys(s.nodes.db!.classes)).toEqual(['write']); // reads never reach it
  });

  it('give each class its own end-to-end latency and percentiles at the source', () => {
    // Evenly spaced arrivals 100 ms apart and constant service: nobody waits.
    const doc = topology(
      {
        users: {
          kind: 'traffic-source',
          rate: { type: 'constant', rps: 10 },
          arrivals: 'deterministic',
          classes: [
            { name: 'read', weight: 1 },
            { name: 'write', weight: 1, operation: 'write' },
          ],
        },
        api: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 5 }, classes: { write: { type: 'constant', valueMs: 20 } } } },
        db: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 3 } } },
      },
      [
        { type: 'call', from: 'users', to: 'api', latencyMs: 0 },
        { type: 'call', from: 'api', to: 'db', latencyMs: 1, classes: ['write'] },
      ],
    );
    const r = createRun(doc, { durationS: 300, warmupS: 0 });
    r.advance();
    const { read, write } = r.summary().sources.users!.classes;
    expect(read!.requests + write!.requests).toBe(2999);
    expect(read!.latency_ms.mean).toBeCloseTo(5, 9);
    expect(write!.latency_ms.mean).toBeCloseTo(20 + 1 + 3 + 1, 9);
    for (const q of ['p50', 'p95', 'p99'] as const) {
      expect(Math.abs(read!.latency_ms[q] - 5) / 5).toBeLessThanOrEqual(1 / 32);
      expect(Math.abs(write!.latency_ms[q] - 25) / 25).toBeLessThanOrEqual(1 / 32);
    }
    expect(read!.error_rate).toBe(0);
  });
});
