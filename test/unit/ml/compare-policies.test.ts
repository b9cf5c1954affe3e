// The policy comparison: the document rewritten per policy, SLO-violation minutes from the
// series frames, means with Student-t intervals, and the report whose figures are those of
// direct kernel runs of the same policy and seed.
import { describe, expect, it } from 'vitest';
import { createRun, mlpPolicy, OBSERVATION_SIZE, POLICY_ACTIONS, type SeriesFrame } from '../../../src-main/kernel/index.js';
import { comparePolicies } from '../../../src-main/ml/compare/compare-policies.js';
import type { CemResult } from '../../../src-main/ml/rl/cem-trainer.js';
import { episodeReward } from '../../../src-main/ml/rl/reward.js';
import { runEpisode } from '../../../src-main/ml/compare/episode.js';
import { meanInterval } from '../../../src-main/ml/compare/interval.js';
import { autoscaledNodes, withPolicy } from '../../../src-main/ml/compare/policy-document.js';
import { SloMinutes } from '../../../src-main/ml/compare/slo-minutes.js';
import { comparisonTable } from '../../../src-main/ml/compare/table.js';
import { compressDays, scaleRates } from '../../../src-main/ml/compare/scenario-transform.js';
import { SMALL_DAY_S, smallDayDoc } from './rl-helpers.js';

describe('the document per policy', () => {
  it('puts the policy on every autoscaled node and keeps its reactive settings', () => {
    const doc = withPolicy(smallDayDoc('hpa'), 'predictive', 'f');
    expect(autoscaledNodes(doc)).toEqual(['api']);
    const api = doc.nodes['api']!;
    expect('scaling' in api && api.scaling).toEqual({ policy: 'predictive', minReplicas: 1, maxReplicas: 10, targetCpuPercent: 70, tolerance: 0.1, syncPeriodS: 15, scaleDownStabilizationS: 120, bufferS: 300, model: 'f' });
    const back = withPolicy(doc, 'hpa');
    expect('scaling' in back.nodes['api']! && back.nodes['api'].scaling.policy).toBe('hpa');
  });

  it('refuses a document with no autoscaled node', () => {
    const doc = smallDayDoc();
    const manual = { ...doc, nodes: { ...doc.nodes, api: { ...doc.nodes['api']!, scaling: { policy: 'manual' as const } } } } as typeof doc;
    expect(() => withPolicy(manual, 'hpa')).toThrow('small day: no node is autoscaled; give a node a scaling policy (hpa, predictive or learned) to compare policies on it');
  });
});

describe('SLO-violation minutes', () => {
  it('counts the minutes in which a source broke the p99 or the error-rate objective, after warm-up', () => {
    const doc = smallDayDoc();
    const layout = createRun(doc, { seriesIntervalS: 60, durationS: 60 }).seriesLayout;
    const m = layout.metrics.length;
    const frame = (tMs: number, p99: number, errorRate: number): SeriesFrame => {
      const values = new Float64Array(layout.nodes.length * m).fill(NaN);
      const u = layout.nodes.indexOf('users');
      values[u * m + layout.metrics.indexOf('latency_p99_ms')] = p99;
      values[u * m + layout.metrics.indexOf('error_rate_percent')] = errorRate;
      return { tMs, values };
    };
    const slo = new SloMinutes(layout, ['users'], { latencyP99Ms: 600, errorRatePercent: 1 }, 60_000);
    slo.add([frame(60_000, 5000, 50), frame(120_000, 100, 0), frame(180_000, 700, 0), frame(240_000, 100, 2), frame(300_000, 600, 1), frame(360_000, NaN, 100)]);
    // The first frame is the warm-up; then ok, p99, errors, exactly at the limits (ok), nothing answered.
    expect(slo.violatingMinutes).toBe(3);
    expect(slo.observedMs).toBe(5 * 60_000);
  });
});

describe('mean and interval', () => {
  it('uses Student t with n − 1 degrees of freedom', () => {
    const m = meanInterval([1, 2, 3, 4]);
    const half = (3.182 * Math.sqrt(5 / 3)) / 2;
    expect(m.mean).toBe(2.5);
    expect(m.ci95![0]).toBeCloseTo(2.5 - half, 10);
    expect(m.ci95![1]).toBeCloseTo(2.5 + half, 10);
    expect(meanInterval([7])).toEqual({ mean: 7, ci95: null, stdDev: null, n: 1 });
  });
});

describe('the comparison report', () => {
  // Scale out above 70 % utilisation, in below 40 %, else hold.
  const kernel = new Float64Array(OBSERVATION_SIZE * POLICY_ACTIONS.length);
  kernel.set([-10, 0, 10, 0], 0); // utilisation → scores of −1, 0, +1, +2
  const thermostat = mlpPolicy('thermostat', [{ inputs: OBSERVATION_SIZE, units: 4, kernel, bias: Float64Array.from([4, 0, -7, -100]) }]);

  it('reports per policy the figures of direct kernel runs of that policy and seed', () => {
    const report = comparePolicies(smallDayDoc(), { policies: ['hpa', 'predictive', 'learned'], seeds: [1, 2], policy: thermostat, durationS: 2 * SMALL_DAY_S, forecastSeasonS: SMALL_DAY_S });
    expect(report.policies.map((p) => [p.policy, p.model])).toEqual([
      ['hpa', 'Kubernetes HPA'],
      ['predictive', 'seasonal naive (1200 s)'],
      ['learned', 'thermostat'],
    ]);
    expect(report.autoscaledNodes).toEqual(['api']);
    expect(report.slo).toEqual({ latencyP99Ms: 600, errorRatePercent: 1 });
    const direct = runEpisode(withPolicy(smallDayDoc(), 'learned', 'p'), { seed: 2, durationS: 2 * SMALL_DAY_S, models: { p: { type: 'policy', policy: thermostat } } });
    expect(report.policies[2]!.runs[1]).toEqual(direct);
    const hpa = report.policies[0]!;
    expect(hpa.runs[0]).toEqual(runEpisode(smallDayDoc(), { seed: 1, durationS: 2 * SMALL_DAY_S }));
    expect(hpa.figures.sloViolationMinutes.mean).toBe((hpa.runs[0]!.sloViolationMinutes + hpa.runs[1]!.sloViolationMinutes) / 2);
    expect(hpa.figures.scalingActions.n).toBe(2);
    // Each run scaled, and the predictive policy differs from the HPA on the second day.
    for (const p of report.policies) expect(p.runs.every((r) => r.scalingActions > 0 && r.complete)).toBe(true);
    expect(report.policies[1]!.runs[0]).not.toEqual(hpa.runs[0]);
    const table = comparisonTable(report.policies);
    expect(table.split('\n')[0]).toMatch(/^policy\s+SLO-violation min\s+p99 ms\s+cost \$\s+replica-h\s+scaling actions$/);
    expect(table).toMatch(/^learned /m);
    expect(table).toContain('mean [95 % interval] over 2 seed(s)');
  }, 60_000);

  it('trains the learned policy on its own seeds and episode length when none is given', () => {
    let trained: CemResult | undefined;
    const report = comparePolicies(smallDayDoc(), { policies: ['learned'], seeds: [1], trainSeeds: [7], trainDurationS: 600, training: { iterations: 1, population: 2 }, onTrained: (r) => (trained = r) });
    expect(report.training).toMatchObject({ method: 'cross-entropy', iterations: 1, population: 2, episodes: 3 });
    expect(report.policies[0]!.model).toBe('trained here (cross-entropy)');
    // Its training reward is that of 600-second episodes with seed 7 and no warm-up.
    const policy = mlpPolicy('p', trained!.layers);
    const rerun = runEpisode(withPolicy(smallDayDoc(), 'learned', 'p'), { seed: 7, durationS: 600, warmupS: 0, models: { p: { type: 'policy', policy } } });
    expect(episodeReward(rerun)).toBeCloseTo(trained!.reward, 10);
    expect(report.policies[0]!.runs[0]).toEqual(runEpisode(withPolicy(smallDayDoc(), 'learned', 'p'), { seed: 1, models: { p: { type: 'policy', policy } } }));
  }, 60_000);

  it('refuses training seeds that are also evaluation seeds, and a learned policy with neither model nor training seeds', () => {
    expect(() => comparePolicies(smallDayDoc(), { policies: ['learned'], seeds: [1, 2], trainSeeds: [2, 3] })).toThrow('training seeds must differ from evaluation seeds; both have 2');
    expect(() => comparePolicies(smallDayDoc(), { policies: ['learned'], seeds: [1] })).toThrow('the learned policy needs a policy model or training seeds to train one on');
  });
});

describe('an episode', () => {
  it('counts the scaling actions after warm-up, as the other figures are measured', () => {
    const run = createRun(smallDayDoc(), { seed: 4, warmupS: 600, recordSeries: false });
    const scaled: number[] = [];
    while (run.advance({ untilMs: run.now + 600_000 }) === 'running') scaled.push(...run.drain().events.filter((e) => e.type === 'scaled').map((e) => e.tMs));
    scaled.push(...run.drain().events.filter((e) => e.type === 'scaled').map((e) => e.tMs));
    const figures = runEpisode(smallDayDoc(), { seed: 4, warmupS: 600 });
    expect(scaled.filter((t) => t <= 600_000).length).toBeGreaterThan(0);
    expect(figures.scalingActions).toBe(scaled.filter((t) => t > 600_000).length);
    expect(figures.measuredMinutes).toBe(10);
  });
});

describe('scenario changes for a comparison', () => {
  it('compresses diurnal days and scales every rate, leaving the rest of the document alone', () => {
    const doc = smallDayDoc();
    const changed = scaleRates(compressDays(doc, 300), 2);
    expect(changed.nodes['users']!.kind === 'traffic-source' && changed.nodes['users'].rate).toEqual({ type: 'diurnal', baseRps: 10, peakRps: 100, peakHour: 12, periodS: 300 });
    expect(changed.nodes['api']).toBe(doc.nodes['api']);
    expect(changed.scenario).toBe(doc.scenario);
    expect(() => scaleRates(doc, 0)).toThrow('the rate scale must be above 0, not 0');
    expect(() => compressDays(doc, -1)).toThrow('a day must last more than 0 s, not -1');
  });
});
