// Scaling behavior over time, on the examples of kubernetes.io "Horizontal Pod Autoscaling"
// (Configurable scaling behavior: stabilization window, default behavior, scaling policies,
// selectPolicy Min and Disabled) and the min/max rules of horizontal.go reconcileAutoscaler.
import { describe, expect, it } from 'vitest';
import { hpaSync, initialHpaState, resolveHpaConfig, type HpaDecision, type HpaPod, type HpaSpec, type HpaState } from '../../../src-main/kernel/autoscaling/index.js';

const TARGET = 100;
/** `n` ready pods whose average is `perPod` milli-units against an AverageValue target of 100. */
const podsAt = (n: number, perPod: number): HpaPod[] => Array.from({ length: n }, () => ({ state: 'ready' as const, values: { cpu: perPod } }));
/** Pods whose load asks for `want` replicas: ceil(trunc(100·want/n)/100 · n) = want for n ≤ 100. */
const asking = (n: number, want: number): HpaPod[] => podsAt(n, Math.trunc((TARGET * want) / n));
const base = (spec: Omit<HpaSpec, 'metrics'>): HpaSpec => ({ ...spec, metrics: [{ type: 'Resource', name: 'cpu', target: { type: 'AverageValue', averageValue: TARGET } }] });

/** Runs syncs at the given seconds; `want(t, current)` says what the metrics ask for. */
function run(spec: HpaSpec, start: number, seconds: readonly number[], want: (t: number, current: number) => number): { t: number; d: HpaDecision }[] {
  const config = resolveHpaConfig(spec);
  let state: HpaState = initialHpaState;
  let current = start;
  return seconds.map((t) => {
    const d = hpaSync(config, state, { nowMs: t * 1000, currentReplicas: current, pods: asking(current, want(t, current)) });
    state = d.state;
    current = d.replicas;
    return { t, d };
  });
}
const every = (step: number, until: number): number[] => Array.from({ length: Math.floor(until / step) + 1 }, (_, i) => i * step);

describe('scale-down stabilization window', () => {
  it('keeps the highest recommendation of the last 300 s (default), then scales down at once', () => {
    const steps = run(base({ maxReplicas: 20 }), 10, every(15, 330), (t) => (t === 0 ? 10 : 4));
    for (const { t, d } of steps.filter((s) => s.t > 0 && s.t < 300)) {
      expect(d.replicas, `t=${t}`).toBe(10);
      expect(d.reason).toBe('ScaleDownStabilized');
    }
    // The recommendation of 10 made at t = 0 leaves the window exactly 300 s later.
    expect(steps.find((s) => s.t === 300)?.d.replicas).toBe(4);
  });

  it('follows the rolling maximum of the window as the recommendations fall', () => {
    const wants = new Map([[0, 10], [15, 8], [30, 6]]);
    const steps = run(base({ maxReplicas: 20 }), 10, every(15, 345), (t) => wants.get(t) ?? 4);
    const at = (t: number) => steps.find((s) => s.t === t)?.d.replicas;
    expect([at(285), at(300), at(315), at(330), at(345)]).toEqual([10, 8, 6, 4, 4]);
  });

  it('uses a custom window (60 s)', () => {
    const steps = run(base({ maxReplicas: 20, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }), 10, every(15, 75), (t) => (t === 0 ? 10 : 4));
    expect(steps.map((s) => s.d.replicas)).toEqual([10, 10, 10, 10, 4, 4]);
  });

  it('a scale-up window keeps the lowest recommendation of its window', () => {
    const steps = run(base({ maxReplicas: 20, behavior: { scaleUp: { stabilizationWindowSeconds: 60 } } }), 2, every(15, 75), () => 4);
    expect(steps.map((s) => s.d.replicas)).toEqual([2, 2, 2, 2, 4, 4]);
    expect(steps[1]?.d.reason).toBe('ScaleUpStabilized');
  });
});

describe('default scale-up policy: 4 pods or 100 % per 15 s, whichever is more', () => {
  it('adds 4 pods when that is more than doubling (1 → 5 → 10)', () => {
    const steps = run(base({ maxReplicas: 50 }), 1, [0, 15], () => 10);
    expect(steps[0]?.d.replicas).toBe(5);
    expect(steps[0]?.d.reason).toBe('ScaleUpLimit');
    expect(steps[1]?.d.replicas).toBe(10);
  });

  it('doubles when that is more than 4 pods (10 → 20 → 40 → 50)', () => {
    const steps = run(base({ maxReplicas: 100 }), 10, [0, 15, 30], () => 50);
    expect(steps.map((s) => s.d.replicas)).toEqual([20, 40, 50]);
  });

  it('counts what was added within the period: a sync 5 s later adds nothing', () => {
    const steps = run(base({ maxReplicas: 100 }), 10, [0, 5, 10, 15], () => 50);
    expect(steps.map((s) => s.d.replicas)).toEqual([20, 20, 20, 40]);
    expect(steps[1]?.d.reason).toBe('ScaleUpLimit');
  });
});

describe('scale-down policies (kubernetes.io examples)', () => {
  it('Pods 4 / 60 s and Percent 10 / 60 s, selectPolicy Max: 80 → 72 → 64 …, 4 at a time below 40', () => {
    const spec = base({
      maxReplicas: 100,
      behavior: { scaleDown: { policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }, { type: 'Percent', value: 10, periodSeconds: 60 }] } },
    });
    // The default 300 s window holds the first step until the start recommendation leaves it.
    const steps = run(spec, 80, every(60, 1200), () => 10);
    const counts = steps.map((s) => s.d.replicas);
    expect(counts.slice(0, 5)).toEqual([80, 80, 80, 80, 80]);
    expect(counts.slice(5)).toEqual([72, 64, 57, 51, 45, 40, 36, 32, 28, 24, 20, 16, 12, 10, 10, 10]);
    // 72 → 64: 10 % of 72 is 7.2, and the controller removes 8 (it keeps 64.8 → 64).
    expect(counts[6]).toBe(64);
  });

  it('removes nothing more within the period once its share is used', () => {
    const spec = base({
      maxReplicas: 100,
      behavior: { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }, { type: 'Percent', value: 10, periodSeconds: 60 }] } },
    });
    const steps = run(spec, 80, [0, 15, 30, 45, 60], () => 10);
    expect(steps.map((s) => s.d.replicas)).toEqual([72, 72, 72, 72, 64]);
    expect(steps[1]?.d.reason).toBe('ScaleDownLimit');
  });

  it('Percent 10 / 60 s alone limits the rate to 10 % a minute', () => {
    const spec = base({ maxReplicas: 100, behavior: { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] } } });
    expect(run(spec, 100, every(60, 180), () => 10).map((s) => s.d.replicas)).toEqual([90, 81, 72, 64]);
  });

  it('Percent 10 and Pods 5 per 60 s with selectPolicy Min: never more than 5 pods, nor more than 10 %', () => {
    const spec = base({
      maxReplicas: 100,
      behavior: {
        scaleDown: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Min',
          policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }, { type: 'Pods', value: 5, periodSeconds: 60 }],
        },
      },
    });
    expect(run(spec, 100, every(60, 120), () => 10).map((s) => s.d.replicas)).toEqual([95, 90, 85]);
    expect(run(spec, 30, every(60, 120), () => 10).map((s) => s.d.replicas)).toEqual([27, 24, 21]); // 10 % (3) is less than 5 pods
  });

  it('selectPolicy Disabled turns off scaling down, not up', () => {
    const spec = base({ maxReplicas: 20, behavior: { scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Disabled' } } });
    const down = run(spec, 10, [0, 60, 600], () => 2);
    expect(down.map((s) => s.d.replicas)).toEqual([10, 10, 10]);
    expect(down[0]?.d.reason).toBe('ScaleDownLimit');
    expect(run(spec, 10, [0], () => 12)[0]?.d.replicas).toBe(12);
    const noUp = base({ maxReplicas: 20, behavior: { scaleUp: { selectPolicy: 'Disabled' } } });
    expect(run(noUp, 10, [0, 60], () => 15).map((s) => s.d.replicas)).toEqual([10, 10]);
  });

  it('the default scale-down policy (100 % per 15 s) goes straight to the recommendation', () => {
    const spec = base({ maxReplicas: 100, behavior: { scaleDown: { stabilizationWindowSeconds: 0 } } });
    expect(run(spec, 80, [0], () => 3)[0]?.d.replicas).toBe(3);
  });
});

describe('min and max replicas', () => {
  it('clamps a scale-up at maxReplicas (TooManyReplicas)', () => {
    const d = run(base({ maxReplicas: 10 }), 8, [0], () => 30)[0]?.d;
    expect(d?.replicas).toBe(10);
    expect(d?.reason).toBe('TooManyReplicas');
    expect(d?.conditions.find((c) => c.type === 'ScalingLimited')).toMatchObject({ status: true, reason: 'TooManyReplicas' });
  });

  it('clamps a scale-down at minReplicas (TooFewReplicas)', () => {
    const d = run(base({ minReplicas: 2, maxReplicas: 10, behavior: { scaleDown: { stabilizationWindowSeconds: 0 } } }), 6, [0], () => 0)[0]?.d;
    expect(d?.replicas).toBe(2);
    expect(d?.reason).toBe('TooFewReplicas');
  });

  it('moves a count outside the range into it before looking at metrics', () => {
    const above = run(base({ minReplicas: 2, maxReplicas: 10 }), 15, [0], () => 15)[0]?.d;
    expect(above).toMatchObject({ replicas: 10, reason: 'AboveMaxReplicas', message: 'New size: 10; reason: Current number of replicas above Spec.MaxReplicas' });
    const below = run(base({ minReplicas: 3, maxReplicas: 10 }), 1, [0], () => 1)[0]?.d;
    expect(below).toMatchObject({ replicas: 3, reason: 'BelowMinReplicas' });
  });

  it('leaves a target scaled to zero alone while minReplicas is above zero', () => {
    const d = hpaSync(resolveHpaConfig(base({ maxReplicas: 10 })), initialHpaState, { nowMs: 0, currentReplicas: 0, pods: [] });
    expect(d).toMatchObject({ replicas: 0, scaled: false, reason: 'ScalingDisabled' });
  });

  it('reaches zero only with minReplicas 0, and cannot come back on per-pod metrics', () => {
    const spec = base({ minReplicas: 0, maxReplicas: 10, behavior: { scaleDown: { stabilizationWindowSeconds: 0 } } });
    const config = resolveHpaConfig(spec);
    const d = hpaSync(config, initialHpaState, { nowMs: 0, currentReplicas: 2, pods: podsAt(2, 0) });
    expect(d.replicas).toBe(0);
    const next = hpaSync(config, d.state, { nowMs: 15_000, currentReplicas: 0, pods: [] });
    expect(next).toMatchObject({ replicas: 0, reason: 'FailedGetResourceMetric' });
    expect(hpaSync(resolveHpaConfig(base({ maxReplicas: 10 })), initialHpaState, { nowMs: 0, currentReplicas: 2, pods: podsAt(2, 0) }).replicas).toBe(2);
  });
});

describe('purity', () => {
  it('never changes its inputs and gives the same answer twice', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o !== null && typeof o === 'object') {
        Object.values(o).forEach(deepFreeze);
        Object.freeze(o);
      }
      return o;
    };
    const config = deepFreeze(resolveHpaConfig(base({ maxReplicas: 30 })));
    let state: HpaState = deepFreeze(initialHpaState);
    let current = 4;
    for (let t = 0; t <= 600; t += 15) {
      const input = deepFreeze({ nowMs: t * 1000, currentReplicas: current, pods: asking(current, t < 200 ? 25 : 3) });
      const a = hpaSync(config, state, input);
      expect(hpaSync(config, state, input)).toEqual(a);
      state = deepFreeze(a.state);
      current = a.replicas;
    }
    expect(current).toBe(3);
  });

  it('refuses configurations the API server would refuse', () => {
    expect(() => resolveHpaConfig({ minReplicas: 5, maxReplicas: 2 })).toThrow(/minReplicas/);
    expect(() => resolveHpaConfig({ maxReplicas: 2, behavior: { scaleDown: { policies: [{ type: 'Pods', value: 1, periodSeconds: 3600 }] } } })).toThrow(/periodSeconds/);
  });
});
