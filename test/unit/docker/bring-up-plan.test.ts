import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-preload/contract/index.js';
import { startLevels } from '../../../src-main/docker/bring-up/execute.js';
import { LABELS, planBringUp } from '../../../src-main/docker/bring-up/plan.js';
import { documentOf, everyKind } from '../files/export-fixtures.js';

const httpd = (extra: Record<string, unknown> = {}) => ({
  kind: 'container',
  image: 'devsim-test/busybox:1',
  command: ['httpd', '-f', '-p', '8080'],
  ports: [{ port: 8080 }],
  ...extra,
});

const twoTier = () =>
  documentOf({
    metadata: { name: 'Shop Lab' },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 5 } },
      web: httpd({ ports: [{ port: 8080, hostPort: 18080 }], env: { MODE: 'lab', A_FIRST: '1' } }),
      api: httpd({ replicas: 3, healthCheck: { command: ['true'], intervalS: 2, timeoutS: 1, retries: 5, startPeriodS: 1 } }),
      db: httpd({ kind: 'container' }),
    },
    links: [
      { type: 'call', from: 'users', to: 'web' },
      { type: 'call', from: 'web', to: 'api' },
      { type: 'call', from: 'api', to: 'db' },
    ],
  } as never);

describe('planBringUp', () => {
  it('names one network devsim-<topology> labelled with the topology and the bring-up', () => {
    const plan = planBringUp(twoTier(), 'up-1');
    expect(plan.topology).toBe('shop-lab');
    expect(plan.network).toEqual({ name: 'devsim-shop-lab', labels: { [LABELS.topology]: 'shop-lab', [LABELS.run]: 'up-1' } });
  });

  it('starts every node after the nodes its links depend on', () => {
    const plan = planBringUp(twoTier(), 'up-1');
    expect(plan.nodes.map((n) => n.node)).toEqual(['db', 'api', 'web']);
    expect(plan.nodes.map((n) => n.after)).toEqual([[], ['db'], ['api']]);
  });

  it('lists nodes without an image as simulated only', () => {
    expect(planBringUp(twoTier(), 'up-1').simulatedOnly).toEqual([{ node: 'users', kind: 'traffic-source' }]);
  });

  it('makes one container per replica named <topology>-<node>-<i>, each labelled with topology, node, replica and bring-up', () => {
    const api = planBringUp(twoTier(), 'up-7').nodes.find((n) => n.node === 'api')!;
    expect(api.containers.map((c) => c.name)).toEqual(['shop-lab-api-0', 'shop-lab-api-1', 'shop-lab-api-2']);
    expect(api.containers[2]!.labels).toEqual({
      [LABELS.topology]: 'shop-lab',
      [LABELS.node]: 'api',
      [LABELS.replica]: '2',
      [LABELS.run]: 'up-7',
      [LABELS.kind]: 'container',
    });
  });

  it('publishes host ports on 127.0.0.1 only, with environment and command', () => {
    const [web] = planBringUp(twoTier(), 'up-1').nodes.find((n) => n.node === 'web')!.containers;
    expect(web!.ports).toEqual([{ hostIp: '127.0.0.1', hostPort: 18080, containerPort: 8080, protocol: 'tcp' }]);
    expect(web!.env).toEqual(['A_FIRST=1', 'MODE=lab']);
    expect(web!.command).toEqual(['httpd', '-f', '-p', '8080']);
  });

  it('publishes no host port on a replicated node (replicas cannot share one) and exposes the port instead', () => {
    const plan = planBringUp(
      documentOf({ metadata: { name: 'r' }, nodes: { api: httpd({ replicas: 2, ports: [{ port: 8080, hostPort: 18081 }] }) } } as never),
      'up-1',
    );
    for (const c of plan.nodes[0]!.containers) {
      expect(c.ports).toEqual([]);
      expect(c.exposed).toEqual(['8080/tcp']);
    }
    expect(plan.notes.map((n) => n.code)).toContain('compose-replicated-host-port');
  });

  it('gives the health check in nanoseconds with the compose export\'s test', () => {
    const [api] = planBringUp(twoTier(), 'up-1').nodes.find((n) => n.node === 'api')!.containers;
    expect(api!.healthCheck).toEqual({ test: ['CMD', 'true'], intervalNs: 2e9, timeoutNs: 1e9, retries: 5, startPeriodNs: 1e9 });
  });

  it('every published port of a larger document binds to 127.0.0.1', () => {
    const plan = planBringUp(everyKind(), 'up-1');
    const ports = plan.nodes.flatMap((n) => n.containers.flatMap((c) => c.ports));
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.every((p) => p.hostIp === '127.0.0.1')).toBe(true);
  });

  it('refuses a dependency cycle with an error naming the nodes in it', () => {
    const doc = documentOf({
      metadata: { name: 'loop' },
      nodes: { a: httpd(), b: httpd(), c: httpd(), d: httpd() },
      links: [
        { type: 'call', from: 'd', to: 'a' },
        { type: 'call', from: 'a', to: 'b' },
        { type: 'call', from: 'b', to: 'c' },
        { type: 'call', from: 'c', to: 'a' },
      ],
    } as never);
    let error: unknown;
    try {
      planBringUp(doc, 'up-1');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('BAD_REQUEST');
    expect((error as ContractError).where).toBe('links');
    expect((error as ContractError).message).toContain('a → b → c → a');
  });

  it('ignores links through simulated-only nodes when ordering', () => {
    const doc = documentOf({
      metadata: { name: 'x' },
      nodes: { lb: { kind: 'load-balancer' }, a: httpd(), b: httpd() },
      links: [
        { type: 'call', from: 'a', to: 'lb' },
        { type: 'call', from: 'lb', to: 'a' },
        { type: 'call', from: 'b', to: 'a' },
      ],
    } as never);
    expect(planBringUp(doc, 'up-1').nodes.map((n) => n.node)).toEqual(['a', 'b']);
  });

  it('groups the start order into levels that start together: each depends only on earlier levels', () => {
    const doc = documentOf({
      metadata: { name: 'levels' },
      nodes: { lb: httpd(), a: httpd(), b: httpd(), db: httpd(), cache: httpd() },
      links: [
        { type: 'call', from: 'lb', to: 'a' },
        { type: 'call', from: 'lb', to: 'b' },
        { type: 'call', from: 'a', to: 'db' },
        { type: 'call', from: 'b', to: 'db' },
        { type: 'call', from: 'b', to: 'cache' },
      ],
    } as never);
    expect(startLevels(planBringUp(doc, 'up-1').nodes).map((level) => level.map((n) => n.node))).toEqual([['cache', 'db'], ['a', 'b'], ['lb']]);
  });
});
