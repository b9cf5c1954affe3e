import type { Edge } from '@xyflow/react';
import type { RunEventDto, Topology } from '../../../../../src-preload/contract/index.js';
import { columnOf, type RunSeries } from '../../../stores/run-series.js';
import { linkIndexOf, toFlow, type DeviceFlowNode, type FlowNode } from '../../topology/canvas/flow-model.js';
import { formatValue } from '../panels.js';
import { activeIssues, classifyHealth, type Health } from './health.js';
import { linkLoads, loadWidth } from './link-load.js';

/** What a node shows during a run. NaN: no data. */
export interface NodeLive {
  health: Health;
  reasons: string[];
  /** Busy servers / servers (ρ), percent. */
  utilisation: number;
  rps: number;
  p95: number;
  replicas: number;
}

export type RunDeviceData = DeviceFlowNode['data'] & { live: NodeLive; picked: boolean };
export type RunFlowNode = Exclude<FlowNode, DeviceFlowNode> | (Omit<DeviceFlowNode, 'data' | 'type'> & { type: 'run-device'; data: RunDeviceData });

/** The groups a node sits in, innermost first. */
export function groupChain(doc: Topology, node: string): string[] {
  const out: string[] = [];
  for (let g = doc.nodes[node]?.group; g !== undefined && doc.groups[g] && !out.includes(g); g = doc.groups[g]!.parent) out.push(g);
  return out;
}

/** The value of a node's metric in frame i (NaN when the run lacks it). */
export function valueAt(series: RunSeries, node: string, metric: string, i: number): number {
  const col = columnOf(series, node, metric);
  return col && i >= 0 && i < col.length ? col[i]! : NaN;
}

/** The document as a read-only canvas coloured by the run's latest frame and its event log. */
export function liveFlow(doc: Topology, series: RunSeries, log: readonly RunEventDto[], picked: readonly string[]): { nodes: RunFlowNode[]; edges: Edge[] } {
  const model = toFlow(doc);
  const i = series.length - 1;
  const issues = activeIssues(log);
  const at = (node: string, metric: string): number => valueAt(series, node, metric, i);
  const nodes = model.nodes.map((n): RunFlowNode => {
    if (n.type !== 'device') return { ...n, draggable: false };
    const id = n.data.id;
    const { health, reasons } = classifyHealth(
      id,
      { up: at(id, 'up'), replicas: at(id, 'replicas'), readyReplicas: at(id, 'ready_replicas'), errorRatePercent: at(id, 'error_rate_percent'), frames: series.nodes.includes(id) ? series.length : 0 },
      groupChain(doc, id),
      issues,
    );
    const live: NodeLive = { health, reasons, utilisation: at(id, 'utilization_percent'), rps: at(id, 'throughput_rps'), p95: at(id, 'latency_p95_ms'), replicas: at(id, 'replicas') };
    return { ...n, type: 'run-device', draggable: false, selected: false, data: { ...n.data, live, picked: picked.includes(id) } };
  });
  const loads = linkLoads(doc.links, (node) => at(node, 'throughput_rps'));
  const busiest = Math.max(0, ...loads.filter((x) => Number.isFinite(x)));
  const edges = model.edges.map((e): Edge => {
    const k = linkIndexOf(e.id);
    const load = k === null ? NaN : loads[k]!;
    if (!Number.isFinite(load)) return e;
    return { ...e, label: formatValue(load, 'req/s'), style: { ...e.style, strokeWidth: loadWidth(load, busiest) }, className: `${e.className ?? ''} run-link` };
  });
  return { nodes, edges };
}
