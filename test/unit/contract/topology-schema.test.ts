import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_KINDS, topologySchema } from '../../../src-preload/contract/topology/index.js';

const mm1 = {
  apiVersion: 'devsim.io/v1',
  kind: 'Topology',
  metadata: { name: 'M/M/1' },
  nodes: {
    arrivals: { kind: 'traffic-source', rate: { type: 'constant', rps: 8 } },
    server: {
      kind: 'container',
      image: 'busybox',
      replicas: 1,
      concurrency: 1,
      queueCapacity: null,
      serviceTime: { default: { type: 'exponential', meanMs: 100 } },
    },
  },
  links: [{ type: 'call', from: 'arrivals', to: 'server' }],
};

describe('topology schema', () => {
  it('expresses a single M/M/1 station exactly and fills defaults', () => {
    const doc = topologySchema.parse(mm1);
    const server = doc.nodes.server!;
    expect(server.kind).toBe('container');
    if (server.kind !== 'container') return;
    expect(server.serviceTime).toEqual({ default: { type: 'exponential', meanMs: 100 }, classes: {} });
    expect(server.queueCapacity).toBeNull();
    expect(doc.links[0]).toMatchObject({ probability: 1, fanOut: 1 });
    expect(doc.scenario.durationS).toBe(3600);
  });

  it('names the field path of a wrong value', () => {
    const bad = structuredClone(mm1) as { nodes: { server: { concurrency: number } } };
    bad.nodes.server.concurrency = 0;
    const result = topologySchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['nodes', 'server', 'concurrency']);
  });

  it('generates a JSON Schema covering every node kind', () => {
    const json = JSON.stringify(z.toJSONSchema(topologySchema, { io: 'input', unrepresentable: 'any' }));
    for (const kind of NODE_KINDS) expect(json).toContain(`"const":"${kind}"`);
  });
});
