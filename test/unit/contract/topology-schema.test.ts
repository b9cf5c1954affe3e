import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { faultOccurrences, NODE_KINDS, topologySchema } from '../../../src-preload/contract/topology/index.js';

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

describe('repeated faults (a chaos-monkey schedule)', () => {
  it('a fault with repeat acts `times` in all, `everyS` apart from `at`; each occurrence carries no repeat', () => {
    const doc = topologySchema.parse({ ...mm1, scenario: { faults: [{ type: 'pod-kill', at: 60, target: 'server', repeat: { everyS: 300, times: 3 } }] } });
    expect(faultOccurrences(doc.scenario.faults[0]!)).toEqual([
      { type: 'pod-kill', at: 60, target: 'server', count: 1 },
      { type: 'pod-kill', at: 360, target: 'server', count: 1 },
      { type: 'pod-kill', at: 660, target: 'server', count: 1 },
    ]);
    const once = { type: 'cache-flush' as const, at: 5, target: 'server' };
    expect(faultOccurrences(once)).toEqual([once]);
  });

  it('refuses a schedule of fewer than two times, and more than 100,000 occurrences in all, at scenario.faults', () => {
    const single = topologySchema.safeParse({ ...mm1, scenario: { faults: [{ type: 'pod-kill', at: 0, target: 'server', repeat: { everyS: 10, times: 1 } }] } });
    expect(single.success).toBe(false);
    expect(single.error?.issues[0]?.path).toEqual(['scenario', 'faults', 0, 'repeat', 'times']);
    const many = Array.from({ length: 11 }, () => ({ type: 'pod-kill', at: 0, target: 'server', repeat: { everyS: 1, times: 10_000 } }));
    const tooMany = topologySchema.safeParse({ ...mm1, scenario: { faults: many } });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]).toMatchObject({ path: ['scenario', 'faults'], message: 'at most 100,000 fault occurrences in all, repeats counted' });
  });
});
