// The summary's monitoring fields on every template: present for every node and source, finite
// numbers (the JSON never carries NaN), and consistent with each other.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { template } from './helpers/documents.js';

const nonFinite = (value: unknown, path: string, out: string[]): void => {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
};

describe('summary monitoring fields', () => {
  for (const name of ['single-queue', 'three-tier', 'development', 'experimental', 'production']) {
    it(`${name}: classes, replicas, cpu, memory, cost and availability for every node, all finite`, () => {
      const r = createRun(template(name), { durationS: 600, warmupS: 60 });
      r.advance();
      const s = r.summary();
      const bad: string[] = [];
      nonFinite(s, 'summary', bad);
      expect(bad).toEqual([]);
      let cost = 0;
      for (const [id, n] of Object.entries(s.nodes)) {
        expect(n.replicas.max, id).toBeGreaterThanOrEqual(n.replicas.mean - 1e-9);
        expect(n.memory_mib.max, id).toBeGreaterThanOrEqual(n.memory_mib.mean);
        expect(n.availability, id).toBeGreaterThanOrEqual(0);
        expect(n.availability, id).toBeLessThanOrEqual(1);
        expect(n.cpu_cores.mean, id).toBeGreaterThanOrEqual(0);
        expect(n.cost, id).toBeGreaterThanOrEqual(0);
        if (n.utilization !== null) expect(n.utilization, id).toBeLessThanOrEqual(1 + 1e-9);
        cost += n.cost;
      }
      expect(s.totals.cost).toBeCloseTo(cost, 9);
      expect(s.totals.alerts_fired).toBe(s.alerts.reduce((a, x) => a + x.fired, 0));
      for (const src of Object.values(s.sources)) expect(Object.keys(src.classes).length).toBeGreaterThan(0);
    });
  }
});
