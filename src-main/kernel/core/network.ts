// The request flow over a plan: sources create requests; a request visits a node (queue and
// service at a station, an optional overhead at a balancer, nothing at a pass-through),
// then makes the node's calls one after another: each call crosses the link (latencyMs),
// is served downstream (which may call further), and its response crosses back. The
// server is released before the calls, so a station is a plain queue in a Jackson network.
// A rejected or timed-out call fails its caller, and so on up to the source.
import { createSampler } from '../engine/distributions.js';
import { createStream, type RandomStream } from '../engine/random.js';
import { PRIORITY_NORMAL, PRIORITY_URGENT, type EventKind, type Simulator } from '../engine/simulator.js';
import { Balancer } from './balancer.js';
import { DataTier } from './datastore/tier.js';
import { NodeMetrics } from './node-metrics.js';
import type { Plan } from './plan.js';
import { EventLog } from './records.js';
import { compileRate, type RatePoint } from './rate-profile.js';
import { TrafficSource } from './source.js';
import { Station } from './station.js';
import { ABANDONED, CALLING, IN_NODE, SERVING, VisitPool, WAITING } from './visits.js';

/** Calls nested deeper than this fail (a cycle of call links would otherwise never end). */
export const MAX_CALL_DEPTH = 64;

const SOURCE = 0;
const STATION = 1;
const CHOOSER = 2;
const PASS = 3;
/** PostgreSQL, Redis, Kafka: the data tier's models take the visit. */
const DATA = 4;
/** The parent of a visit nobody waits for (a Kafka consumption). */
const DETACHED = -2;


export interface NetworkOptions {
  seed: number;
  endMs: number;
  warmupMs: number;
  /** Requests in flight (queued or in service anywhere) beyond which the run stops. */
  maxInFlight: number;
  rateSeries?: Readonly<Record<string, readonly RatePoint[]>>;
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
  private readonly evReady: EventKind;
  private readonly evWarmup: EventKind;

  constructor(
    private readonly sim: Simulator,
    readonly plan: Plan,
    private readonly options: NetworkOptions,
  ) {
    const { nodes, links } = plan;
    const n = nodes.length;
    this.metrics = nodes.map((node) => new NodeMetrics(Math.max(1, plan.classes.length), node.behavior.type === 'source'));
    this.behavior = new Uint8Array(n);
    this.overheadMs = new Float64Array(n);
    this.stations = [];
    this.sources = [];
    this.callRng = nodes.map((node) => createStream(options.seed, `${node.id}/calls`));
    nodes.forEach((node, i) => {
      const b = node.behavior;
      let station: Station | null = null;
      let source: TrafficSource | null = null;
      switch (b.type) {
        case 'source':
          this.behavior[i] = SOURCE;
          source = new TrafficSource(
            compileRate(b.rate, options.rateSeries?.[node.id]),
            b.poisson,
            b.classWeights,
            createStream(options.seed, `${node.id}/arrivals`),
            createStream(options.seed, `${node.id}/classes`),
          );
          break;
        case 'station': {
          this.behavior[i] = STATION;
          const rng = createStream(options.seed, `${node.id}/service`);
          station = new Station(b.servers, b.queueCapacity, b.timeoutMs, b.startupMs, b.serviceTime.map((d) => createSampler(d, rng)));
          break;
        }
        case 'chooser':
          this.behavior[i] = CHOOSER;
          this.overheadMs[i] = b.overheadMs;
          break;
        case 'pass':
          this.behavior[i] = PASS;
          break;
        case 'postgres':
        case 'cache':
        case 'broker':
          this.behavior[i] = DATA;
          break;
      }
      this.stations.push(station);
      this.sources.push(source);
    });
    this.outStart = new Int32Array(n);
    this.outEnd = new Int32Array(n);
    const flat: number[] = [];
    nodes.forEach((node, i) => {
      this.outStart[i] = flat.length;
      flat.push(...node.out);
      this.outEnd[i] = flat.length;
    });
    this.outLinks = Int32Array.from(flat);
    this.linkTo = Int32Array.from(links, (l) => l.to);
    this.linkP = Float64Array.from(links, (l) => l.probability);
    this.linkFan = Int32Array.from(links, (l) => l.fanOut);
    this.linkLatency = Float64Array.from(links, (l) => l.latencyMs);
    this.linkMask = links.map((l) => l.classMask);
    this.outstanding = new Int32Array(links.length);
    const weights = Float64Array.from(links, (l) => l.weight);
    this.balancers = nodes.map((node, i) =>
      node.behavior.type === 'chooser' ? new Balancer(node.behavior.algorithm, Int32Array.from(node.out), weights, this.linkMask, this.outstanding, this.callRng[i]!) : null,
    );

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
    this.evReady = sim.register((i) => this.onReady(i));
    this.evWarmup = sim.register(() => this.resetStatistics());
  }

  /** Schedules the first arrivals, start-ups and the end of warm-up. */
  start(): void {
    const now = this.sim.now;
    this.metrics.forEach((m, i) => {
      m.replicas.set(now, this.replicaCount(i));
      m.up.set(now, this.isUp(i) ? 1 : 0);
    });
    this.sources.forEach((s, i) => {
      const t = s?.next(now, this.options.endMs) ?? Infinity;
      if (t < Infinity) this.sim.scheduleAt(t, PRIORITY_NORMAL, this.evSource, i);
    });
    this.stations.forEach((s, i) => {
      if (s !== null && !s.ready) this.sim.schedule(s.startupMs, PRIORITY_NORMAL, this.evReady, i);
    });
    if (this.options.warmupMs > 0) this.sim.schedule(this.options.warmupMs, PRIORITY_URGENT, this.evWarmup);
    this.data.start();
  }

  // Thin accessors for monitoring (K3); K1 replaces their internals with the instance model.
  /** Instances of node i, starting ones included (a traffic source has none; a node without a model runs one). */
  replicaCount(i: number): number {
    const b = this.plan.nodes[i]!.behavior;
    return b.type === 'station' ? b.servers / b.concurrency : b.type === 'source' ? 0 : 1;
  }

  /** Instances of node i that serve. */
  readyReplicaCount(i: number): number {
    const st = this.stations[i];
    return st === null || st === undefined || st.ready ? this.replicaCount(i) : 0;
  }

  /** Whether node i can serve a request now. */
  isUp(i: number): boolean {
    return this.plan.nodes[i]!.behavior.type === 'source' || this.readyReplicaCount(i) > 0;
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
    this.beginCalls(v);
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
    m.arrived(p.cls[v]!);
    p.tArrive[v] = now;
    const b = this.behavior[n]!;
    if (b === STATION) {
      const st = this.stations[n]!;
      if (st.servers > 0 && st.ready && st.busy < st.servers) {
        this.startTimer(st, v);
        this.startService(st, v, m);
      } else if (st.servers > 0 && st.queued < st.capacity) {
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
    if (b === CHOOSER && this.overheadMs[n]! > 0) {
      p.state[v] = IN_NODE;
      m.busy.add(now, 1);
      this.sim.schedule(this.overheadMs[n]!, PRIORITY_NORMAL, this.evForwarded, v);
      return;
    }
    m.completed(p.cls[v]!, 0);
    this.beginCalls(v);
  }

  private startTimer(st: Station, v: number): void {
    if (st.timeoutMs < Infinity) this.pool.timer[v] = this.sim.schedule(st.timeoutMs, PRIORITY_NORMAL, this.evTimeout, v);
  }

  private startService(st: Station, v: number, m: NodeMetrics): void {
    const p = this.pool;
    const sim = this.sim;
    st.busy++;
    m.busy.add(sim.now, 1);
    p.state[v] = SERVING;
    p.tStart[v] = sim.now;
    p.work[v] = sim.schedule(st.service[p.cls[v]!]!(), PRIORITY_NORMAL, this.evDepart, v);
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
    st.busy--;
    m.busy.add(sim.now, -1);
    m.completed(p.cls[v]!, sim.now - p.tArrive[v]!);
    m.waitSum += p.tStart[v]! - p.tArrive[v]!;
    this.startNext(st, m);
    this.beginCalls(v);
  }

  private startNext(st: Station, m: NodeMetrics): void {
    const p = this.pool;
    while (st.ready && st.busy < st.servers) {
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
      st.busy--;
      m.busy.add(now, -1);
      this.startNext(st, m);
    }
    this.finish(v);
  }

  private onForwarded(v: number): void {
    const p = this.pool;
    const m = this.metrics[p.node[v]!]!;
    m.busy.add(this.sim.now, -1);
    m.completed(p.cls[v]!, this.sim.now - p.tArrive[v]!);
    this.beginCalls(v);
  }

  private onReady(i: number): void {
    const st = this.stations[i]!;
    st.ready = true;
    this.metrics[i]!.up.set(this.sim.now, this.isUp(i) ? 1 : 0);
    this.startNext(st, this.metrics[i]!);
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
    if (p.failed[v] === 1) {
      this.finish(v);
      return;
    }
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
    const latency = this.linkLatency[k]!;
    if (latency > 0) this.sim.schedule(latency, PRIORITY_NORMAL, this.evArrive, v);
    else this.arrive(v);
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
      if (failed) m.failed(p.cls[v]!);
      else m.completed(p.cls[v]!, now - p.tArrive[v]!);
      p.release(v);
      return;
    }
    if (!failed) m.response.record(now - p.tArrive[v]!);
    else p.failed[parent] = 1;
    const k = p.link[v]!;
    this.outstanding[k]!--;
    if (p.state[v] !== ABANDONED) p.release(v);
    const latency = this.linkLatency[k]!;
    if (latency > 0) this.sim.schedule(latency, PRIORITY_NORMAL, this.evReturn, parent);
    else this.continueCalls(parent);
  }
}
