import { describe, expect, it } from 'vitest';
import { scenarioChaos } from '../../../src-main/docker/bring-up/chaos-scenario.js';
import { planBringUp } from '../../../src-main/docker/bring-up/plan.js';
import { documentOf } from '../files/export-fixtures.js';

const box = (extra: Record<string, unknown> = {}) => ({ kind: 'container', image: 'devsim-test/busybox:latest', command: ['sleep', '600'], ...extra });

function chaosOf(faults: unknown[]) {
  const doc = documentOf({
    metadata: { name: 'lab' },
    groups: { eu: { type: 'region' }, 'eu-a': { type: 'zone', parent: 'eu' } },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 1 } },
      api: box({ replicas: 3 }),
      db: box({ kind: 'container' }),
      edge: box({ group: 'eu-a' }),
    },
    scenario: { durationS: 600, faults },
  } as never);
  return scenarioChaos(doc, planBringUp(doc, 'up-1'));
}

describe('scenarioChaos', () => {
  it('a pod-kill kills `count` replicas of its node at its time', () => {
    const { steps, skipped } = chaosOf([{ type: 'pod-kill', at: 30, target: 'api', count: 2 }]);
    expect(steps).toEqual([
      { atMs: 30_000, action: 'kill', node: 'api', container: 'lab-api-0', from: 'scenario.faults[0] pod-kill' },
      { atMs: 30_000, action: 'kill', node: 'api', container: 'lab-api-1', from: 'scenario.faults[0] pod-kill' },
    ]);
    expect(skipped).toEqual([]);
  });

  it('a pod-failure pauses for its duration; a db-primary-failure kills the first replica', () => {
    const { steps } = chaosOf([
      { type: 'pod-failure', at: 10, target: 'db', durationS: 5 },
      { type: 'db-primary-failure', at: 20, target: 'api' },
    ]);
    expect(steps.map((s) => [s.atMs, s.action, s.container])).toEqual([
      [10_000, 'pause', 'lab-db-0'],
      [15_000, 'unpause', 'lab-db-0'],
      [20_000, 'kill', 'lab-api-0'],
    ]);
  });

  it('a region outage pauses the nodes in the region and its zones', () => {
    const { steps } = chaosOf([{ type: 'region-outage', at: 1, target: 'eu', durationS: 2 }]);
    expect(steps.map((s) => [s.atMs, s.action, s.container])).toEqual([
      [1000, 'pause', 'lab-edge-0'],
      [3000, 'unpause', 'lab-edge-0'],
    ]);
  });

  it('a repeated fault acts at each of its times, the later ones numbered; a repeated traffic fault is skipped once', () => {
    const { steps, skipped } = chaosOf([
      { type: 'pod-kill', at: 10, target: 'api', repeat: { everyS: 100, times: 3 } },
      { type: 'network-loss', at: 1, target: 'api', lossPercent: 5, repeat: { everyS: 10, times: 4 } },
    ]);
    expect(steps.map((s) => [s.atMs, s.action, s.container, s.from])).toEqual([
      [10_000, 'kill', 'lab-api-0', 'scenario.faults[0] pod-kill'],
      [110_000, 'kill', 'lab-api-0', 'scenario.faults[0] pod-kill #2'],
      [210_000, 'kill', 'lab-api-0', 'scenario.faults[0] pod-kill #3'],
    ]);
    expect(skipped).toEqual([{ fault: 'scenario.faults[1] network-loss', reason: expect.stringContaining('simulated only') }]);
  });

  it('faults on traffic or load, and faults on nodes without containers, are skipped with the reason', () => {
    const { steps, skipped } = chaosOf([
      { type: 'network-delay', at: 1, target: 'api', delayMs: 100 },
      { type: 'pod-kill', at: 1, target: 'users' },
    ]);
    expect(steps).toEqual([]);
    expect(skipped).toEqual([
      { fault: 'scenario.faults[0] network-delay', reason: expect.stringContaining('simulated only') },
      { fault: 'scenario.faults[1] pod-kill', reason: expect.stringContaining('"users" has no brought-up container') },
    ]);
  });
});
