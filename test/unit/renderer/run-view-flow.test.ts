import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { topologySchema, type RunEventDto } from '../../../src-preload/contract/index.js';
import { groupChain, liveFlow, type RunFlowNode } from '../../../src-renderer/src/features/run/canvas/run-flow.js';
import { appendFrames, emptySeries } from '../../../src-renderer/src/stores/run-series.js';

const doc = topologySchema.parse(parse(readFileSync(resolve(import.meta.dirname, '../../../resources/templates/production.devsim.yaml'), 'utf8')));
const METRICS = ['throughput_rps', 'error_rate_percent', 'latency_p95_ms', 'utilization_percent', 'replicas', 'ready_replicas', 'up'];
const nodes = Object.keys(doc.nodes);

/** One frame: api at 120 req/s and 80 % busy, db at 240 req/s, every node up with its replicas ready. */
function series() {
  const s = emptySeries(nodes, METRICS);
  const value = (n: string, m: string): number | null => {
    const rps: Record<string, number> = { users: 120, geodns: 120, lb: 118, api: 118, db: 236, 'lb-failover': 2, 'api-failover': 2 };
    switch (m) {
      case 'throughput_rps':
        return rps[n] ?? null;
      case 'utilization_percent':
        return n === 'api' ? 80 : null;
      case 'latency_p95_ms':
        return n === 'api' ? 94 : null;
      case 'replicas':
      case 'ready_replicas':
        return n === 'users' ? null : 3;
      case 'up':
        return 1;
      default:
        return 0;
    }
  };
  appendFrames(s, [{ tMs: 15_000, values: nodes.flatMap((n) => METRICS.map((m) => value(n, m))) }]);
  return s;
}
const device = (flow: { nodes: RunFlowNode[] }, id: string) => flow.nodes.find((n) => n.id === id && n.type === 'run-device') as Extract<RunFlowNode, { type: 'run-device' }>;

describe('run canvas model', () => {
  it('every document node with its health, utilisation and counters; the picked ones marked; nothing draggable', () => {
    const flow = liveFlow(doc, series(), [], ['api']);
    expect(flow.nodes.filter((n) => n.type === 'run-device')).toHaveLength(nodes.length);
    expect(device(flow, 'api').data.live).toMatchObject({ health: 'healthy', utilisation: 80, rps: 118, p95: 94, replicas: 3 });
    expect(device(flow, 'api').data.picked).toBe(true);
    expect(device(flow, 'db').data.picked).toBe(false);
    expect(flow.nodes.every((n) => n.draggable === false)).toBe(true);
  });

  it('links carry the load of their callee, labelled and thicker for the busiest; scrapes stay plain', () => {
    const flow = liveFlow(doc, series(), [], []);
    const edge = (from: string, to: string) => flow.edges.find((e) => e.source === from && e.target === to)!;
    // db takes 236 req/s from api (118) and api-failover (2), shared by their throughput: 236 · 118 / 120 ≈ 232.
    expect(edge('api', 'db').label).toBe('232 req/s');
    expect(edge('api-failover', 'db').label).toBe('3.93 req/s');
    expect(edge('lb', 'api').label).toBe('118 req/s');
    expect((edge('api', 'db').style as { strokeWidth: number }).strokeWidth).toBe(8);
    expect(edge('prometheus', 'api').label).toBeUndefined();
  });

  it('a region taken out turns its nodes down until the fault ends; an alert degrades its node', () => {
    expect(groupChain(doc, 'api')).toContain('us-east-1');
    const out: RunEventDto[] = [{ tMs: 10_000, type: 'fault-started', target: 'us-east-1', message: 'out', severity: 'critical', data: { fault: 'region-outage' } }];
    const flow = liveFlow(doc, series(), out, []);
    expect(device(flow, 'api').data.live.health).toBe('down');
    expect(device(flow, 'api-failover').data.live.health).toBe('healthy');
    const back = liveFlow(doc, series(), [...out, { tMs: 12_000, type: 'fault-ended', target: 'us-east-1', message: 'back', severity: 'info', data: { fault: 'region-outage' } }], []);
    expect(device(back, 'api').data.live.health).toBe('healthy');
    const alert = liveFlow(doc, series(), [{ tMs: 11_000, type: 'alert-firing', target: 'db', message: 'HighCpu', severity: 'warning', data: { alert: 'HighCpu' } }], []);
    expect(device(alert, 'db').data.live).toMatchObject({ health: 'degraded', reasons: ['alert HighCpu'] });
  });

  it('before the first frame every node is unknown', () => {
    const flow = liveFlow(doc, emptySeries(nodes, METRICS), [], []);
    expect(device(flow, 'api').data.live.health).toBe('unknown');
  });
});
