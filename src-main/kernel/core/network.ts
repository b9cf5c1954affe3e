// The request flow over a plan: sources create requests; a request visits a node (queue and
// service at a station, an optional overhead at a balancer, nothing at a pass-through),
// then makes the node's calls one after another: each call crosses the link (latencyMs),
// is served downstream (which may call further), and its response crosses back. The
// server is released before the calls, so a station is a plain queue in a Jackson network.
// A rejected or timed-out call fails its caller, and so on up to the source, unless the
// caller retries it (retries with backoff) or the client at the source gave up first (its
// timeout: the request is an error there, and the work downstream goes on). Instances,
// scaling, balancer health checks and faults live in their own files; this one asks them.
import { createStream, type RandomStream } from '../engine/random.js';
import { PRIORITY_NORMAL, PRIORITY_URGENT, type EventKind, type Simulator } from '../engine/simulator.js';
import { Autoscaler } from './autoscaler.js';
import { Balancer } from './balancer.js';
import { DataTier } from './datastore/tier.js';
import { DeploymentController } from './deployments.js';
import { FaultController, NodeFaults } from './faults.js';
import { HealthChecks } from './health.js';
import { InstanceManager } from './instances.js';
import { NodeMetrics } from './node-metrics.js';
import type { Plan } from './plan.js';
import { EventLog } from './records.js';
import { buildLinkTables, buildNodeTables, CHOOSER, DATA, STATION } from './network-tables.js';
import type { RatePoint } from './rate-profile.js';
import type { ScalingModelOptions } from './scaling-setup.js';
import type { TrafficSource } from './source.js';
import type { Station } from './station.js';
import { ABANDONED, CALLING, IN_NODE, SERVING, VisitPool, WAITING } from './visits.js';
import type { Deployment, Fault } from '../../../src-preload/contract/topology/index.js';

/** Calls nested deeper than this fail (a cycle of call links would otherwise never end). */
export const MAX_CALL_DEPTH = 64;

/** The parent of a visit nobody waits for (a Kafka consumption). */
const DETACHED = -2;
/** failed[v] of a source visit whose client gave up (already counted as an error). */
const GAVE_UP = 2;


export interface NetworkOptions {
  seed: number;
  endMs: number;
  warmupMs: number;
  /** Requests in flight (queued or in service anywhere) beyond which the run stops. */
  maxInFlight: number;
  rateSeries?: Readonly<Record<string, readonly RatePoint[]>>;
  /** Models for predictive and learned scaling, and the SLO the learned policy reads (default: no models, the schema's 500 ms). */
  scaling?: ScalingModelOptions;
  /** The scenario's SLO: a deployment whose new version breaks it is rolled back (default: the schema's 500 ms, 1 %). */
  slo?: { latencyP99Ms: number; errorRatePercent: number };
}

export class Network {
  readonly metrics: NodeMetrics[];
  /** What happened during the run (instances, scaling, faults, alerts), for the timeline. */
  readonly events = new EventLog();
  /** Why the run had to stop early; null while within its budgets. */
  stopReason: string | null = null;
  /** The time statistics restarted (end of warm-up). */
  measuredFrom = 0;
  /** PostgreSQL, Redis and Kafka models, with their gauges (replication lag, consumer lag, hit ratio). */
  readonly data: DataTier;
  /** Per node: retries of failed calls it made, since the end of warm-up (and over the whole run). */
  readonly retries: Float64Array;
  readonly lifetimeRetries: Float64Array;
  /** What active faults do to calls into each node. */
  readonly faults: NodeFaults;
  readonly instances: InstanceManager;
  private readonly autoscaler: Autoscaler;
  private readonly health: HealthChecks;
  private readonly faultControl: FaultController;
  private readonly deployments: DeploymentController;
  private readonly faultRng: RandomStream;
  /** Per node: 1 while up, as the health checks last heard (−1 before the start). */
  private readonly lastUp: Int8Array;
  private readonly retryMax: Int32Array;
  private readonly retryBackoff: Float64Array;
  private readonly retryFactor: Float64Array;
  /** Per node: the timer lane of its client timeout (sources) or its request timeout (stations); −1: none. */
  private readonly timeoutLane: Int32Array;
  /** Per node: connections a load balancer holds at most (Infinity: no limit). */
  private readonly maxConnections: Float64Array;

  private readonly pool = new VisitPool();
  private readonly behavior: Uint8Array;
  private readonly stations: (Station | null)[];
  private readonly sources: (TrafficSource | null)[];
  private readonly callRng: RandomStream[];
  private readonly balancers: (Balancer | null)[];
  private readonly overheadMs: Float64Array;
  private readonly outStart: Int32Array;
  private readonly outEnd: Int32Array;
  private readonly outLinks: Int32Array;
  private readonly linkTo: Int32Array;
  private readonly linkP: Float64Array;
  private readonly linkFan: Int32Array;
  private readonly linkLatency: Float64Array;
  private readonly linkMask: (Uint8Array | null)[];
  private readonly outstanding: Int32Array;

  private readonly evSource: EventKind;
  private readonly evArrive: EventKind;
  private readonly evDepart: EventKind;
  private readonly evTimeout: EventKind;
  private readonly evReturn: EventKind;
  private readonly evForwarded: EventKind;
  private readonly evClientTimeout: EventKind;
  private readonly evRetry: EventKind;
  private readonly evWarmup: EventKind;

  constructor(
    private readonly sim: Simulator,
    readonly plan: Plan,
    private readonly options: NetworkOptions,
  ) {
    const { nodes, links } = plan;
    const n = nodes.length;
    this.metrics = nodes.map((node) => new NodeMetrics(Math.max(1, plan.classes.length), node.behavior.type === 'source'));
    const tables = buildNodeTables(plan, options);
    this.behavior = tables.behavior;
    this.overheadMs = tables.overheadMs;
    this.stations = tables.stations;
    this.sources = tables.sources;
    this.callRng = tables.callRng;
    const l = buildLinkTables(plan);
    this.outStart = l.outStart;
    this.outEnd = l.outEnd;
    this.outLinks = l.outLinks;
    this.linkTo = l.linkTo;
    this.linkP = l.linkP;
    this.linkFan = l.linkFan;
    this.linkLatency = l.linkLatency;
    this.linkMask = l.linkMask;
    this.outstanding = new Int32Array(links.length);
    const weights = l.weights;
    this.retries = new Float64Array(n);
    this.lifetimeRetries = new Float64Array(n);
    this.retryMax = Int32Array.from(nodes, (node) => (node.behavior.type === 'station' ? node.behavior.retries.max : 0));
    this.retryBackoff = Float64Array.from(nodes, (node) => (node.behavior.type === 'station' ? node.behavior.retries.backoffMs : 0));
    this.retryFactor = Float64Array.from(nodes, (node) => (node.behavior.type === 'station' ? node.behavior.retries.multiplier : 1));
    this.maxConnections = Float64Array.from(nodes, (node) => (node.behavior.type === 'chooser' ? node.behavior.maxConnections : Infinity));
    this.faults = new NodeFaults(n, links.length);
    this.faultRng = createStream(options.seed, 'faults/network');
    this.lastUp = new Int8Array(n).fill(-1);
    this.health = new HealthChecks(sim, plan, (i) => this.isUp(i));
    this.balancers = nodes.map((node, i) =>
      node.behavior.type === 'chooser'
        ? new Balancer(node.behavior.algorithm, Int32Array.from(node.out), weights, this.linkMask, this.outstanding, this.callRng[i]!, this.health.rotation)
        : null,
    );
    this.instances = new InstanceManager(
      {
        sim,
        events: this.events,
        failInstanceWork: (i, inst) => this.failWork(i, inst),
        serveQueued: (i) => this.startNext(this.stations[i]!, this.metrics[i]!),
        nodeChanged: (i) => this.nodeChanged(i),
      },
      this.stations,
      nodes.map((node) => node.id),
    );
    this.autoscaler = new Autoscaler(sim, plan, this.stations, this.metrics, this.instances, this.events, options.scaling ?? { sloLatencyMs: 500 });

    this.data = new DataTier(plan, options.seed, {
      sim,
      pool: this.pool,
      metrics: this.metrics,
      events: this.events,
      proceed: (v) => this.beginCalls(v),
      fail: (v) => {
        this.pool.failed[v] = 1;
        this.finish(v);
      },
      dispatch: (to, cls, latencyMs) => this.dispatchDetached(to, cls, latencyMs),
    });

    this.evSource = sim.register((i) => this.onSource(i));
    this.evArrive = sim.register((v) => this.arrive(v));
    this.evDepart = sim.register((v) => this.onDepart(v));
    this.evTimeout = sim.register((v) => this.onTimeout(v));
    this.evReturn = sim.register((v) => this.continueCalls(v));
    this.evForwarded = sim.register((v) => this.onForwarded(v));
    this.evClientTimeout = sim.register((v) => this.onClientTimeout(v));
    // Every request of a node waits the same time, so its timers expire in order: a lane each.
    this.timeoutLane = Int32Array.from(nodes, (node, i) => {
      const b = node.behavior;
      if (b.type === 'source' && b.timeoutMs < Infinity) return sim.createLane(this.evClientTimeout, b.timeoutMs);
      const st = this.stations[i];
      return st !== null && st !== undefined && st.timeoutMs < Infinity ? sim.createLane(this.evTimeout, st.timeoutMs) : -1;
    });
    this.evRetry = sim.register((v) => this.onRetry(v));
    this.evWarmup = sim.register(() => this.resetStatistics());
    this.faultControl = new FaultController(
      {
        sim,
        plan,
        events: this.events,
        faults: this.faults,
        instances: this.instances,
        stations: this.stations,
        cut: (i, delta) => this.cut(i, delta),
        failPrimary: (i) => this.data.failPrimary(i),
        flushCache: (i) => this.data.flushCache(i),
      },
      options.seed,
    );
    this.deployments = new DeploymentController(
      { sim, events: this.events, stations: this.stations, metrics: this.metrics, instances: this.instances, ids: nodes.map((node) => node.id), slo: options.slo },
      plan.deployments,
      options.seed,
    );
  }

  /** Schedules the first arrivals, start-ups and the end of warm-up. */
  start(): void {
    const now = this.sim.now;
    this.instances.start(
      this.plan.nodes.map((node) => (node.behavior.type === 'station' ? node.behavior.replicas : 0)),
      this.plan.coldStart,
    );
    this.metrics.forEach((m, i) => {
      m.replicas.set(now, this.replicaCount(i));
      m.up.set(now, this.isUp(i) ? 1 : 0);
      this.lastUp[i] = this.isUp(i) ? 1 : 0;
    });
    this.health.start();
    this.autoscaler.start();
    this.faultControl.start();
    this.deployments.start();
    this.sources.forEach((s, i) => {
      const t = s?.next(now, this.options.endMs) ?? Infinity;
      if (t < Infinity) this.sim.scheduleAt(t, PRIORITY_NORMAL, this.evSource, i);
    });
    if (this.options.warmupMs > 0) this.sim.schedule(this.options.warmupMs, PRIORITY_URGENT, this.evWarmup);
  }

  /** Instances of node i not deleted: starting, ready, or down for a while (a traffic source has none; a node without instances runs one). */
  replicaCount(i: number): number {
    const st = this.stations[i];
    if (st !== null && st !== undefined) return st.replicas;
    return this.plan.nodes[i]!.behavior.type === 'source' ? 0 : 1;
  }

  /** Instances of node i that serve. */
  readyReplicaCount(i: number): number {
    const st = this.stations[i];
    return st !== null && st !== undefined ? st.ready : this.replicaCount(i);
  }

  /** Whether node i can serve a request now: a ready instance, and no fault cuts it off. */
  isUp(i: number): boolean {
    if (this.plan.nodes[i]!.behavior.type === 'source') return true;
    return this.faults.cut[i] === 0 && this.readyReplicaCount(i) > 0;
  }

  /** A fault now (Run.inject): the same effect as a planned one at this time. */
  inject(fault: Fault): void {
    this.faultControl.inject(fault);
  }

  /** Calls `observer` for each fault that begins, with the time it ends (Infinity: never). */
  observeFaults(observer: (fault: Fault, injected: boolean, startMs: number, endMs: number) => void): void {
    this.faultControl.observer = observer;
  }

  /** A deployment now (Run.deploy): the same rollout as a planned one at this time. */
  deploy(deployment: Deployment): void {
    this.deployments.deployNow(deployment);
  }

  /** Requests one instance of node i serves at once (Infinity for nodes without servers). */
  concurrency(i: number): number {
    const b = this.plan.nodes[i]!.behavior;
    return b.type === 'station' ? b.concurrency : Infinity;
  }

  /** Requests in flight now (all visits, including ones waiting for downstream calls). */
  get inFlight(): number {
    return this.pool.live;
  }

  private resetStatistics(): void {
    const t = this.sim.now;
    this.measuredFrom = t;
    for (const m of this.metrics) m.reset(t);
    this.retries.fill(0);
  }

  private onSource(i: number): void {
    const source = this.sources[i]!;
    const sim = this.sim;
    const next = source.next(sim.now, this.options.endMs);
    if (next < Infinity) sim.scheduleAt(next, PRIORITY_NORMAL, this.evSource, i);
    const p = this.pool;
    const v = this.allocVisit();
    p.node[v] = i;
    p.parent[v] = -1;
    p.link[v] = -1;
    p.cls[v] = source.pickClass();
    p.depth[v] = 0;
    p.failed[v] = 0;
    p.timer[v] = -1;
    p.tArrive[v] = sim.now;
    this.metrics[i]!.arrived(p.cls[v]!);
    const lane = this.timeoutLane[i]!;
    if (lane >= 0) p.timer[v] = sim.startTimer(lane, v);
    this.beginCalls(v);
  }

  /** The client gives up: an error at the source now; the request's work downstream goes on. */
  private onClientTimeout(v: number): void {
    const p = this.pool;
    p.timer[v] = -1;
    p.failed[v] = GAVE_UP;
    this.metrics[p.node[v]!]!.failed(p.cls[v]!);
  }

  private allocVisit(): number {
    const v = this.pool.alloc();
    this.pool.state[v] = 0;
    this.pool.cacheHit[v] = 0;
    if (this.pool.live > this.options.maxInFlight && this.stopReason === null) {
      this.stopReason = `more than ${this.options.maxInFlight} requests in flight at ${(this.sim.now / 1000).toFixed(3)} s (queues growing without bound?)`;
      this.sim.stop();
    }
    return v;
  }

  /** A visit reaches its node. */
  private arrive(v: number): void {
    const p = this.pool;
    const n = p.node[v]!;
    const m = this.metrics[n]!;
    const now = this.sim.now;
    if (this.faults.active[n] === 1 && this.lostOrCut(v, n, m)) return;
    m.arrived(p.cls[v]!);
    p.tArrive[v] = now;
    const b = this.behavior[n]!;
    if (b === STATION) {
      const st = this.stations[n]!;
      if (st.free > 0) {
        this.startTimer(st, v);
        this.startService(st, v, m);
      } else if (st.accepting && st.queued < st.capacity) {
        this.startTimer(st, v);
        st.queue.push(v);
        st.queued++;
        m.queue.add(now, 1);
        p.state[v] = WAITING;
      } else {
        m.refused(p.cls[v]!);
        p.failed[v] = 1;
        this.finish(v);
      }
      return;
    }
    if (b === DATA) {
      this.data.arrive(v, n);
      return;
    }
    if (b === CHOOSER && this.maxConnections[n]! < Infinity && this.connections(n) >= this.maxConnections[n]!) {
      m.refused(p.cls[v]!);
      p.failed[v] = 1;
      this.finish(v);
      return;
    }
    if (b === CHOOSER && this.overheadMs[n]! > 0) {
      p.state[v] = IN_NODE;
      m.busy.add(now, 1);
      this.sim.schedule(this.overheadMs[n]!, PRIORITY_NORMAL, this.evForwarded, v);
      return;
    }
    m.completed(p.cls[v]!, 0);
    this.beginCalls(v);
  }

  /** A partition or network loss drops the call before it arrives; a node cut off refuses it. True when the call failed. */
  private lostOrCut(v: number, n: number, m: NodeMetrics): boolean {
    const p = this.pool;
    const f = this.faults;
    const k = p.link[v]!;
    if ((k >= 0 && f.blocked[k]! > 0) || (f.loss[n]! > 0 && this.faultRng.uniform() < f.loss[n]!)) {
      p.failed[v] = 1;
      this.finish(v);
      return true;
    }
    if (f.cut[n]! > 0) {
      m.arrived(p.cls[v]!);
      m.refused(p.cls[v]!);
      p.tArrive[v] = this.sim.now;
      p.failed[v] = 1;
      this.finish(v);
      return true;
    }
    return false;
  }

  /** Requests a balancer holds now: in its own overhead, or waiting on the target it forwarded them to. */
  private connections(n: number): number {
    let open = this.metrics[n]!.busy.value;
    for (let i = this.outStart[n]!; i < this.outEnd[n]!; i++) open += this.outstanding[this.outLinks[i]!]!;
    return open;
  }

  private startTimer(st: Station, v: number): void {
    if (st.timeoutMs < Infinity) this.pool.timer[v] = this.sim.startTimer(this.timeoutLane[this.pool.node[v]!]!, v);
  }

  private startService(st: Station, v: number, m: NodeMetrics): void {
    const p = this.pool;
    const sim = this.sim;
    const inst = st.take();
    p.inst[v] = inst;
    m.busy.add(sim.now, 1);
    p.state[v] = SERVING;
    p.tStart[v] = sim.now;
    // slow: a deployed version's latency regression (1, exactly, otherwise).
    p.work[v] = sim.schedule(st.service[p.cls[v]!]!() * st.slow[inst]!, PRIORITY_NORMAL, this.evDepart, v);
  }

  private onDepart(v: number): void {
    const p = this.pool;
    const sim = this.sim;
    const n = p.node[v]!;
    const st = this.stations[n]!;
    const m = this.metrics[n]!;
    if (p.timer[v]! >= 0) {
      sim.cancel(p.timer[v]!);
      p.timer[v] = -1;
    }
    m.busy.add(sim.now, -1);
    if (st.versioned && this.deployments.failsOnVersion(st, p.inst[v]!, sim.now - p.tStart[v]!)) {
      // The instance's version has an error regression: this request fails there.
      m.failed(p.cls[v]!);
      p.failed[v] = 1;
      this.releaseServer(st, n, p.inst[v]!);
      this.startNext(st, m);
      this.finish(v);
      return;
    }
    m.completed(p.cls[v]!, sim.now - p.tArrive[v]!);
    m.waitSum += p.tStart[v]! - p.tArrive[v]!;
    this.releaseServer(st, n, p.inst[v]!);
    this.startNext(st, m);
    this.beginCalls(v);
  }

  /** A request left instance `inst`; a stopping instance with nothing left goes. */
  private releaseServer(st: Station, n: number, inst: number): void {
    if (st.release(inst)) this.instances.drained(n, inst);
  }

  private startNext(st: Station, m: NodeMetrics): void {
    const p = this.pool;
    while (st.free > 0) {
      const w = st.queue.shift();
      if (w < 0) return;
      if (p.state[w] === ABANDONED) {
        p.release(w);
        continue;
      }
      st.queued--;
      m.queue.add(this.sim.now, -1);
      this.startService(st, w, m);
    }
  }

  private onTimeout(v: number): void {
    const p = this.pool;
    const n = p.node[v]!;
    const st = this.stations[n]!;
    const m = this.metrics[n]!;
    const now = this.sim.now;
    p.timer[v] = -1;
    m.failed(p.cls[v]!);
    p.failed[v] = 1;
    if (p.state[v] === WAITING) {
      // Leaves the count now and the ring when it reaches the front.
      st.queued--;
      m.queue.add(now, -1);
      p.state[v] = ABANDONED;
    } else {
      // In service: the work is abandoned and the server freed.
      this.sim.cancel(p.work[v]!);
      m.busy.add(now, -1);
      this.releaseServer(st, n, p.inst[v]!);
      this.startNext(st, m);
    }
    this.finish(v);
  }

  /**
   * Fails the requests in service on instance `inst` of station n (it died), or with inst −1
   * every request queued or in service there (the node was cut off). Rare: a scan of the pool.
   */
  private failWork(n: number, inst: number): void {
    const p = this.pool;
    const st = this.stations[n]!;
    const m = this.metrics[n]!;
    const now = this.sim.now;
    const size = p.size;
    for (let v = 0; v < size; v++) {
      if (p.node[v] !== n) continue;
      const state = p.state[v];
      if (state === SERVING && (inst < 0 || p.inst[v] === inst)) {
        this.sim.cancel(p.work[v]!);
        m.busy.add(now, -1);
        this.releaseServer(st, n, p.inst[v]!);
      } else if (state === WAITING && inst < 0) {
        st.queued--;
        m.queue.add(now, -1);
        p.state[v] = ABANDONED;
      } else continue;
      if (p.timer[v]! >= 0) this.sim.cancel(p.timer[v]!);
      p.timer[v] = -1;
      m.failed(p.cls[v]!);
      p.failed[v] = 1;
      this.finish(v);
    }
  }

  /** A fault cuts node n off (delta 1) or one such fault ends (−1). */
  private cut(n: number, delta: number): void {
    const f = this.faults;
    f.cut[n]! += delta;
    f.refresh(n);
    if (delta > 0 && f.cut[n] === 1 && this.stations[n] !== null) this.failWork(n, -1);
    this.nodeChanged(n);
  }

  /** Replicas or readiness of node n changed: time averages, and the balancers' next health check. */
  private nodeChanged(n: number): void {
    const now = this.sim.now;
    const m = this.metrics[n]!;
    const st = this.stations[n];
    if (st !== null && st !== undefined) st.readyOverTime.set(now, st.ready);
    m.replicas.set(now, this.replicaCount(n));
    const up = this.isUp(n) ? 1 : 0;
    m.up.set(now, up);
    if (this.lastUp[n] !== -1 && this.lastUp[n] !== up) this.health.changed(n);
    if (this.lastUp[n] !== -1) this.lastUp[n] = up;
  }

  private onForwarded(v: number): void {
    const p = this.pool;
    const m = this.metrics[p.node[v]!]!;
    m.busy.add(this.sim.now, -1);
    m.completed(p.cls[v]!, this.sim.now - p.tArrive[v]!);
    this.beginCalls(v);
  }

  /** The node's own work is done: make its calls. */
  private beginCalls(v: number): void {
    const p = this.pool;
    const n = p.node[v]!;
    p.state[v] = CALLING;
    p.fanLeft[v] = 0;
    if (this.behavior[n] === CHOOSER) {
      p.nextLink[v] = this.outEnd[n]!;
      const k = this.balancers[n]!.choose(p.cls[v]!);
      p.attempt[v] = 0;
      if (k >= 0) this.call(v, k);
      else this.finish(v);
      return;
    }
    p.nextLink[v] = this.outStart[n]!;
    this.continueCalls(v);
  }

  /** The next call of a visit, or its response when none is left. */
  private continueCalls(v: number): void {
    const p = this.pool;
    if (p.failed[v] !== 0) {
      this.finish(v);
      return;
    }
    p.attempt[v] = 0;
    if (p.fanLeft[v]! > 0) {
      p.fanLeft[v]!--;
      this.call(v, this.outLinks[p.nextLink[v]! - 1]!);
      return;
    }
    const n = p.node[v]!;
    const cls = p.cls[v]!;
    const end = this.outEnd[n]!;
    for (let i = p.nextLink[v]!; i < end; i++) {
      const k = this.outLinks[i]!;
      const mask = this.linkMask[k];
      if (mask !== null && mask !== undefined && mask[cls] !== 1) continue;
      if (p.cacheHit[v] === 1 && this.data.dbLink[k] === 1) continue;
      const prob = this.linkP[k]!;
      if (prob < 1 && this.callRng[n]!.uniform() >= prob) continue;
      p.nextLink[v] = i + 1;
      p.fanLeft[v] = this.linkFan[k]! - 1;
      this.call(v, k);
      return;
    }
    p.nextLink[v] = end;
    this.finish(v);
  }

  private call(parent: number, k: number): void {
    const p = this.pool;
    if (p.depth[parent]! >= MAX_CALL_DEPTH) {
      this.metrics[p.node[parent]!]!.failed(p.cls[parent]!);
      p.failed[parent] = 1;
      this.finish(parent);
      return;
    }
    const v = this.allocVisit();
    p.node[v] = this.linkTo[k]!;
    p.parent[v] = parent;
    p.link[v] = k;
    p.cls[v] = p.cls[parent]!;
    p.depth[v] = p.depth[parent]! + 1;
    p.failed[v] = 0;
    p.timer[v] = -1;
    this.outstanding[k]!++;
    let latency = this.linkLatency[k]!;
    const to = p.node[v]!;
    if (this.faults.active[to] === 1) {
      const f = this.faults;
      if (f.delayMs[to]! > 0) latency = Math.max(0, latency + f.delayMs[to]! + f.jitterMs[to]! * (2 * this.faultRng.uniform() - 1));
      if (f.bandwidth[to]! > 0) latency += f.transfer(to, this.sim.now);
    }
    if (latency > 0) this.sim.schedule(latency, PRIORITY_NORMAL, this.evArrive, v);
    else this.arrive(v);
  }

  /** The backoff of a failed call is over: the same call again. */
  private onRetry(v: number): void {
    const p = this.pool;
    if (p.failed[v] !== 0) {
      this.finish(v);
      return;
    }
    this.call(v, p.retryLink[v]!);
  }

  /** A request nobody waits for (a Kafka consumption) reaches node `to` after `latencyMs`, through the event queue. */
  private dispatchDetached(to: number, cls: number, latencyMs: number): number {
    const p = this.pool;
    const v = this.allocVisit();
    p.node[v] = to;
    p.parent[v] = DETACHED;
    p.link[v] = -1;
    p.cls[v] = cls;
    p.depth[v] = 0;
    p.failed[v] = 0;
    p.timer[v] = -1;
    this.sim.schedule(latencyMs, PRIORITY_NORMAL, this.evArrive, v);
    return v;
  }

  /** The visit responds to its caller (or, at a source, the request ends). */
  private finish(v: number): void {
    const p = this.pool;
    const n = p.node[v]!;
    const m = this.metrics[n]!;
    const now = this.sim.now;
    const parent = p.parent[v]!;
    const failed = p.failed[v] === 1;
    if (parent === DETACHED) {
      this.data.detachedDone(v, failed);
      if (p.state[v] !== ABANDONED) p.release(v);
      return;
    }
    if (parent < 0) {
      if (p.timer[v]! >= 0) {
        this.sim.cancel(p.timer[v]!);
        p.timer[v] = -1;
      }
      // A client that gave up was counted then.
      if (p.failed[v] === GAVE_UP) {
        /* counted at the timeout */
      } else if (failed) m.failed(p.cls[v]!);
      else m.completed(p.cls[v]!, now - p.tArrive[v]!);
      p.release(v);
      return;
    }
    const k = p.link[v]!;
    this.outstanding[k]!--;
    if (p.state[v] !== ABANDONED) p.release(v);
    if (!failed) m.response.record(now - p.tArrive[v]!);
    else if (this.retryLater(parent, k)) return;
    else if (p.failed[parent] === 0) p.failed[parent] = 1;
    const latency = this.linkLatency[k]!;
    if (latency > 0) this.sim.schedule(latency, PRIORITY_NORMAL, this.evReturn, parent);
    else this.continueCalls(parent);
  }

  /** A failed call from a node with retries left: try again after the response crosses back and the backoff. */
  private retryLater(parent: number, k: number): boolean {
    const p = this.pool;
    const n = p.node[parent]!;
    const max = this.retryMax[n]!;
    if (max === 0 || p.attempt[parent]! >= max || p.failed[parent] !== 0) return false;
    const attempt = ++p.attempt[parent]!;
    p.retryLink[parent] = k;
    this.retries[n]!++;
    this.lifetimeRetries[n]!++;
    const backoff = this.retryBackoff[n]! * this.retryFactor[n]! ** (attempt - 1);
    this.sim.schedule(this.linkLatency[k]! + backoff, PRIORITY_NORMAL, this.evRetry, parent);
    return true;
  }
}
