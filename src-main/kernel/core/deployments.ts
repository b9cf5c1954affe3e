// Deployments in the scenario, as a Kubernetes Deployment rolls out a new version of a node's
// instances: rolling (maxSurge, maxUnavailable, the controller's arithmetic), recreate (all
// old instances go, then the new ones start), blue-green (a full new set, then a switch) and
// canary (a share of new instances watched for CANARY_HOLD_MS, then rolling). The new version
// may carry a regression (extra error probability, a service-time factor). With autoRollback,
// a new version whose own requests break the scenario's SLO error rate, or whose service takes
// ROLLBACK_LATENCY_FACTOR times the old version's, is rolled back (a rolling update to the
// version before). Every rollout ends with a deployment-finished event that says what it cost:
// the requests the node failed or refused meanwhile, apart from those the regression failed.
import type { Deployment } from '../../../src-preload/contract/topology/index.js';
import { createStream, type RandomStream } from '../engine/random.js';
import { PRIORITY_NORMAL, type EventKind, type Simulator } from '../engine/simulator.js';
import type { InstanceManager } from './instances.js';
import type { NodeMetrics } from './node-metrics.js';
import type { RunEvent } from './records.js';
import { INST_DOWN, INST_READY, INST_STARTING, INST_STOPPING, type Station } from './station.js';

/** How often a rollout is reconciled (Kubernetes' controllers react to pod changes; a second is close). */
export const RECONCILE_MS = 1000;
/** How long canaries serve, once ready, before the rest rolls out. */
export const CANARY_HOLD_MS = 60_000;
/** Requests the new version must have served before it is judged. */
export const ROLLBACK_MIN_REQUESTS = 20;
/** A new version whose mean service time is this many times the old one's is rolled back. */
export const ROLLBACK_LATENCY_FACTOR = 1.5;

export interface DeploymentHost {
  readonly sim: Simulator;
  readonly events: { push(event: RunEvent): void };
  readonly stations: readonly (Station | null)[];
  readonly metrics: readonly NodeMetrics[];
  readonly instances: InstanceManager;
  readonly ids: readonly string[];
  readonly slo?: { latencyP99Ms: number; errorRatePercent: number } | undefined;
}

type Phase = 'rolling' | 'recreate' | 'blue-green' | 'canary';

interface Rollout {
  readonly deployment: Deployment;
  readonly n: number;
  readonly st: Station;
  /** The version being rolled out (index into st.versions), and the one before (a rollback's target). */
  target: number;
  readonly previous: number;
  phase: Phase;
  /** Canaries: how many, and when their watch ends (NaN until they are ready). */
  readonly canaries: number;
  holdUntil: number;
  rolledBack: boolean;
  readonly startedAt: number;
  /** The node's failed and refused requests, and the versions' regression failures, at the start. */
  readonly lostBefore: number;
  readonly regressionBefore: number;
  done: boolean;
}

export class DeploymentController {
  private readonly rng: RandomStream;
  private readonly evBegin: EventKind;
  private readonly evTick: EventKind;
  private readonly rollouts: (Rollout | undefined)[] = [];
  /** The scenario's deployments, then those started during the run (deployNow). */
  private readonly planned: Deployment[];
  private readonly errorRateLimit: number;

  constructor(
    private readonly host: DeploymentHost,
    planned: readonly Deployment[],
    seed: number,
  ) {
    this.planned = [...planned];
    this.rng = createStream(seed, 'deployments');
    this.evBegin = host.sim.register((k) => this.begin(k));
    this.evTick = host.sim.register((k) => this.tick(k));
    this.errorRateLimit = (host.slo?.errorRatePercent ?? 1) / 100;
  }

  start(): void {
    this.planned.forEach((d, k) => this.host.sim.scheduleAt(d.at * 1000, PRIORITY_NORMAL, this.evBegin, k));
  }

  /** A deployment now (its `at` is ignored); throws naming a target without instances. */
  deployNow(d: Deployment): void {
    const n = this.host.ids.indexOf(d.target);
    if (n < 0) throw new Error(`deployment target "${d.target}" is not a node of this run`);
    if (!this.host.stations[n]) throw new Error(`deployment target "${d.target}" has no instances to replace`);
    this.planned.push({ ...d, at: this.host.sim.now / 1000 });
    this.begin(this.planned.length - 1);
  }

  /** Whether a request served by instance `inst` fails on its version's regression (counted per version). Hot path of versioned stations only. */
  failsOnVersion(st: Station, inst: number, serviceMs: number): boolean {
    const version = st.versions[st.gen[inst]!]!;
    const p = st.errs[inst]!;
    if (p > 0 && this.rng.uniform() < p) {
      version.failed++;
      return true;
    }
    version.done++;
    version.serviceMs += serviceMs;
    return false;
  }

  private begin(k: number): void {
    const d = this.planned[k]!;
    const { sim, stations, ids } = this.host;
    const n = ids.indexOf(d.target);
    const st = stations[n]!;
    for (const [j, other] of this.rollouts.entries()) if (other && !other.done && other.n === n) this.finish(j, 'superseded');
    const previous = st.current;
    st.versions.push({ name: d.version, latencyFactor: d.latencyFactor, errorRate: d.errorRate, done: 0, failed: 0, serviceMs: 0 });
    st.current = st.versions.length - 1;
    const phase: Phase = d.strategy;
    const canaries = d.strategy === 'canary' ? Math.max(1, Math.ceil((st.desired * d.canaryPercent) / 100)) : 0;
    const m = this.host.metrics[n]!;
    this.rollouts[k] = {
      deployment: d,
      n,
      st,
      target: st.current,
      previous,
      phase,
      canaries,
      holdUntil: NaN,
      rolledBack: false,
      startedAt: sim.now,
      lostBefore: m.lifetimeErrors + m.lifetimeRejected,
      regressionBefore: regressionFailures(st),
      done: false,
    };
    const how = d.strategy === 'rolling' ? `rolling, maxSurge ${d.maxSurge}, maxUnavailable ${d.maxUnavailable}` : d.strategy === 'canary' ? `canary, ${canaries} first for ${CANARY_HOLD_MS / 1000} s` : d.strategy;
    this.emit('deployment-started', n, `${ids[n]}: deploying ${d.version} over ${st.versions[previous]!.name} (${how})`, 'info', {
      version: d.version,
      from: st.versions[previous]!.name,
      strategy: d.strategy,
    });
    if (d.strategy === 'recreate') for (const i of this.instancesOf(st, st.current, false)) this.host.instances.retire(n, i);
    if (d.strategy === 'canary') for (let c = 0; c < canaries; c++) this.host.instances.launchExtra(n);
    this.tick(k);
  }

  private tick(k: number): void {
    const r = this.rollouts[k];
    if (!r || r.done) return;
    const d = r.deployment;
    if (d.autoRollback && !r.rolledBack) {
      const why = this.regression(r);
      if (why !== null) this.rollBack(r, why);
    }
    if (this.reconcile(r)) return this.finish(k, r.rolledBack ? 'rolled-back' : 'completed');
    this.host.sim.schedule(RECONCILE_MS, PRIORITY_NORMAL, this.evTick, k);
  }

  /** One step toward every instance running the target version; true when there. */
  private reconcile(r: Rollout): boolean {
    const { st, n } = r;
    const { instances, sim } = this.host;
    const want = st.desired;
    const fresh = this.count(st, r.target, true);
    const stale = this.count(st, r.target, false);
    switch (r.phase) {
      case 'recreate':
        // New instances start once the old ones have finished their requests and gone.
        if (stale.live === 0 && stale.stopping === 0) for (let c = fresh.live; c < want; c++) instances.launchExtra(n);
        break;
      case 'blue-green':
        for (let c = fresh.live; c < want; c++) instances.launchExtra(n);
        if (fresh.ready >= want) for (const i of this.instancesOf(st, r.target, false)) instances.retire(n, i);
        break;
      case 'canary':
        if (Number.isNaN(r.holdUntil) && fresh.ready >= Math.min(r.canaries, fresh.live)) r.holdUntil = sim.now + CANARY_HOLD_MS;
        // The watch over, the rest rolls out.
        if (sim.now >= r.holdUntil) {
          r.phase = 'rolling';
          this.rollingStep(r, want);
        }
        break;
      case 'rolling':
        this.rollingStep(r, want);
        break;
    }
    const after = this.count(st, r.target, false);
    const now = this.count(st, r.target, true);
    return after.live === 0 && now.live >= want && now.ready >= want;
  }

  /** The Deployment controller's arithmetic: surge new instances, retire old ones while enough stay available. */
  private rollingStep(r: Rollout, want: number): void {
    const { st, n } = r;
    const d = r.deployment;
    const surge = d.maxSurge === 0 && d.maxUnavailable === 0 ? 1 : d.maxSurge;
    const minAvailable = Math.max(0, want - d.maxUnavailable);
    const fresh = this.count(st, r.target, true);
    const stale = this.count(st, r.target, false);
    let total = fresh.live + stale.live;
    for (let c = fresh.live; c < want && total < want + surge; c++, total++) this.host.instances.launchExtra(n);
    const freshNow = this.count(st, r.target, true);
    let scaleDown = total - minAvailable - (freshNow.live - freshNow.ready);
    // Old instances that serve nothing go first: removing them costs no availability.
    for (const i of this.instancesOf(st, r.target, false)) {
      if (scaleDown <= 0) break;
      if (st.state[i] === INST_READY) continue;
      this.host.instances.retire(n, i);
      scaleDown--;
    }
    for (const i of this.instancesOf(st, r.target, false).sort((a, b) => st.startedAt[a]! - st.startedAt[b]!)) {
      if (scaleDown <= 0) break;
      this.host.instances.retire(n, i);
      scaleDown--;
    }
  }

  /** Why the new version must go, or null while it holds up (its own requests only). */
  private regression(r: Rollout): string | null {
    const fresh = r.st.versions[r.target]!;
    const old = r.st.versions[r.previous]!;
    const seen = fresh.done + fresh.failed;
    if (seen < ROLLBACK_MIN_REQUESTS) return null;
    const errorRate = fresh.failed / seen;
    if (errorRate > this.errorRateLimit) return `its error rate ${(errorRate * 100).toFixed(1)} % is over the SLO's ${(this.errorRateLimit * 100).toFixed(1)} %`;
    if (fresh.done >= ROLLBACK_MIN_REQUESTS && old.done >= ROLLBACK_MIN_REQUESTS) {
      const ratio = fresh.serviceMs / fresh.done / (old.serviceMs / old.done);
      if (ratio > ROLLBACK_LATENCY_FACTOR) return `its service takes ${ratio.toFixed(2)}× as long as ${old.name}'s`;
    }
    return null;
  }

  /** Back to the version before, as `kubectl rollout undo` does: a rolling update the other way. */
  private rollBack(r: Rollout, why: string): void {
    const { st, n } = r;
    const from = st.versions[r.target]!.name;
    r.rolledBack = true;
    r.target = r.previous;
    st.current = r.previous;
    r.phase = 'rolling';
    this.emit('rollback', n, `${this.host.ids[n]}: rolling ${from} back to ${st.versions[r.previous]!.name}: ${why}`, 'warning', { version: from, to: st.versions[r.previous]!.name });
  }

  private finish(k: number, outcome: 'completed' | 'rolled-back' | 'superseded'): void {
    const r = this.rollouts[k]!;
    r.done = true;
    const { st, n, deployment: d } = r;
    const m = this.host.metrics[n]!;
    const regression = regressionFailures(st) - r.regressionBefore;
    const lost = m.lifetimeErrors + m.lifetimeRejected - r.lostBefore - regression;
    const seconds = (this.host.sim.now - r.startedAt) / 1000;
    const what = outcome === 'completed' ? `${d.version} rolled out` : outcome === 'rolled-back' ? `${d.version} rolled back` : `${d.version} superseded by a later deployment`;
    this.emit(
      'deployment-finished',
      n,
      `${this.host.ids[n]}: ${what} in ${seconds.toFixed(0)} s; ${lost} requests failed or refused meanwhile${regression > 0 ? `, ${regression} more failed on the new version's regression` : ''}`,
      outcome === 'completed' && lost === 0 ? 'info' : 'warning',
      { version: d.version, strategy: d.strategy, outcome, durationS: seconds, lostRequests: lost, regressionErrors: regression },
    );
  }

  /** Live instances of version g (`of`) or of any other (`!of`). */
  private instancesOf(st: Station, g: number, of: boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < st.slots; i++) if (isLive(st.state[i]!) && (st.gen[i] === g) === of) out.push(i);
    return out;
  }

  private count(st: Station, g: number, of: boolean): { live: number; ready: number; stopping: number } {
    let live = 0;
    let ready = 0;
    let stopping = 0;
    for (let i = 0; i < st.slots; i++) {
      if ((st.gen[i] === g) !== of) continue;
      const s = st.state[i]!;
      if (s === INST_READY) ready++;
      if (isLive(s)) live++;
      else if (s === INST_STOPPING) stopping++;
    }
    return { live, ready, stopping };
  }

  private emit(type: RunEvent['type'], n: number, message: string, severity: RunEvent['severity'], data: Record<string, number | string>): void {
    this.host.events.push({ tMs: this.host.sim.now, type, target: this.host.ids[n]!, message, severity, data });
  }
}

/** Starting, ready or down: an instance that counts among the replicas (stopping ones are going). */
const isLive = (s: number): boolean => s === INST_STARTING || s === INST_READY || s === INST_DOWN;

function regressionFailures(st: Station): number {
  return st.versions.reduce((sum, v) => sum + v.failed, 0);
}
