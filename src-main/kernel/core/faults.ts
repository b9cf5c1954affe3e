// Faults in Chaos Mesh's vocabulary, planned in the scenario or injected while the run goes:
// pod-kill and pod-failure act on a station's instances (instances.ts); network-delay and
// network-loss on calls into a node; network-bandwidth makes calls into it queue for its link;
// network-partition on the call links between the target and
// the rest (or the `from` side); region-outage (and pod-failure of a node without
// instances) cuts nodes off; db-primary-failure and cache-flush belong to the data tier, which
// schedules the planned ones itself. A group target hits every node in the group.
import { faultOccurrences, type Fault } from '../../../src-preload/contract/topology/index.js';
import { createStream, type RandomStream } from '../engine/random.js';
import { PRIORITY_NORMAL, type EventKind, type Simulator } from '../engine/simulator.js';
import { faultTargets, SIMULATED_FAULTS } from './fault-targets.js';
import type { InstanceManager } from './instances.js';
import type { Plan } from './plan.js';
import { BASE_MEMORY_SHARE } from './monitoring/resources.js';
import type { RunEvent } from './records.js';
import type { Station } from './station.js';

/** A bandwidth fault's link into a node: its rate and what each call moves. */
export interface LinkLimit {
  bytesPerMs: number;
  payloadBytes: number;
}

/** Per node: what faults do to calls into it now (read on the hot path). */
export class NodeFaults {
  /** 1 while any fault below is active on the node (one check on the hot path). */
  readonly active: Uint8Array;
  /** Cut-off faults in force (region outage, failure of a node without instances). */
  readonly cut: Int32Array;
  readonly loss: Float64Array;
  readonly lossCount: Int32Array;
  readonly delayMs: Float64Array;
  readonly jitterMs: Float64Array;
  readonly delayCount: Int32Array;
  /** Per link id: partitions cutting it (a call on it fails). */
  readonly blocked: Int32Array;
  /** Per node: partitions cutting links into it. */
  readonly partitionCount: Int32Array;
  /** Per node: the CPU share (0–1, summed) and MiB per instance that stress faults take (metrics and service; not the request path). */
  readonly cpuLoad: Float64Array;
  readonly memoryMiB: Float64Array;
  /** Per node: the bandwidth of the link into it (bytes per ms; 0: not limited), what a call moves (bytes), and when it is next free (ms). */
  readonly bandwidth: Float64Array;
  readonly payloadBytes: Float64Array;
  readonly linkFreeAt: Float64Array;
  /** Per node: the bandwidth faults in force; the tightest one limits the link. */
  private readonly shaping: LinkLimit[][];

  constructor(n: number, links: number) {
    this.active = new Uint8Array(n);
    this.cut = new Int32Array(n);
    this.loss = new Float64Array(n);
    this.lossCount = new Int32Array(n);
    this.delayMs = new Float64Array(n);
    this.jitterMs = new Float64Array(n);
    this.delayCount = new Int32Array(n);
    this.blocked = new Int32Array(links);
    this.partitionCount = new Int32Array(n);
    this.cpuLoad = new Float64Array(n);
    this.memoryMiB = new Float64Array(n);
    this.bandwidth = new Float64Array(n);
    this.payloadBytes = new Float64Array(n);
    this.linkFreeAt = new Float64Array(n);
    this.shaping = Array.from({ length: n }, () => []);
  }

  /** A bandwidth fault on node n begins (+) or ends (−). */
  shape(n: number, limit: LinkLimit, begins: boolean): void {
    const list = this.shaping[n]!;
    if (begins) list.push(limit);
    else list.splice(list.indexOf(limit), 1);
    const tightest = list.reduce<LinkLimit | null>((a, b) => (a === null || b.bytesPerMs < a.bytesPerMs ? b : a), null);
    this.bandwidth[n] = tightest?.bytesPerMs ?? 0;
    this.payloadBytes[n] = tightest?.payloadBytes ?? 0;
    this.refresh(n);
  }

  /**
   * The ms a call into node n waits for and spends on its link, now: the link carries one call
   * at a time, first come first served, so calls queue behind each other (tc's token bucket
   * without drops: TCP resends, so a full link delays rather than fails).
   */
  transfer(n: number, now: number): number {
    const done = Math.max(now, this.linkFreeAt[n]!) + this.payloadBytes[n]! / this.bandwidth[n]!;
    this.linkFreeAt[n] = done;
    return done - now;
  }

  refresh(n: number): void {
    if (this.lossCount[n] === 0) this.loss[n] = 0;
    if (this.delayCount[n] === 0) {
      this.delayMs[n] = 0;
      this.jitterMs[n] = 0;
    }
    this.active[n] = this.cut[n]! > 0 || this.lossCount[n]! > 0 || this.delayCount[n]! > 0 || this.partitionCount[n]! > 0 || this.bandwidth[n]! > 0 ? 1 : 0;
  }
}

/** What the faults need from the network. */
export interface FaultHost {
  readonly sim: Simulator;
  readonly plan: Plan;
  readonly events: { push(event: RunEvent): void };
  readonly faults: NodeFaults;
  readonly instances: InstanceManager;
  readonly stations: readonly (Station | null)[];
  /** Node `n` is cut off (delta +1) or one cut ends (−1). */
  cut(n: number, delta: number): void;
  /** The data tier's hooks for faults injected during the run. */
  failPrimary(n: number): void;
  flushCache(n: number): void;
}

interface ActiveFault {
  fault: Fault;
  nodes: number[];
  /** Call links a partition cuts. */
  links: number[];
  /** A bandwidth fault's limit (the same object on each node, to take it off again). */
  limit?: LinkLimit;
}

export class FaultController {
  private readonly rng: RandomStream;
  private readonly evBegin: EventKind;
  private readonly evEnd: EventKind;
  private readonly planned: Fault[];
  private readonly running: ActiveFault[] = [];
  /** Told of each fault that begins, and until when it acts (chaos experiments' steady-state checks). */
  observer: ((fault: Fault, injected: boolean, startMs: number, endMs: number) => void) | null = null;

  constructor(
    private readonly host: FaultHost,
    seed: number,
  ) {
    this.rng = createStream(seed, 'faults');
    // Unsupported types are plan warnings; a repeated fault is planned once per occurrence.
    this.planned = host.plan.faults.filter((f) => SIMULATED_FAULTS.has(f.type)).flatMap(faultOccurrences);
    this.evBegin = host.sim.register((j) => this.begin(this.planned[j]!, false));
    this.evEnd = host.sim.register((j) => this.end(j));
  }

  start(): void {
    this.planned.forEach((f, j) => this.host.sim.scheduleAt(Math.max(f.at * 1000, this.host.sim.now), PRIORITY_NORMAL, this.evBegin, j));
  }

  /** A fault now, whatever its `at` (Run.inject). */
  inject(fault: Fault): void {
    if (!SIMULATED_FAULTS.has(fault.type)) throw new Error(`${fault.type} faults are not simulated yet`);
    if (faultTargets(this.host.plan, fault.target).length === 0) throw new Error(`fault ${fault.type}: "${fault.target}" is neither a node nor a group with nodes`);
    this.begin(fault, true);
  }

  private begin(fault: Fault, injected: boolean): void {
    const h = this.host;
    const now = h.sim.now;
    const nodes = faultTargets(h.plan, fault.target);
    if (nodes.length === 0) return;
    const durationMs = 'durationS' in fault && fault.durationS !== undefined ? fault.durationS * 1000 : Infinity;
    const f = h.faults;
    const stations = nodes.filter((n) => h.plan.nodes[n]!.behavior.type === 'station');
    let detail = '';
    let links: number[] = [];
    let limit: ActiveFault['limit'];
    /** The nodes a lasting stress holds (until it ends): not those it OOM-killed. */
    let held = stations;
    switch (fault.type) {
      case 'pod-kill': {
        const killed = stations.reduce((sum, n) => sum + h.instances.kill(n, fault.count, this.rng), 0);
        detail = `${killed} instance${killed === 1 ? '' : 's'} killed`;
        break;
      }
      case 'pod-failure': {
        const failed = stations.reduce((sum, n) => sum + h.instances.fail(n, fault.count, durationMs, this.rng), 0);
        for (const n of nodes) if (!stations.includes(n)) h.cut(n, 1);
        detail = `${failed} instance${failed === 1 ? '' : 's'} down`;
        break;
      }
      case 'network-delay':
        for (const n of nodes) {
          f.delayMs[n]! += fault.delayMs;
          f.jitterMs[n]! += fault.jitterMs;
          f.delayCount[n]!++;
          f.refresh(n);
        }
        detail = `calls in take ${fault.delayMs} ms ± ${fault.jitterMs} ms longer`;
        break;
      case 'network-loss':
        for (const n of nodes) {
          f.loss[n] = Math.min(1, f.loss[n]! + fault.lossPercent / 100);
          f.lossCount[n]!++;
          f.refresh(n);
        }
        detail = `${fault.lossPercent} % of calls in fail`;
        break;
      case 'region-outage':
        for (const n of nodes) h.cut(n, 1);
        detail = `${nodes.length} node${nodes.length === 1 ? '' : 's'} down`;
        break;
      case 'network-bandwidth':
        // Mbit/s → bytes per ms: × 10⁶ / 8 / 1000.
        limit = { bytesPerMs: fault.rateMbps * 125, payloadBytes: fault.payloadKiB * 1024 };
        for (const n of nodes) f.shape(n, limit, true);
        detail = `calls in share ${fault.rateMbps} Mbit/s, ${fault.payloadKiB} KiB each (${Number(((fault.payloadKiB * 1024) / (fault.rateMbps * 125)).toFixed(2))} ms on the link)`;
        break;
      case 'network-partition':
        links = this.partitioned(nodes, fault.from);
        this.block(links, 1);
        detail = `${links.length} call link${links.length === 1 ? '' : 's'} cut`;
        break;
      case 'db-primary-failure':
        for (const n of nodes) h.failPrimary(n);
        detail = 'the primary fails';
        break;
      case 'cache-flush':
        for (const n of nodes) h.flushCache(n);
        detail = 'the cache is emptied';
        break;
      case 'cpu-stress':
        for (const n of stations) {
          f.cpuLoad[n]! += fault.loadPercent / 100;
          h.stations[n]!.setCpuStress(f.cpuLoad[n]!);
        }
        detail = `stressors take ${fault.loadPercent} % of each instance's CPU on ${stations.length} node${stations.length === 1 ? '' : 's'}`;
        break;
      case 'memory-stress': {
        const r = this.stressMemory(stations, fault.sizeMiB);
        detail = r.detail;
        held = r.held;
        break;
      }
      default:
        return;
    }
    h.events.push({
      tMs: now,
      type: 'fault-started',
      target: fault.target,
      message: `${fault.type} on ${fault.target}${injected ? ' (injected)' : ''}: ${detail}${durationMs < Infinity ? ` for ${durationMs / 1000} s` : ''}`,
      severity: 'warning',
      data: { fault: fault.type, injected, nodes: nodes.length },
    });
    const lasting = fault.type !== 'pod-kill' && fault.type !== 'db-primary-failure' && fault.type !== 'cache-flush';
    if (lasting && durationMs < Infinity) {
      this.running.push({ fault, nodes: fault.type === 'cpu-stress' || fault.type === 'memory-stress' ? held : nodes, links, ...(limit ? { limit } : {}) });
      h.sim.schedule(durationMs, PRIORITY_NORMAL, this.evEnd, this.running.length - 1);
    }
    this.observer?.(fault, injected, now, lasting ? now + durationMs : now);
  }

  /**
   * memory-stress: each instance holds `sizeMiB` more. Where that goes past an instance's memory
   * (its idle share plus the stress over `resources.memoryMiB`) the instances are OOM-killed, as
   * the kernel's OOM killer would, and their replacements start without the stressors.
   */
  private stressMemory(stations: number[], sizeMiB: number): { detail: string; held: number[] } {
    const h = this.host;
    let killed = 0;
    const oom: string[] = [];
    const held: number[] = [];
    for (const n of stations) {
      const b = h.plan.nodes[n]!.behavior;
      const limit = b.type === 'station' ? b.memoryLimitMiB : Infinity;
      if (BASE_MEMORY_SHARE * limit + h.faults.memoryMiB[n]! + sizeMiB > limit) {
        killed += h.instances.kill(n, h.stations[n]!.replicas, this.rng, 'OOMKilled');
        oom.push(`${h.plan.nodes[n]!.id} (limit ${limit} MiB)`);
      } else {
        h.faults.memoryMiB[n]! += sizeMiB;
        held.push(n);
      }
    }
    if (oom.length === 0) return { held, detail: `each instance holds ${sizeMiB} MiB more on ${stations.length} node${stations.length === 1 ? '' : 's'}` };
    return { held, detail: `${killed} instance${killed === 1 ? '' : 's'} OOM-killed on ${oom.join(', ')}${held.length > 0 ? `; ${sizeMiB} MiB more on the others` : ''}` };
  }

  /** Call links between the target nodes and the `from` side (every other node when none is named), both ways. */
  private partitioned(nodes: number[], from: string | undefined): number[] {
    const { plan } = this.host;
    const inside = new Set(nodes);
    const other = from === undefined ? null : new Set(faultTargets(plan, from));
    const across = (a: number, b: number) => inside.has(a) && !inside.has(b) && (other === null || other.has(b));
    const out: number[] = [];
    plan.links.forEach((l, k) => {
      if (across(l.to, l.from) || across(l.from, l.to)) out.push(k);
    });
    return out;
  }

  private block(links: number[], delta: number): void {
    const { plan, faults } = this.host;
    for (const k of links) {
      const to = plan.links[k]!.to;
      faults.blocked[k]! += delta;
      faults.partitionCount[to]! += delta;
      faults.refresh(to);
    }
  }

  private end(j: number): void {
    const h = this.host;
    const { fault, nodes, links, limit } = this.running[j]!;
    const f = h.faults;
    switch (fault.type) {
      case 'pod-failure':
        // Instances come back on their own (instances.ts); nodes without instances reconnect.
        for (const n of nodes) if (h.plan.nodes[n]!.behavior.type !== 'station') h.cut(n, -1);
        break;
      case 'network-delay':
        for (const n of nodes) {
          f.delayMs[n]! -= fault.delayMs;
          f.jitterMs[n]! -= fault.jitterMs;
          f.delayCount[n]!--;
          f.refresh(n);
        }
        break;
      case 'network-loss':
        for (const n of nodes) {
          f.loss[n] = Math.max(0, f.loss[n]! - fault.lossPercent / 100);
          f.lossCount[n]!--;
          f.refresh(n);
        }
        break;
      case 'region-outage':
        for (const n of nodes) h.cut(n, -1);
        break;
      case 'network-partition':
        this.block(links, -1);
        break;
      case 'network-bandwidth':
        for (const n of nodes) f.shape(n, limit!, false);
        break;
      case 'cpu-stress':
        for (const n of nodes) {
          f.cpuLoad[n] = Math.max(0, f.cpuLoad[n]! - fault.loadPercent / 100);
          h.stations[n]!.setCpuStress(f.cpuLoad[n]!);
        }
        break;
      case 'memory-stress':
        for (const n of nodes) f.memoryMiB[n]! -= fault.sizeMiB;
        break;
      default:
        break;
    }
    h.events.push({ tMs: h.sim.now, type: 'fault-ended', target: fault.target, message: `${fault.type} on ${fault.target} ended`, severity: 'info', data: { fault: fault.type } });
  }
}
