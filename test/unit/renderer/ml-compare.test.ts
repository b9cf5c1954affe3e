// The ML lab's autoscaling comparison: its settings are checked before a worker starts, the
// worker's replies are parsed, and the bars are the report's means (replica-seconds as hours).
import { describe, expect, it } from 'vitest';
import { compareOption } from '../../../src-renderer/src/features/ml/compare-option.js';
import { compareReplySchema, compareSettingsSchema } from '../../../src-renderer/src/ml/compare-protocol.js';

const settings = { policies: ['hpa', 'learned'], seeds: 2, trainSeeds: 1, durationS: 600, warmupS: 300, dayS: 0, rateScale: 1, iterations: 2, population: 4 };
const figure = (mean: number) => ({ mean, ci95: null, stdDev: null, n: 1 });
const report = {
  autoscaledNodes: ['api'],
  seeds: [1],
  trainSeeds: [1001],
  changes: [],
  policies: [
    { policy: 'hpa', model: 'Kubernetes HPA', figures: { sloViolationMinutes: figure(3), p99LatencyMs: figure(420), cost: figure(0.5), replicaSeconds: figure(7200), scalingActions: figure(4) } },
    { policy: 'learned', model: 'trained here', figures: { sloViolationMinutes: figure(1), p99LatencyMs: figure(300), cost: figure(0.6), replicaSeconds: figure(10_800), scalingActions: figure(2) } },
  ],
};

describe('autoscaling comparison in the ML lab', () => {
  it('refuses settings that cannot run, naming the field', () => {
    expect(compareSettingsSchema.safeParse(settings).success).toBe(true);
    const late = compareSettingsSchema.safeParse({ ...settings, warmupS: 600 });
    expect(late.success).toBe(false);
    expect(late.error!.issues[0]!.path).toEqual(['warmupS']);
    expect(compareSettingsSchema.safeParse({ ...settings, policies: [] }).success).toBe(false);
    expect(compareSettingsSchema.safeParse({ ...settings, policies: ['vpa'] }).success).toBe(false);
    expect(compareSettingsSchema.safeParse({ ...settings, seeds: 0 }).success).toBe(false);
  });

  it('parses the worker replies and refuses a malformed one', () => {
    expect(compareReplySchema.parse({ type: 'done', report, wallMs: 12 }).type).toBe('done');
    expect(compareReplySchema.parse({ type: 'progress', message: 'training' })).toEqual({ type: 'progress', message: 'training' });
    expect(compareReplySchema.safeParse({ type: 'done', report: { ...report, policies: 'none' }, wallMs: 1 }).success).toBe(false);
    expect(compareReplySchema.safeParse({ type: 'shout' }).success).toBe(false);
  });

  it('draws a bar panel per figure with each policy’s mean, replica-seconds as hours', () => {
    const parsed = compareReplySchema.parse({ type: 'done', report, wallMs: 1 });
    if (parsed.type !== 'done') throw new Error('unreachable');
    const option = compareOption(parsed.report) as { series: { id: string; data: number[] }[]; xAxis: { data: string[] }[] };
    expect(option.xAxis[0]!.data).toEqual(['hpa', 'learned']);
    expect(Object.fromEntries(option.series.map((s) => [s.id, s.data]))).toEqual({
      sloViolationMinutes: [3, 1],
      p99LatencyMs: [420, 300],
      cost: [0.5, 0.6],
      replicaSeconds: [2, 3],
      scalingActions: [4, 2],
    });
  });
});
