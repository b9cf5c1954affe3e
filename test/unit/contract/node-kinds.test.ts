import { describe, expect, it } from 'vitest';
import { NODE_KINDS, NODE_SCHEMAS, nodeSchema, topologyJsonSchema, type NodeKind } from '../../../src-preload/contract/topology/index.js';

const exp = (meanMs: number) => ({ default: { type: 'exponential', meanMs } });

/** The least each kind needs; everything else has a default. */
const MINIMAL: Record<NodeKind, Record<string, unknown>> = {
  'traffic-source': { rate: { type: 'constant', rps: 1 } },
  geodns: {},
  'load-balancer': {},
  'app-service': { serviceTime: exp(10) },
  postgres: {},
  redis: {},
  kafka: {},
  prometheus: {},
  grafana: {},
  thanos: {},
  elasticsearch: {},
  logstash: {},
  kibana: {},
  'ml-inference': { purpose: 'anomaly-detection', serviceTime: exp(5) },
  container: { image: 'busybox' },
};

/** One field per kind that the simulator or the runtime needs, with a value it must refuse. */
const WRONG: Record<NodeKind, [string, unknown]> = {
  'traffic-source': ['rate', { type: 'constant', rps: -1 }],
  geodns: ['ttlS', -5],
  'load-balancer': ['algorithm', 'fastest'],
  'app-service': ['concurrency', 0],
  postgres: ['topology', { mode: 'multi-master', nodes: 1 }],
  redis: ['hitRatio', 1.5],
  kafka: ['topics', [{ name: 'bad topic!', partitions: 1 }]],
  prometheus: ['scrapeIntervalS', 0],
  grafana: ['dashboards', 'cpu'],
  thanos: ['objectStore', 'floppy'],
  elasticsearch: ['nodes', 0],
  logstash: ['pipelines', [1]],
  kibana: ['ports', [{ port: 70000 }]],
  'ml-inference': ['purpose', 'astrology'],
  container: ['queueCapacity', -1],
};

describe('every node kind', () => {
  it('is covered by this test', () => {
    expect(Object.keys(MINIMAL).sort()).toEqual([...NODE_KINDS].sort());
  });

  it.each(NODE_KINDS)('%s: a minimal node parses, with runtime defaults filled in', (kind) => {
    const node = nodeSchema.parse({ kind, ...MINIMAL[kind] });
    expect(node.kind).toBe(kind);
    expect(node.ports).toEqual([]);
    expect(node.env).toEqual({});
    expect(node.resources).toEqual({ cpu: 0.5, memoryMiB: 512 });
  });

  it.each(NODE_KINDS)('%s: refuses a wrong value and an unknown field, naming the field', (kind) => {
    const [field, value] = WRONG[kind];
    const wrong = NODE_SCHEMAS[kind].safeParse({ kind, ...MINIMAL[kind], [field]: value });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path[0]).toBe(field);
    const unknown = NODE_SCHEMAS[kind].safeParse({ kind, ...MINIMAL[kind], colour: 'blue' });
    expect(unknown.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
  });

  it.each(NODE_KINDS)('%s: carries what Docker and Kubernetes need to run it', (kind) => {
    const node = nodeSchema.parse({
      kind,
      ...MINIMAL[kind],
      image: 'example/image:1',
      command: ['serve'],
      ports: [{ name: 'http', port: 8080, hostPort: 18080 }],
      env: { MODE: 'lab' },
      healthCheck: { http: { path: '/healthz', port: 8080 } },
      resources: { cpu: 2, memoryMiB: 1024 },
    });
    expect(node).toMatchObject({ image: 'example/image:1', ports: [{ port: 8080, hostPort: 18080, protocol: 'tcp' }], healthCheck: { intervalS: 10, retries: 3 } });
  });

  it('is described in the JSON Schema', () => {
    const text = JSON.stringify(topologyJsonSchema());
    for (const kind of NODE_KINDS) expect(text).toContain(`"const":"${kind}"`);
  });
});
