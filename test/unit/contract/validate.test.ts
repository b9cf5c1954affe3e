import { describe, expect, it } from 'vitest';
import { topologySchema, validateTopology, type Finding, type Topology } from '../../../src-preload/contract/topology/index.js';

/** A small valid three-tier document; each test breaks one thing. */
function base(): Record<string, any> {
  return {
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'three tier', environment: 'custom' },
    groups: { aws: { type: 'cloud', provider: 'aws' }, east: { type: 'region', parent: 'aws', providerRegion: 'us-east-1' } },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 }, classes: [{ name: 'read' }, { name: 'write', operation: 'write' }] },
      lb: { kind: 'load-balancer', group: 'east', image: 'nginx', ports: [{ port: 80, hostPort: 8080 }] },
      api: { kind: 'app-service', group: 'east', image: 'node:20', ports: [{ port: 3000 }], replicas: 2, concurrency: 4, serviceTime: { default: { type: 'exponential', meanMs: 20 } }, scaling: { policy: 'hpa', minReplicas: 2, maxReplicas: 6 } },
      db: { kind: 'postgres', group: 'east', image: 'postgres:14', ports: [{ port: 5432 }] },
      kafka: { kind: 'kafka', brokers: 1, topics: [{ name: 'events', partitions: 2 }] },
      worker: { kind: 'container', image: 'busybox', serviceTime: { default: { type: 'constant', valueMs: 5 } } },
      prom: { kind: 'prometheus', image: 'prom/prometheus' },
    },
    links: [
      { type: 'call', from: 'users', to: 'lb' },
      { type: 'call', from: 'lb', to: 'api' },
      { type: 'call', from: 'api', to: 'db' },
      { type: 'publish', from: 'api', to: 'kafka', topic: 'events' },
      { type: 'consume', from: 'kafka', to: 'worker', topic: 'events', group: 'workers' },
      { type: 'scrape', from: 'prom', to: 'api' },
    ],
  };
}

function findings(mutate: (d: Record<string, any>) => void): Finding[] {
  const raw = base();
  mutate(raw);
  const doc = topologySchema.parse(raw) as Topology;
  return validateTopology(doc);
}
const codes = (f: Finding[]): string[] => f.map((x) => x.code);

describe('semantic validation', () => {
  it('finds nothing wrong with the base document', () => {
    expect(findings(() => {})).toEqual([]);
  });

  it('link to a missing node, and a link to itself', () => {
    const f = findings((d) => d.links.push({ type: 'call', from: 'api', to: 'ghost' }, { type: 'call', from: 'db', to: 'db' }));
    expect(f).toContainEqual(expect.objectContaining({ code: 'link-missing-node', severity: 'error', path: 'links[6].to' }));
    expect(f).toContainEqual(expect.objectContaining({ code: 'link-self', path: 'links[7].to' }));
  });

  it('node in a missing group, group in a missing parent, nesting and cycles', () => {
    const f = findings((d) => {
      d.nodes.api.group = 'west';
      d.groups.zone = { type: 'zone', parent: 'nowhere' };
      d.groups.east.parent = 'loop';
      d.groups.loop = { type: 'cloud', parent: 'east' };
    });
    expect(f).toContainEqual(expect.objectContaining({ code: 'node-missing-group', path: 'nodes.api.group' }));
    expect(f).toContainEqual(expect.objectContaining({ code: 'group-missing-parent', path: 'groups.zone.parent' }));
    expect(codes(f)).toContain('group-cycle');
    expect(codes(f)).toContain('group-nesting');
  });

  it('a group and a node with one id', () => {
    expect(codes(findings((d) => (d.groups.api = { type: 'cloud' })))).toContain('id-clash');
  });

  it('two nodes on one host port', () => {
    const f = findings((d) => (d.nodes.prom.ports = [{ port: 9090, hostPort: 8080 }]));
    expect(f).toContainEqual(expect.objectContaining({ code: 'host-port-conflict', severity: 'error', path: 'nodes.prom.ports[0].hostPort' }));
  });

  it('a container port listed twice and a replicated node on a fixed host port', () => {
    const f = findings((d) => {
      d.nodes.api.ports.push({ port: 3000 });
      d.nodes.api.ports.push({ port: 9229, hostPort: 9229 });
    });
    expect(codes(f)).toContain('port-duplicate');
    expect(f).toContainEqual(expect.objectContaining({ code: 'host-port-replicas', severity: 'warning' }));
  });

  it('min replicas above max, and replicas outside the range', () => {
    expect(findings((d) => (d.nodes.api.scaling.minReplicas = 9))).toContainEqual(
      expect.objectContaining({ code: 'scaling-min-above-max', severity: 'error', path: 'nodes.api.scaling.minReplicas' }),
    );
    expect(codes(findings((d) => (d.nodes.api.replicas = 1)))).toContain('scaling-replicas-outside');
  });

  it('a cycle of synchronous calls, reported once', () => {
    const f = findings((d) => d.links.push({ type: 'call', from: 'db', to: 'lb' }));
    const cycles = f.filter((x) => x.code === 'call-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.message).toMatch(/lb → api → db → lb|api → db → lb → api|db → lb → api → db/);
  });

  it('a consumer or producer without its topic', () => {
    const f = findings((d) => {
      d.links[4].topic = 'missing';
      d.links[3].topic = 'other';
    });
    expect(f.filter((x) => x.code === 'kafka-missing-topic').map((x) => x.path)).toEqual(['links[3].topic', 'links[4].topic']);
  });

  it('more consumers than partitions, replication beyond brokers, an unconsumed topic', () => {
    expect(codes(findings((d) => (d.links[4].consumers = 5)))).toContain('kafka-idle-consumers');
    expect(codes(findings((d) => (d.nodes.kafka.topics[0].replicationFactor = 3)))).toContain('kafka-replication-factor');
    expect(codes(findings((d) => d.links.splice(4, 1)))).toContain('kafka-unconsumed-topic');
  });

  it('links between the wrong kinds', () => {
    const f = findings((d) =>
      d.links.push(
        { type: 'call', from: 'api', to: 'users' },
        { type: 'publish', from: 'api', to: 'db', topic: 'events' },
        { type: 'consume', from: 'db', to: 'worker', topic: 'events', group: 'g' },
        { type: 'replication', from: 'db', to: 'worker' },
        { type: 'scrape', from: 'api', to: 'db' },
        { type: 'logs', from: 'api', to: 'db' },
      ),
    );
    expect(f.filter((x) => x.code === 'link-kind' && x.severity === 'error')).toHaveLength(6);
  });

  it('a repeated link', () => {
    expect(codes(findings((d) => d.links.push({ type: 'call', from: 'lb', to: 'api' })))).toContain('link-duplicate');
  });

  it('a replica without a primary', () => {
    const f = findings((d) => {
      d.nodes.replica = { kind: 'postgres', topology: { mode: 'replica', primary: 'gone' } };
      d.nodes.replica2 = { kind: 'postgres', topology: { mode: 'replica', primary: 'api' } };
      d.nodes.replica3 = { kind: 'postgres', topology: { mode: 'replica', primary: 'replica' } };
    });
    expect(f.filter((x) => x.code === 'replica-without-primary').map((x) => x.path)).toEqual([
      'nodes.replica.topology.primary',
      'nodes.replica2.topology.primary',
      'nodes.replica3.topology.primary',
    ]);
  });

  it('a production database without backups', () => {
    expect(codes(findings((d) => (d.metadata.environment = 'production')))).toContain('database-no-backup');
  });

  it('request classes nobody sends', () => {
    const f = findings((d) => {
      d.nodes.api.serviceTime.classes = { upload: { type: 'constant', valueMs: 3 } };
      d.links[1].classes = ['delete'];
      d.nodes.users.classes.push({ name: 'read' });
    });
    expect(f.filter((x) => x.code === 'class-unknown').map((x) => x.path)).toEqual(['nodes.api.serviceTime.classes.upload', 'links[1].classes[0]']);
    expect(codes(f)).toContain('class-duplicate');
  });

  it('a source that sends nowhere, a station no traffic reaches', () => {
    const f = findings((d) => {
      d.nodes.lonely = { kind: 'traffic-source', rate: { type: 'constant', rps: 1 } };
      d.nodes.idle = { kind: 'container', image: 'x', serviceTime: { default: { type: 'constant', valueMs: 1 } } };
    });
    expect(f).toContainEqual(expect.objectContaining({ code: 'source-unconnected', path: 'nodes.lonely' }));
    expect(f).toContainEqual(expect.objectContaining({ code: 'node-unreached', path: 'nodes.idle', severity: 'info' }));
  });

  it('an overloaded station with an unbounded queue (ρ ≥ 1)', () => {
    const f = findings((d) => {
      d.nodes.users.rate.rps = 100;
      d.links[0].to = 'worker';
      d.links[1].from = 'users';
      d.links.splice(1, 1);
      d.nodes.worker.serviceTime.default = { type: 'constant', valueMs: 20 };
    });
    const over = f.find((x) => x.code === 'station-overloaded');
    expect(over?.message).toContain('ρ = 2.00');
  });

  it('references from faults, deployments and alerts', () => {
    const f = findings((d) => {
      d.scenario = {
        durationS: 100,
        faults: [
          { type: 'pod-kill', at: 10, target: 'nope' },
          { type: 'region-outage', at: 10, target: 'api' },
          { type: 'db-primary-failure', at: 10, target: 'api' },
          { type: 'cache-flush', at: 10, target: 'db' },
          { type: 'pod-kill', at: 200, target: 'api' },
        ],
        deployments: [{ at: 5, target: 'ghost', version: 'v2' }],
      };
      d.settings = { monitoring: { alertRules: [{ name: 'X', target: 'ghost', metric: 'cpu_percent', op: '>', threshold: 1, notify: ['email'] }] } };
    });
    expect(codes(f)).toEqual(
      expect.arrayContaining(['fault-missing-target', 'deployment-missing-target', 'alert-missing-target', 'fault-target-kind', 'fault-after-end', 'alert-email-nobody']),
    );
    expect(f.filter((x) => x.code === 'fault-target-kind')).toHaveLength(3);
  });

  it('a repeated fault whose later times fall after the run ends says how many fit, at its repeat.times', () => {
    const f = findings((d) => {
      d.scenario = { durationS: 600, faults: [{ type: 'pod-kill', at: 100, target: 'api', repeat: { everyS: 200, times: 5 } }, { type: 'pod-kill', at: 0, target: 'api', repeat: { everyS: 100, times: 6 } }] };
    });
    expect(f.filter((x) => x.code === 'fault-repeat-after-end')).toEqual([
      expect.objectContaining({ severity: 'info', path: 'scenario.faults[0].repeat.times', message: 'Only 3 of the 5 times fit in the run (600 s); the rest would come after it ends.' }),
    ]);
  });

  it('settings that contradict the document', () => {
    const f = findings((d) => {
      d.settings = {
        security: { encryption: 'optional', accessControl: 'zero-trust' },
        multiCloud: { clouds: ['gcp'], primaryRegion: 'eu-west-9' },
      };
    });
    expect(codes(f)).toEqual(expect.arrayContaining(['zero-trust-unencrypted', 'primary-region-unknown', 'cloud-unused']));
  });
});
