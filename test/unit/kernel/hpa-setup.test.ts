// The adapter from the topology document's `scaling` block, and the CPU readiness rule the
// engine uses to tell the controller which pods are not yet ready.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scalingSchema } from '../../../src-preload/contract/index.js';
import { loadDocument } from '../../../src-main/documents/load-document.js';
import { cpuSampleSetAside, hpaFromScaling, hpaSync, initialHpaState, runningPodState, type HpaPod } from '../../../src-main/kernel/autoscaling/index.js';

describe('hpaFromScaling', () => {
  it('maps every hpa block of the templates, keeping Kubernetes defaults for the rest', () => {
    let seen = 0;
    for (const name of ['production', 'three-tier']) {
      const text = readFileSync(resolve(import.meta.dirname, `../../../resources/templates/${name}.devsim.yaml`), 'utf8');
      const { document, findings } = loadDocument(text, name);
      if (!document) throw new Error(JSON.stringify(findings));
      for (const node of Object.values(document.nodes)) {
        if (!('scaling' in node) || node.scaling.policy !== 'hpa') continue;
        const s = node.scaling;
        const { config, syncPeriodMs } = hpaFromScaling(s);
        expect(config).toMatchObject({ minReplicas: s.minReplicas, maxReplicas: s.maxReplicas });
        expect(config.metrics).toEqual([{ type: 'Resource', name: 'cpu', target: { type: 'Utilization', averageUtilization: s.targetCpuPercent } }]);
        expect(config.behavior.scaleDown).toMatchObject({ stabilizationWindowSeconds: 300, tolerance: 0.1, selectPolicy: 'Max' });
        expect(config.behavior.scaleUp.policies).toEqual([{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }]);
        expect(syncPeriodMs).toBe(15_000);
        seen++;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  it('carries tolerance, sync period and scale-down window through', () => {
    const s = scalingSchema.parse({ policy: 'hpa', minReplicas: 2, maxReplicas: 8, targetCpuPercent: 60, tolerance: 0.2, syncPeriodS: 30, scaleDownStabilizationS: 120 });
    if (s.policy !== 'hpa') throw new Error('expected hpa');
    const { config, syncPeriodMs } = hpaFromScaling(s);
    expect(syncPeriodMs).toBe(30_000);
    expect(config.behavior.scaleDown.stabilizationWindowSeconds).toBe(120);
    expect(config.behavior.scaleUp.tolerance).toBe(0.2);
    // 4 pods at 72 % of a 60 % target: ratio 1.2, within 0.2 → no change.
    const pods: HpaPod[] = Array.from({ length: 4 }, () => ({ state: 'ready', values: { cpu: 720 }, requests: { cpu: 1000 } }));
    expect(hpaSync(config, initialHpaState, { nowMs: 0, currentReplicas: 4, pods }).replicas).toBe(4);
  });
});

describe('CPU readiness (groupPods)', () => {
  const facts = { nowMs: 60_000, startedAtMs: 0, sampleWindowMs: 30_000 };
  it('sets aside a pod without a Ready condition or start time', () => {
    expect(cpuSampleSetAside({ ...facts, ready: undefined, sampleAtMs: 55_000 })).toBe(true);
    expect(cpuSampleSetAside({ ...facts, startedAtMs: undefined, ready: { status: true, lastTransitionAtMs: 1 }, sampleAtMs: 55_000 })).toBe(true);
  });

  it('within the CPU initialization period: unready, or no full sample window since ready', () => {
    const ready = { status: true, lastTransitionAtMs: 20_000 };
    expect(cpuSampleSetAside({ ...facts, ready, sampleAtMs: 49_999 })).toBe(true);
    expect(cpuSampleSetAside({ ...facts, ready, sampleAtMs: 50_000 })).toBe(false);
    expect(cpuSampleSetAside({ ...facts, ready: { status: false, lastTransitionAtMs: 20_000 }, sampleAtMs: 55_000 })).toBe(true);
    expect(runningPodState({ ...facts, ready, sampleAtMs: 50_000 })).toBe('ready');
  });

  it('after the period: only a pod that never became ready is set aside', () => {
    const later = { ...facts, nowMs: 400_000, sampleAtMs: 390_000 };
    expect(cpuSampleSetAside({ ...later, ready: { status: false, lastTransitionAtMs: 10_000 } })).toBe(true);
    expect(cpuSampleSetAside({ ...later, ready: { status: false, lastTransitionAtMs: 200_000 } })).toBe(false);
    expect(cpuSampleSetAside({ ...later, ready: { status: true, lastTransitionAtMs: 10_000 } })).toBe(false);
  });
});
