// Scaling in runs: manual replicas stay; the HPA scales a station out under load and back in
// after the scale-down stabilisation window, with 'scaled' and instance events; learned
// without a policy runs as the HPA and says so (predictive*.test.ts and learned*.test.ts
// cover those policies).
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import { createRun } from '../../../src-main/kernel/index.js';
import { topology } from './helpers/documents.js';

const SPIKE_AT_S = 60;
const SPIKE_S = 300;

type ScalingInput = { policy: 'manual' } | { policy: 'hpa' | 'predictive' | 'learned'; minReplicas: number; maxReplicas: number; targetCpuPercent: number; syncPeriodS: number; scaleDownStabilizationS: number };

function spikeDoc(scaling: ScalingInput) {
  return topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'spike', baseRps: 20, spikeRps: 300, atS: SPIKE_AT_S, durationS: SPIKE_S } },
      // One instance serves 100/s; at 300/s the HPA (target 50 %) needs about 6.
      api: { kind: 'container', replicas: 1, startupS: 5, queueCapacity: 2000, serviceTime: { default: { type: 'exponential', meanMs: 10 } }, scaling },
    },
    [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }],
    { coldStart: true },
  );
}

function runEvents(doc: ReturnType<typeof spikeDoc>, durationS: number): { events: RunEvent[]; warnings: string[] } {
  const r = createRun(doc, { durationS, seed: 7, recordSeries: false });
  const events: RunEvent[] = [];
  while (r.advance({ untilMs: r.now + 60_000 }) === 'running') events.push(...r.drain().events);
  events.push(...r.drain().events);
  expect(r.state).toBe('done');
  return { events, warnings: r.summary().warnings };
}

const hpa = { policy: 'hpa' as const, minReplicas: 1, maxReplicas: 10, targetCpuPercent: 50, syncPeriodS: 15, scaleDownStabilizationS: 60 };

describe('HPA in a run', () => {
  it('scales out under the spike and back in only after the stabilisation window', () => {
    const { events } = runEvents(spikeDoc(hpa), 600);
    const scaled = events.filter((e) => e.type === 'scaled');
    const ups = scaled.filter((e) => (e.data!.to as number) > (e.data!.from as number));
    const downs = scaled.filter((e) => (e.data!.to as number) < (e.data!.from as number));
    // Out during the spike, at sync times, up to what 300/s needs at 50 % (6) or a little more.
    expect(ups.length).toBeGreaterThanOrEqual(2);
    expect(ups[0]!.tMs).toBeGreaterThan(SPIKE_AT_S * 1000);
    expect(ups.every((e) => e.tMs % 15_000 === 0)).toBe(true);
    const peak = Math.max(...scaled.map((e) => e.data!.to as number));
    expect(peak).toBeGreaterThanOrEqual(5);
    expect(peak).toBeLessThanOrEqual(10);
    // No scale-in while the spike lasts; the first one waits for the 60 s window after the load fell.
    const spikeEndMs = (SPIKE_AT_S + SPIKE_S) * 1000;
    expect(downs.length).toBeGreaterThanOrEqual(1);
    expect(downs[0]!.tMs).toBeGreaterThanOrEqual(spikeEndMs + 45_000);
    expect(downs[0]!.tMs).toBeLessThanOrEqual(spikeEndMs + 90_000);
    expect(scaled.at(-1)!.data!.to).toBeLessThanOrEqual(2);
    // Each instance added starts, then is ready after the start-up time; the removed ones stop.
    const started = events.filter((e) => e.type === 'instance-started' && e.tMs > 0);
    const ready = events.filter((e) => e.type === 'instance-ready' && e.tMs > 5000);
    // The first instance's cold start, at time 0.
    expect(events.filter((e) => e.tMs <= 5000).map((e) => e.type)).toEqual(['instance-started', 'instance-ready']);
    const added = ups.reduce((sum, e) => sum + (e.data!.to as number) - (e.data!.from as number), 0);
    expect(started).toHaveLength(added);
    expect(ready).toHaveLength(added);
    expect(ready[0]!.tMs - started[0]!.tMs).toBe(5000);
    const removed = downs.reduce((sum, e) => sum + (e.data!.from as number) - (e.data!.to as number), 0);
    expect(events.filter((e) => e.type === 'instance-stopped')).toHaveLength(removed);
  });

  it('is deterministic: the same seed gives the same scaling', () => {
    const a = runEvents(spikeDoc(hpa), 450).events.filter((e) => e.type === 'scaled');
    const b = runEvents(spikeDoc(hpa), 450).events.filter((e) => e.type === 'scaled');
    expect(a).toEqual(b);
  });

  it('manual scaling keeps the replicas, overload or not', () => {
    const { events } = runEvents(spikeDoc({ policy: 'manual' }), 200);
    expect(events.filter((e) => e.type === 'scaled' || (e.type === 'instance-started' && e.tMs > 0))).toHaveLength(0);
  });

  it('learned without a policy model runs as the HPA, with a warning that says so', () => {
    const { events, warnings } = runEvents(spikeDoc({ ...hpa, policy: 'learned' }), 200);
    expect(events.some((e) => e.type === 'scaled' && e.data!.source === 'reactive')).toBe(true);
    expect(warnings.join('\n')).toMatch(/api: learned scaling has no policy model; the Kubernetes HPA scales it/);
    expect(events.find((e) => e.type === 'scaling-policy')!.message).toBe('api: learned scaling has no policy model; the Kubernetes HPA scales it instead');
  });
});
