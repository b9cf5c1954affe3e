// The CPU, memory and cost model, kept simple and stated:
// - CPU cores in use = requested cores per instance × (IDLE_CPU_SHARE × instances
//   + (1 − IDLE_CPU_SHARE) × busy servers / concurrency). A busy server uses its share of the
//   instance's CPU request; an idle instance still uses IDLE_CPU_SHARE of it (runtime, probes,
//   GC). Fully busy it uses exactly its request, so cpu_percent tops out at 100. Nodes without
//   servers (balancers, nodes without a model yet) use the idle share only.
// - Memory = instances × BASE_MEMORY_SHARE × memoryMiB + memoryPerRequestMiB × requests in the
//   node (queued and in service).
// - Cost per hour = instances (starting ones included) × the instance-hour price: the node
//   group's instanceHourCost, else its parent group's (and so on up), else
//   settings.instanceHourCost. The run's cost is ∫ instances · price dt.
// Traffic sources are not instances: no CPU, memory or cost (NaN in the series). A PostgreSQL
// node runs one instance per member (primary and replicas, or the multi-master nodes), each with
// maxConnections servers; other nodes without a model run one instance.
import type { Topology } from '../../../../src-preload/contract/topology/index.js';
import type { Plan } from '../plan.js';

/** Share of the CPU request an idle instance uses. */
export const IDLE_CPU_SHARE = 0.02;
/** Share of memoryMiB an instance holds with no request in it (heap, code, buffers). */
export const BASE_MEMORY_SHARE = 0.25;

/** Per node index: what the resource figures need, in typed arrays. */
export interface ResourceModel {
  /** Requested CPU cores per instance; NaN for traffic sources. */
  cpu: Float64Array;
  memoryMiB: Float64Array;
  memoryPerRequestMiB: Float64Array;
  /** Dollars per instance-hour. */
  price: Float64Array;
  /** Requests one instance serves at once; Infinity for nodes without servers. */
  concurrency: Float64Array;
  /** Instances per replica the network counts (PostgreSQL: its members; else 1). */
  instanceScale: Float64Array;
}

export function buildResourceModel(doc: Topology, plan: Plan): ResourceModel {
  const n = plan.nodes.length;
  const model: ResourceModel = {
    cpu: new Float64Array(n),
    memoryMiB: new Float64Array(n),
    memoryPerRequestMiB: new Float64Array(n),
    price: new Float64Array(n),
    concurrency: new Float64Array(n),
    instanceScale: new Float64Array(n).fill(1),
  };
  plan.nodes.forEach((p, i) => {
    const node = doc.nodes[p.id]!;
    const source = p.behavior.type === 'source';
    model.cpu[i] = source ? NaN : node.resources.cpu;
    model.memoryMiB[i] = source ? NaN : node.resources.memoryMiB;
    model.memoryPerRequestMiB[i] = 'memoryPerRequestMiB' in node && typeof node.memoryPerRequestMiB === 'number' ? node.memoryPerRequestMiB : 0;
    model.price[i] = source ? 0 : instanceHourPrice(doc, node.group);
    const b = p.behavior;
    model.concurrency[i] = b.type === 'station' ? b.concurrency : b.type === 'postgres' ? b.servers / b.members : Infinity;
    if (b.type === 'postgres') model.instanceScale[i] = b.members;
  });
  return model;
}

/** The price of an instance-hour in a group: its own, else the nearest parent's, else the settings'. */
export function instanceHourPrice(doc: Topology, groupId: string | undefined): number {
  const seen = new Set<string>();
  for (let id = groupId; id !== undefined && !seen.has(id); id = doc.groups[id]?.parent) {
    seen.add(id);
    const price = doc.groups[id]?.instanceHourCost;
    if (price !== undefined) return price;
  }
  return doc.settings.instanceHourCost;
}

/** CPU cores in use, given time-average instances and busy servers (over an interval or the run). */
export function cpuCores(model: ResourceModel, i: number, instances: number, busy: number): number {
  const concurrency = model.concurrency[i]!;
  const busyInstances = concurrency < Infinity ? busy / concurrency : 0;
  return model.cpu[i]! * (IDLE_CPU_SHARE * instances + (1 - IDLE_CPU_SHARE) * busyInstances);
}

/** Memory in MiB for so many instances holding so many requests (linear, so it also takes time averages). */
export function memoryMiB(model: ResourceModel, i: number, instances: number, requests: number): number {
  return instances * BASE_MEMORY_SHARE * model.memoryMiB[i]! + model.memoryPerRequestMiB[i]! * requests;
}
