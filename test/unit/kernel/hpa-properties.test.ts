// Properties of the HPA controller over random configurations, pods and histories
// (fast-check, fixed seed so a failure reproduces).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hpaSync, initialHpaState, resolveHpaConfig, type HpaPod, type HpaPodState, type HpaSpec, type HpaState } from '../../../src-main/kernel/autoscaling/index.js';

const SEED = 20_240_611;
const runs = { seed: SEED, numRuns: 300 };

const policy = fc.record({ type: fc.constantFrom('Pods' as const, 'Percent' as const), value: fc.integer({ min: 1, max: 200 }), periodSeconds: fc.integer({ min: 1, max: 600 }) });
const rules = fc.record(
  {
    stabilizationWindowSeconds: fc.integer({ min: 0, max: 600 }),
    selectPolicy: fc.constantFrom('Max' as const, 'Min' as const, 'Disabled' as const),
    policies: fc.array(policy, { minLength: 1, maxLength: 3 }),
    tolerance: fc.double({ min: 0, max: 0.5, noNaN: true }),
  },
  { requiredKeys: [] },
);
const spec: fc.Arbitrary<HpaSpec> = fc
  .record({ min: fc.integer({ min: 1, max: 20 }), span: fc.integer({ min: 0, max: 40 }), target: fc.integer({ min: 10, max: 150 }), up: rules, down: rules })
  .map(({ min, span, target, up, down }) => ({
    minReplicas: min,
    maxReplicas: min + span,
    metrics: [{ type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilization: target } }],
    behavior: { scaleUp: up, scaleDown: down },
  }));
const podState = fc.constantFrom<HpaPodState>('ready', 'ready', 'ready', 'not-yet-ready', 'pending', 'deleting', 'failed');
/** One pod: a state, a CPU sample in milli-cores of a 1000 m request (or none). */
const pod = fc.record({ state: podState, cpu: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }) });
const toPod = (p: { state: HpaPodState; cpu: number | undefined }): HpaPod => ({ state: p.state, values: p.cpu === undefined ? {} : { cpu: p.cpu }, requests: { cpu: 1000 } });
/** A history: seconds since the last sync and the pods seen at each sync. */
const history = fc.array(fc.record({ gapS: fc.integer({ min: 1, max: 120 }), pods: fc.array(pod, { minLength: 0, maxLength: 12 }) }), { minLength: 1, maxLength: 25 });

describe('HPA properties', () => {
  it('always ends within [minReplicas, maxReplicas], whatever the pods and history', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 80 }), history, (s, start, syncs) => {
        const config = resolveHpaConfig(s);
        let state: HpaState = initialHpaState;
        let current = start;
        let t = 0;
        for (const sync of syncs) {
          t += sync.gapS * 1000;
          const d = hpaSync(config, state, { nowMs: t, currentReplicas: current, pods: sync.pods.map(toPod) });
          expect(d.replicas).toBeGreaterThanOrEqual(config.minReplicas);
          expect(d.replicas).toBeLessThanOrEqual(config.maxReplicas);
          expect(Number.isInteger(d.replicas)).toBe(true);
          state = d.state;
          current = d.replicas;
        }
      }),
      runs,
    );
  });

  it('never changes the count while every pod is exactly at the target', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 40 }), fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 30 }), (s, offset, gaps) => {
        const config = resolveHpaConfig(s);
        const n = Math.min(config.maxReplicas, config.minReplicas + offset);
        const target = s.metrics?.[0]?.type === 'Resource' && s.metrics[0].target.type === 'Utilization' ? s.metrics[0].target.averageUtilization : 0;
        const pods = Array.from({ length: n }, () => toPod({ state: 'ready', cpu: target * 10 }));
        let state: HpaState = initialHpaState;
        let t = 0;
        for (const gap of gaps) {
          t += gap * 1000;
          const d = hpaSync(config, state, { nowMs: t, currentReplicas: n, pods });
          expect(d.replicas).toBe(n);
          expect(d.scaled).toBe(false);
          state = d.state;
        }
      }),
      runs,
    );
  });

  it('is monotone in the metric for one sync without history', () => {
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.record({ state: podState, base: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (s, current, shape, k1, k2) => {
          const config = resolveHpaConfig(s);
          const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
          const at = (k: number): number =>
            hpaSync(config, initialHpaState, { nowMs: 0, currentReplicas: current, pods: shape.map((p) => toPod({ state: p.state, cpu: p.base === undefined ? undefined : p.base * k })) }).replicas;
          expect(at(lo)).toBeLessThanOrEqual(at(hi));
        },
      ),
      runs,
    );
  });
});
