// The instances (replicas) of every station as Kubernetes runs pods: a new one starts and is
// ready after the station's start-up time; scaling in removes starting ones first, then the
// newest ready ones, which finish their requests before they go (graceful); a killed one
// fails its requests and, as a ReplicaSet would, gets a replacement that starts afresh; a
// failed one (pod-failure) serves nothing for a while and then starts again.
import type { RandomStream } from '../engine/random.js';
import { PRIORITY_NORMAL, type EventKind, type Simulator } from '../engine/simulator.js';
import type { RunEvent } from './records.js';
import { INST_DOWN, INST_FREE, INST_READY, INST_STARTING, INST_STOPPING, type Station } from './station.js';

/** What the instance model needs from the request flow. */
export interface InstanceHost {
  readonly sim: Simulator;
  readonly events: { push(event: RunEvent): void };
  /** Fails every request in service on instance `inst` of station `n`. */
  failInstanceWork(n: number, inst: number): void;
  /** Servers came free or were added at station `n`: start waiting requests. */
  serveQueued(n: number): void;
  /** Replicas or readiness of node `n` changed (metrics, health checks). */
  nodeChanged(n: number): void;
}

export class InstanceManager {
  private readonly evReady: EventKind;
  private readonly evRecover: EventKind;
  private readonly count: number;

  constructor(
    private readonly host: InstanceHost,
    private readonly stations: readonly (Station | null)[],
    private readonly ids: readonly string[],
  ) {
    this.count = stations.length;
    this.evReady = host.sim.register((x) => this.onReady(x % this.count, Math.floor(x / this.count)));
    this.evRecover = host.sim.register((x) => this.onRecover(x % this.count, Math.floor(x / this.count)));
  }

  /**
   * The document's replicas at time 0: ready at once (quietly), or on a cold start started now
   * and ready after the node's start-up time (with events). Replicas added later always start cold.
   */
  start(replicas: readonly number[], cold: boolean): void {
    const now = this.host.sim.now;
    this.stations.forEach((st, n) => {
      if (st === null) return;
      st.desired = replicas[n]!;
      for (let k = 0; k < st.desired; k++) {
        if (cold) this.launch(st, n, now, st.startupMs > 0);
        else st.makeReady(st.addInstance(now), now);
      }
      this.host.nodeChanged(n);
    });
  }

  /**
   * Sets the replicas asked for and starts or removes the difference (outside a rollout the
   * instances number `desired`; during one, the rollout's surge stays). New ones run the current
   * version; removal takes other versions' first.
   */
  scaleTo(n: number, replicas: number): void {
    const st = this.stations[n]!;
    const now = this.host.sim.now;
    const delta = replicas - st.desired;
    st.desired = replicas;
    for (let k = 0; k < delta; k++) this.launch(st, n, now, true);
    for (let k = 0; k > delta && st.replicas > 0; k--) this.removeOne(st, n);
    this.host.nodeChanged(n);
  }

  /** One more instance of the current version, beyond `desired` (a rollout's surge). */
  launchExtra(n: number): void {
    this.launch(this.stations[n]!, n, this.host.sim.now, true);
    this.host.nodeChanged(n);
  }

  /** Removes instance i: at once when not ready, gracefully (finishing its requests) when ready. */
  retire(n: number, i: number): void {
    const st = this.stations[n]!;
    const now = this.host.sim.now;
    if (st.state[i] === INST_READY) {
      st.setState(i, INST_STOPPING);
      if (st.instBusy[i] === 0) {
        st.setState(i, INST_FREE);
        this.emit(now, 'instance-stopped', n, `${this.ids[n]}: instance ${i} stopped`, 'info', { instance: i });
      }
    } else if (st.state[i] === INST_STARTING || st.state[i] === INST_DOWN) {
      this.cancelPending(st, i);
      st.setState(i, INST_FREE);
      this.emit(now, 'instance-stopped', n, `${this.ids[n]}: instance ${i} stopped before it was ready`, 'info', { instance: i });
    }
    this.host.nodeChanged(n);
  }

  /** pod-kill: `count` instances chosen at random die now; their requests in service fail; replacements start. `reason`: why, when not a pod-kill (OOMKilled). */
  kill(n: number, count: number, rng: RandomStream, reason?: string): number {
    const st = this.stations[n]!;
    const now = this.host.sim.now;
    const victims = this.pick(st, count, rng, (s) => s === INST_STARTING || s === INST_READY || s === INST_DOWN);
    for (const i of victims) {
      this.cancelPending(st, i);
      st.setState(i, INST_DOWN); // takes no new work while its requests fail
      this.host.failInstanceWork(n, i);
      st.setState(i, INST_FREE);
      this.emit(now, 'instance-killed', n, `${this.ids[n]}: instance ${i} killed${reason ? ` (${reason})` : ''}`, 'warning', reason ? { instance: i, reason } : { instance: i });
    }
    while (st.replicas < st.desired) this.launch(st, n, now, true);
    this.host.nodeChanged(n);
    return victims.length;
  }

  /** pod-failure: `count` instances stop serving (their requests fail) and start again after `durationMs` (Infinity: never). */
  fail(n: number, count: number, durationMs: number, rng: RandomStream): number {
    const st = this.stations[n]!;
    const now = this.host.sim.now;
    const victims = this.pick(st, count, rng, (s) => s === INST_STARTING || s === INST_READY);
    for (const i of victims) {
      this.cancelPending(st, i);
      st.setState(i, INST_DOWN);
      this.host.failInstanceWork(n, i);
      this.emit(now, 'instance-killed', n, `${this.ids[n]}: instance ${i} failed`, 'warning', { instance: i, fault: 'pod-failure' });
      if (durationMs < Infinity) st.pending[i] = this.host.sim.schedule(durationMs, PRIORITY_NORMAL, this.evRecover, i * this.count + n);
    }
    this.host.nodeChanged(n);
    return victims.length;
  }

  /** A stopping instance finished its last request: it goes. */
  drained(n: number, i: number): void {
    const st = this.stations[n]!;
    st.setState(i, INST_FREE);
    this.emit(this.host.sim.now, 'instance-stopped', n, `${this.ids[n]}: instance ${i} stopped after finishing its requests`, 'info', { instance: i });
    this.host.nodeChanged(n);
  }

  private launch(st: Station, n: number, now: number, announce: boolean): void {
    const i = st.addInstance(now);
    if (announce) this.emit(now, 'instance-started', n, `${this.ids[n]}: instance ${i} starting`, 'info', { instance: i });
    if (st.startupMs === 0) st.makeReady(i, now);
    else st.pending[i] = this.host.sim.schedule(st.startupMs, PRIORITY_NORMAL, this.evReady, i * this.count + n);
  }

  private onReady(n: number, i: number): void {
    const st = this.stations[n]!;
    const now = this.host.sim.now;
    st.pending[i] = -1;
    st.makeReady(i, now);
    this.emit(now, 'instance-ready', n, `${this.ids[n]}: instance ${i} ready after ${(st.startupMs / 1000).toFixed(1)} s`, 'info', { instance: i });
    this.host.serveQueued(n);
    this.host.nodeChanged(n);
  }

  private onRecover(n: number, i: number): void {
    const st = this.stations[n]!;
    const now = this.host.sim.now;
    st.pending[i] = -1;
    st.setState(i, INST_STARTING);
    st.startedAt[i] = now;
    this.emit(now, 'instance-started', n, `${this.ids[n]}: instance ${i} restarting after its failure`, 'info', { instance: i });
    if (st.startupMs === 0) this.onReady(n, i);
    else {
      st.pending[i] = this.host.sim.schedule(st.startupMs, PRIORITY_NORMAL, this.evReady, i * this.count + n);
      this.host.nodeChanged(n);
    }
  }

  /** As a ReplicaSet picks pods to delete: another version's first, then starting before failed before ready, newest first. */
  private removeOne(st: Station, n: number): void {
    const older = st.versioned ? (i: number) => st.gen[i] !== st.current : undefined;
    for (const pick of older ? [older, undefined] : [undefined]) {
      for (const s of [INST_STARTING, INST_DOWN, INST_READY]) {
        const i = st.newest(s, pick);
        if (i < 0) continue;
        this.retire(n, i);
        return;
      }
    }
  }

  private pick(st: Station, count: number, rng: RandomStream, eligible: (state: number) => boolean): number[] {
    const pool: number[] = [];
    for (let i = 0; i < st.slots; i++) if (eligible(st.state[i]!)) pool.push(i);
    const out: number[] = [];
    while (out.length < count && pool.length > 0) {
      const j = Math.floor(rng.uniform() * pool.length);
      out.push(pool[j]!);
      pool[j] = pool[pool.length - 1]!;
      pool.pop();
    }
    return out;
  }

  private cancelPending(st: Station, i: number): void {
    if (st.pending[i]! >= 0) this.host.sim.cancel(st.pending[i]!);
    st.pending[i] = -1;
  }

  private emit(tMs: number, type: RunEvent['type'], n: number, message: string, severity: RunEvent['severity'], data: Record<string, number | string>): void {
    this.host.events.push({ tMs, type, target: this.ids[n]!, message, severity, data });
  }
}
