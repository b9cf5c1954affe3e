// The HPA's replica calculation on the worked examples of kubernetes.io "Horizontal Pod
// Autoscaling" (Algorithm details) and the rules of replica_calculator.go: the ratio, the
// tolerance, ignored, missing and not-yet-ready pods, several metrics.
import { describe, expect, it } from 'vitest';
import { hpaSync, initialHpaState, resolveHpaConfig, type HpaMetricSpec, type HpaPod, type HpaPodState, type HpaSpec } from '../../../src-main/kernel/autoscaling/index.js';

const cpuValue = (target: number): HpaMetricSpec => ({ type: 'Resource', name: 'cpu', target: { type: 'AverageValue', averageValue: target } });
const cpuPercent = (target: number): HpaMetricSpec => ({ type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilization: target } });
/** Pods using `millis` CPU each (undefined: no sample) against a request of one core. */
const pods = (millis: readonly (number | undefined)[], state: HpaPodState = 'ready'): HpaPod[] =>
  millis.map((m) => ({ state, values: m === undefined ? {} : { cpu: m }, requests: { cpu: 1000 } }));
/** No scale-down window, so one sync shows the calculation itself. */
const immediate = (spec: HpaSpec): HpaSpec => ({ ...spec, behavior: { ...spec.behavior, scaleDown: { stabilizationWindowSeconds: 0, ...spec.behavior?.scaleDown } } });
const once = (spec: HpaSpec, current: number, podList: HpaPod[]) => hpaSync(resolveHpaConfig(spec), initialHpaState, { nowMs: 0, currentReplicas: current, pods: podList });

describe('HPA algorithm details (kubernetes.io worked examples)', () => {
  it('doubles the replicas when the metric is 200m against a 100m target (1 → 2, 3 → 6)', () => {
    expect(once({ maxReplicas: 10, metrics: [cpuValue(100)] }, 1, pods([200])).replicas).toBe(2);
    const d = once({ maxReplicas: 10, metrics: [cpuValue(100)] }, 3, pods([200, 200, 200]));
    expect(d.replicas).toBe(6);
    expect(d.reason).toBe('SucceededRescale');
    expect(d.message).toBe('New size: 6; reason: cpu resource above target');
  });

  it('halves the replicas when the metric is 50m against a 100m target (4 → 2)', () => {
    expect(once(immediate({ maxReplicas: 10, metrics: [cpuValue(100)] }), 4, pods([50, 50, 50, 50])).replicas).toBe(2);
  });

  it('rounds up: ceil(current × current/target) — 3 pods at 150 % of a 100 % target need 5', () => {
    expect(once({ maxReplicas: 10, metrics: [cpuPercent(100)] }, 3, pods([1500, 1500, 1500])).replicas).toBe(5);
  });

  it('skips scaling while the ratio is within the 0.1 tolerance, on both edges', () => {
    const spec = immediate({ maxReplicas: 20, metrics: [cpuValue(100)] });
    const at = (m: number) => once(spec, 10, pods(Array<number>(10).fill(m)));
    expect(at(110).replicas).toBe(10);
    expect(at(110).reason).toBe('ReadyForNewScale');
    expect(at(90).replicas).toBe(10);
    expect(at(105).replicas).toBe(10);
    expect(at(111).replicas).toBe(12); // ceil(1.11 × 10)
    expect(at(89).replicas).toBe(9); // ceil(0.89 × 10)
  });

  it('uses the configured tolerance and per-direction tolerances', () => {
    const tight = immediate({ maxReplicas: 20, metrics: [cpuValue(100)], tolerance: 0.05 });
    expect(once(tight, 10, pods(Array<number>(10).fill(106))).replicas).toBe(11);
    const upOnly = immediate({ maxReplicas: 20, metrics: [cpuValue(100)], behavior: { scaleUp: { tolerance: 0.02 } } });
    expect(once(upOnly, 10, pods(Array<number>(10).fill(103))).replicas).toBe(11);
    expect(once(upOnly, 10, pods(Array<number>(10).fill(92))).replicas).toBe(10); // scale-down keeps 0.1
  });

  it('truncates the utilization to a whole percent, as the controller does', () => {
    // 1099 m of a 1000 m request is 109 % (not 109.9 %), within tolerance of 100 %.
    expect(once({ maxReplicas: 10, metrics: [cpuPercent(100)] }, 1, pods([1099])).replicas).toBe(1);
    const d = once({ maxReplicas: 10, metrics: [cpuPercent(50)] }, 2, pods([333, 334]));
    expect(d.metrics[0]?.currentAverageUtilization).toBe(33);
  });
});

describe('pods set aside, missing metrics and not-yet-ready pods', () => {
  const spec = immediate({ maxReplicas: 20, metrics: [cpuPercent(50)] });

  it('ignores pods being deleted and failed pods', () => {
    const list = [...pods([1000, 1000]), ...pods([0], 'deleting'), ...pods([0], 'failed')];
    expect(once(spec, 2, list).replicas).toBe(4); // 100 % / 50 % × 2 ready pods
  });

  it('on a scale-down counts missing metrics as 100 % of the request (4 → 3, not 4 → 1)', () => {
    // Three pods at 10 %: ratio 0.2. The missing pod at 100 %: (300 + 1000) / 4000 = 32 % → 0.64 × 4 → 3.
    const d = once(spec, 4, pods([100, 100, 100, undefined]));
    expect(d.replicas).toBe(3);
    expect(d.metrics[0]?.currentAverageUtilization).toBe(10); // the status keeps the original value
  });

  it('on a scale-down does nothing when counting the missing pod at 100 % flips it into a scale-up', () => {
    // One pod at 40 % of a 50 % target: ratio 0.8. The missing pod at 100 %: 70 % → 1.4, a scale-up: keep 2.
    expect(once(spec, 2, pods([400, undefined])).replicas).toBe(2);
  });

  it('on a scale-up counts missing metrics as 0 %, and does nothing when that flips the direction', () => {
    // Two pods at 60 %: ratio 1.2; with the missing one at 0 %: 40 % → 0.8, a scale-down: keep 3.
    const d = once(spec, 3, pods([600, 600, undefined]));
    expect(d.replicas).toBe(3);
    expect(d.desiredFromMetrics).toBe(3);
  });

  it('does nothing when the conservative ratio lands within tolerance', () => {
    // Two pods at 70 %: ratio 1.4; with the missing one at 0 %: 46 % → 0.92, within 0.1.
    expect(once(spec, 3, pods([700, 700, undefined])).replicas).toBe(3);
  });

  it('on a scale-up counts not-yet-ready pods at 0 % (never proposes fewer pods while the metric is high)', () => {
    // Two ready pods at 100 % (ratio 2 → naive ceil(2 × 2) = 4 < 5); three starting pods at 0 %
    // give 2000 / 5000 = 40 % → 0.8, which flips the direction: keep 5.
    const list = [...pods([1000, 1000]), ...pods([900, 900, 900], 'not-yet-ready')];
    const d = once(spec, 5, list);
    expect(d.replicas).toBe(5);
    // With one starting pod: 2000 / 3000 = 66 % → 1.32 × 3 pods → 4.
    expect(once(spec, 3, [...pods([1000, 1000]), ...pods([900], 'not-yet-ready')]).replicas).toBe(4);
  });

  it('on a scale-down leaves not-yet-ready pods out entirely', () => {
    const list = [...pods([100, 100, 100, 100]), ...pods([900], 'not-yet-ready')];
    expect(once(spec, 5, list).replicas).toBe(1); // ceil(0.2 × 4 ready pods)
  });

  it('sets aside not-yet-ready pods only for CPU; pending pods for every metric', () => {
    const mem: HpaMetricSpec = { type: 'Resource', name: 'memory', target: { type: 'Utilization', averageUtilization: 50 } };
    const memPods = (m: number, state: HpaPodState): HpaPod => ({ state, values: { memory: m }, requests: { memory: 1000 } });
    const memSpec = immediate({ maxReplicas: 20, metrics: [mem] });
    // A starting pod's memory sample counts: (1000 + 0) / 2000 = 50 % → no change.
    expect(once(memSpec, 2, [memPods(1000, 'ready'), memPods(0, 'not-yet-ready')]).replicas).toBe(2);
    // A pending pod is set aside, then counted at 0 % on the scale-up: same 50 % → no change.
    expect(once(memSpec, 2, [memPods(1000, 'ready'), memPods(0, 'pending')]).replicas).toBe(2);
    // A not-yet-ready pod on a CPU metric is set aside the same way.
    expect(once(spec, 2, [...pods([1000]), ...pods([0], 'not-yet-ready')]).replicas).toBe(2);
  });

  it('fails the metric when no pod has a sample, and keeps the count', () => {
    const d = once(spec, 3, pods([undefined, undefined, undefined], 'not-yet-ready'));
    expect(d.replicas).toBe(3);
    expect(d.reason).toBe('FailedGetResourceMetric');
    expect(d.conditions.find((c) => c.type === 'ScalingActive')?.status).toBe(false);
  });

  it('needs a request on every pod for a utilization target', () => {
    const d = once(spec, 1, [{ state: 'ready', values: { cpu: 500 } }]);
    expect(d.reason).toBe('FailedGetResourceMetric');
    expect(d.metrics[0]?.error).toBe('missing request for cpu');
  });
});

describe('several metrics', () => {
  const rps: HpaMetricSpec = { type: 'Pods', name: 'http_requests', averageValue: 10_000 };
  const withRps = (cpu: number, reqs: number | undefined, n: number): HpaPod[] =>
    Array.from({ length: n }, () => ({ state: 'ready' as const, values: reqs === undefined ? { cpu } : { cpu, http_requests: reqs }, requests: { cpu: 1000 } }));
  const spec = immediate({ maxReplicas: 50, metrics: [cpuPercent(50), rps] });

  it('takes the largest proposal', () => {
    // CPU 75 % / 50 % × 4 = 6; requests 30 / 10 × 4 = 12.
    const d = once(spec, 4, withRps(750, 30_000, 4));
    expect(d.desiredFromMetrics).toBe(12);
    expect(d.replicas).toBe(8); // the scale-up policy allows max(4 + 4, 2 × 4) this period
    expect(d.metrics.map((m) => m.proposal)).toEqual([6, 12]);
  });

  it('scales up on one metric even when another says scale down', () => {
    expect(once(spec, 4, withRps(100, 20_000, 4)).desiredFromMetrics).toBe(8);
  });

  it('skips a scale-down when another metric cannot be computed, but still scales up', () => {
    const down = once(spec, 4, withRps(100, undefined, 4));
    expect(down.replicas).toBe(4);
    expect(down.reason).toBe('FailedGetPodsMetric');
    const up = once(spec, 4, withRps(1000, undefined, 4));
    expect(up.replicas).toBe(8);
    expect(up.metrics[1]?.error).toMatch(/did not receive metrics/);
  });
});
