// Deployments in the scenario, replayed from the run's own events: a rolling update keeps its
// surge and availability bounds and loses nothing; recreate stops everything first and loses
// requests while the new version starts; blue-green doubles then switches; a canary whose new
// version fails its requests is rolled back; a slower version is rolled back on latency; and
// without autoRollback a regression stays and its errors are counted apart from lost requests.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import { buildPlan } from '../../../src-main/kernel/core/plan.js';
import { createRun } from '../../../src-main/kernel/index.js';
import type { TopologyInput } from '../../../src-preload/contract/index.js';
import { topology } from './helpers/documents.js';

const DEPLOY_AT_S = 60;
type DeploymentInput = NonNullable<NonNullable<TopologyInput['scenario']>['deployments']>[number];

/** 100 requests/s into 4 replicas of 10 ms (a quarter busy), each ready 10 s after it starts; a queue of 10. */
function doc(deployment: Partial<DeploymentInput>) {
  return topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'constant', rps: 100 } },
      api: { kind: 'container', replicas: 4, startupS: 10, queueCapacity: 10, serviceTime: { default: { type: 'constant', valueMs: 10 } } },
    },
    [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }],
    { durationS: 300, deployments: [{ at: DEPLOY_AT_S, target: 'api', version: 'v2', ...deployment }] },
  );
}

function run(deployment: Partial<DeploymentInput>): RunEvent[] {
  expect(buildPlan(doc(deployment)).warnings.filter((w) => w.includes('deployment'))).toEqual([]);
  const r = createRun(doc(deployment), { seed: 7, seriesIntervalS: 10 });
  const out: RunEvent[] = [];
  while (r.advance({ untilMs: r.now + 30_000 }) === 'running') out.push(...r.drain().events);
  out.push(...r.drain().events);
  return out;
}

/** Instances over time from the instance events: live (starting or ready) and ready, after each event. */
function replay(log: RunEvent[]): { tMs: number; live: number; ready: number }[] {
  const state = new Map<number, 'starting' | 'ready'>();
  for (let i = 0; i < 4; i++) state.set(i, 'ready'); // the document's replicas, running at time 0
  const out: { tMs: number; live: number; ready: number }[] = [];
  for (const e of log) {
    if (e.target !== 'api') continue;
    const i = e.data?.['instance'] as number | undefined;
    if (i === undefined) continue;
    if (e.type === 'instance-started') state.set(i, 'starting');
    else if (e.type === 'instance-ready') state.set(i, 'ready');
    else if (e.type === 'instance-stopped' || e.type === 'instance-killed') state.delete(i);
    else continue;
    out.push({ tMs: e.tMs, live: state.size, ready: [...state.values()].filter((s) => s === 'ready').length });
  }
  return out;
}

const finished = (log: RunEvent[]) => log.filter((e) => e.type === 'deployment-finished');

describe('deployments', () => {
  it('rolling (maxSurge 1, maxUnavailable 0): never more than 5 instances nor fewer than 4 ready, and no request lost', () => {
    const log = run({ strategy: 'rolling', maxSurge: 1, maxUnavailable: 0 });
    expect(log.find((e) => e.type === 'deployment-started')).toMatchObject({ tMs: DEPLOY_AT_S * 1000, target: 'api', data: { version: 'v2', from: 'v1', strategy: 'rolling' } });
    const steps = replay(log);
    expect(Math.max(...steps.map((s) => s.live))).toBe(5);
    // A ready instance is retired (it finishes its requests, then stops) only while another new one is ready.
    expect(Math.min(...steps.map((s) => s.ready))).toBeGreaterThanOrEqual(4);
    // Four new instances, one at a time: each 10 s to start.
    expect(steps.filter((s) => s.tMs >= DEPLOY_AT_S * 1000).length).toBeGreaterThanOrEqual(12);
    const [done] = finished(log);
    expect(done).toMatchObject({ severity: 'info', data: { version: 'v2', strategy: 'rolling', outcome: 'completed', lostRequests: 0, regressionErrors: 0 } });
    expect(done!.data!['durationS']).toBeGreaterThanOrEqual(40);
    expect(done!.data!['durationS']).toBeLessThanOrEqual(50);
    expect(steps.at(-1)).toMatchObject({ live: 4, ready: 4 });
  });

  it('rolling with maxSurge 2, maxUnavailable 1 goes faster, down to 3 ready', () => {
    const log = run({ strategy: 'rolling', maxSurge: 2, maxUnavailable: 1 });
    const steps = replay(log);
    expect(Math.max(...steps.map((s) => s.live))).toBeLessThanOrEqual(6);
    expect(Math.min(...steps.map((s) => s.ready))).toBe(3);
    expect(finished(log)[0]!.data!['durationS']).toBeLessThanOrEqual(25);
  });

  it('recreate stops every old instance first: requests are refused while the new version starts', () => {
    const log = run({ strategy: 'recreate' });
    const steps = replay(log);
    expect(steps.some((s) => s.tMs > DEPLOY_AT_S * 1000 && s.ready === 0)).toBe(true);
    const [done] = finished(log);
    expect(done).toMatchObject({ severity: 'warning', data: { outcome: 'completed', strategy: 'recreate' } });
    // About 10 s at 100 requests/s with nowhere to wait beyond a queue of 10.
    expect(done!.data!['lostRequests']).toBeGreaterThan(800);
    expect(done!.data!['lostRequests']).toBeLessThan(1300);
    expect(done!.message).toMatch(/^api: v2 rolled out in \d+ s; \d+ requests failed or refused meanwhile$/);
  });

  it('blue-green starts a full new set beside the old one, then switches at once, losing nothing', () => {
    const log = run({ strategy: 'blue-green' });
    const steps = replay(log);
    expect(Math.max(...steps.map((s) => s.live))).toBe(8);
    expect(Math.min(...steps.map((s) => s.ready))).toBeGreaterThanOrEqual(4);
    expect(finished(log)[0]).toMatchObject({ data: { outcome: 'completed', lostRequests: 0 } });
  });

  it('a canary whose version fails half its requests is rolled back before the rest rolls out', () => {
    const log = run({ strategy: 'canary', canaryPercent: 25, errorRate: 0.5, autoRollback: true });
    const rollback = log.find((e) => e.type === 'rollback');
    expect(rollback).toMatchObject({ target: 'api', severity: 'warning', data: { version: 'v2', to: 'v1' } });
    expect(rollback!.message).toMatch(/^api: rolling v2 back to v1: its error rate \d+\.\d % is over the SLO's 1\.0 %$/);
    // One canary: about a quarter of the traffic for the few seconds it takes to see 20 of its requests.
    expect(rollback!.tMs).toBeLessThan((DEPLOY_AT_S + 10 + 5) * 1000);
    expect(Math.max(...replay(log).map((s) => s.live))).toBe(5);
    const [done] = finished(log);
    expect(done).toMatchObject({ data: { outcome: 'rolled-back', lostRequests: 0 } });
    expect(done!.data!['regressionErrors']).toBeGreaterThan(0);
    expect(replay(log).at(-1)).toMatchObject({ live: 4, ready: 4 });
  });

  it('a version three times slower is rolled back on its service time', () => {
    const log = run({ strategy: 'rolling', latencyFactor: 3, autoRollback: true });
    expect(log.find((e) => e.type === 'rollback')!.message).toMatch(/its service takes 3\.00× as long as v1's$/);
    expect(finished(log)[0]).toMatchObject({ data: { outcome: 'rolled-back' } });
  });

  it('without autoRollback a regression stays: its failures are counted apart from the requests the rollout lost', () => {
    const log = run({ strategy: 'rolling', errorRate: 0.2, autoRollback: false });
    expect(log.some((e) => e.type === 'rollback')).toBe(false);
    const [done] = finished(log);
    expect(done).toMatchObject({ data: { outcome: 'completed', lostRequests: 0 } });
    expect(done!.data!['regressionErrors']).toBeGreaterThan(0);
    expect(done!.message).toMatch(/more failed on the new version's regression$/);
  });

  it('says when a deployment names a node without instances', () => {
    const d = topology(
      { src: { kind: 'traffic-source', rate: { type: 'constant', rps: 1 } }, api: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 1 } } } },
      [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }],
      { durationS: 10, deployments: [{ at: 1, target: 'src', version: 'v2' }] },
    );
    expect(buildPlan(d).warnings).toContain('deployment of v2 at 1 s: "src" has no instances to replace; it is not simulated');
  });
});
