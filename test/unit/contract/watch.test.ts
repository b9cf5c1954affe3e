// An anomaly-detection node's `watch` names the series its model scores: "node/metric", the
// metric one of the run's series, the node one of the document's.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { NODE_SCHEMAS, WATCHABLE_METRICS, topologySchema, validateTopology, type Topology } from '../../../src-preload/contract/topology/index.js';

function doc(ml: Record<string, unknown>): Topology {
  return topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'watch', environment: 'custom' },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      api: { kind: 'app-service', serviceTime: { default: { type: 'constant', valueMs: 5 } } },
      detector: { kind: 'ml-inference', purpose: 'anomaly-detection', serviceTime: { default: { type: 'constant', valueMs: 2 } }, ...ml },
    },
    links: [{ type: 'call', from: 'users', to: 'api' }],
  }) as Topology;
}

describe('ml-inference watch', () => {
  it('accepts "node/metric" and finds nothing wrong when the node exists', () => {
    const d = doc({ model: 'latency-lstm', watch: 'api/latency_p95_ms' });
    expect(d.nodes['detector']).toMatchObject({ watch: 'api/latency_p95_ms' });
    expect(validateTopology(d).filter((f) => f.path.startsWith('nodes.detector.watch'))).toEqual([]);
  });

  it('refuses a metric the run does not record, naming the field', () => {
    const r = NODE_SCHEMAS['ml-inference'].safeParse({ kind: 'ml-inference', purpose: 'anomaly-detection', watch: 'api/latency_p42_ms' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['watch'], message: expect.stringContaining('latency_p95_ms') });
  });

  it('reports a watched node that is not in the document', () => {
    const f = validateTopology(doc({ watch: 'ghost/latency_p95_ms' })).find((x) => x.code === 'watch-missing-node');
    expect(f).toMatchObject({ severity: 'error', path: 'nodes.detector.watch', message: expect.stringContaining('"ghost"') });
  });

  it('warns when a node that is not a detector watches a series', () => {
    const f = validateTopology(doc({ purpose: 'load-forecast', watch: 'api/arrivals_rps' })).find((x) => x.code === 'watch-without-detector');
    expect(f?.severity).toBe('warning');
  });

  it('names exactly the metrics a run records for each node, in frame order', () => {
    const run = createRun(doc({}), { durationS: 60, seed: 1 });
    expect(run.seriesLayout.metrics).toEqual([...WATCHABLE_METRICS]);
  });
});
