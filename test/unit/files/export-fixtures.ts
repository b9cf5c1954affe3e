import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { topologySchema, type Topology, type TopologyInput } from '../../../src-preload/contract/topology/index.js';

export const ROOT = join(import.meta.dirname, '../../..');
export const TEMPLATE_NAMES = ['production', 'development', 'experimental'] as const;

/** A shipped template, parsed the way the app parses it. */
export function template(name: (typeof TEMPLATE_NAMES)[number]): Topology {
  const text = readFileSync(join(ROOT, 'resources/templates', `${name}.devsim.yaml`), 'utf8');
  return topologySchema.parse(parse(text)) as Topology;
}

/** A hand-written document through the schema, so defaults are filled as in the app. */
export const documentOf = (input: Omit<TopologyInput, 'apiVersion' | 'kind'>): Topology =>
  topologySchema.parse({ apiVersion: 'devsim.io/v1', kind: 'Topology', ...input }) as Topology;

const serviceTime = { default: { type: 'exponential', meanMs: 10 } } as const;

/**
 * One node of every kind, each with an image (and a port where it serves), linked the way
 * a real stack is: a small document that exercises every mapping of the exporters.
 */
export function everyKind(accessControl: 'strict' | 'zero-trust' = 'zero-trust'): Topology {
  return documentOf({
    metadata: { name: 'Every Kind!', environment: 'custom' },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 } },
      dns: { kind: 'geodns' },
      edge: { kind: 'load-balancer', image: 'nginx:1.27', ports: [{ name: 'http', port: 80, hostPort: 8080 }], replicas: 2 },
      web: {
        kind: 'app-service', image: 'node:20-alpine', serviceTime, replicas: 3,
        ports: [{ name: 'http', port: 3000, hostPort: 3000 }, { port: 9229, protocol: 'tcp' }],
        env: { NODE_ENV: 'production', DB_PASSWORD: 'hunter2', API_TOKEN: 'abc' },
        healthCheck: { http: { path: "/health?x='1'", port: 3000 }, startPeriodS: 15 },
        command: ['node', 'server.js'],
        scaling: { policy: 'hpa', minReplicas: 2, maxReplicas: 8, targetCpuPercent: 60 },
      },
      pg: {
        kind: 'postgres', image: 'postgres:16', ports: [{ port: 5432 }], env: { POSTGRES_PASSWORD: 'pw' },
        healthCheck: { command: ['pg_isready'] }, topology: { mode: 'primary-replica', replicas: 1 }, storageGiB: 50,
      },
      'pg-dr': { kind: 'postgres', image: 'postgres:18', ports: [{ port: 5432 }], topology: { mode: 'replica', primary: 'pg' } },
      cache: { kind: 'redis', image: 'redis:7', ports: [{ port: 6379 }] },
      bus: { kind: 'kafka', image: 'apache/kafka:3.8.0', ports: [{ port: 9092 }], brokers: 3, topics: [{ name: 'events', partitions: 3, replicationFactor: 3 }] },
      worker: { kind: 'container', image: 'busybox:1.36', replicas: 0 },
      model: { kind: 'ml-inference', image: 'python:3.12-slim', purpose: 'anomaly-detection', serviceTime, ports: [{ port: 9002 }], scaling: { policy: 'predictive', minReplicas: 1, maxReplicas: 4 } },
      prom: { kind: 'prometheus', image: 'prom/prometheus:v2.53.0', ports: [{ port: 9090 }] },
      dash: { kind: 'grafana', image: 'grafana/grafana:11.1.0', ports: [{ port: 3000, hostPort: 3001 }] },
      lts: { kind: 'thanos', image: 'quay.io/thanos/thanos:v0.35.1', ports: [{ port: 10902 }] },
      es: { kind: 'elasticsearch', image: 'elasticsearch:8.14.3', ports: [{ port: 9200 }], nodes: 2, env: { 'discovery.type': 'single-node' } },
      ship: { kind: 'logstash', image: 'logstash:8.14.3', ports: [{ port: 5044 }] },
      kib: { kind: 'kibana', image: 'kibana:8.14.3', ports: [{ port: 5601 }] },
      dnsd: { kind: 'container', image: 'coredns/coredns:1.11.1', ports: [{ name: 'dns', port: 53, hostPort: 5353, protocol: 'udp' }] },
    },
    links: [
      { type: 'call', from: 'users', to: 'dns' },
      { type: 'call', from: 'dns', to: 'edge' },
      { type: 'call', from: 'edge', to: 'web' },
      { type: 'call', from: 'web', to: 'pg' },
      { type: 'call', from: 'web', to: 'cache' },
      { type: 'call', from: 'web', to: 'dnsd' },
      { type: 'publish', from: 'web', to: 'bus', topic: 'events' },
      { type: 'consume', from: 'bus', to: 'worker', topic: 'events', group: 'workers' },
      { type: 'consume', from: 'bus', to: 'model', topic: 'events', group: 'models' },
      { type: 'replication', from: 'pg', to: 'pg-dr' },
      { type: 'scrape', from: 'prom', to: 'web', port: 3000 },
      { type: 'scrape', from: 'prom', to: 'pg' },
      { type: 'query', from: 'dash', to: 'prom' },
      { type: 'query', from: 'lts', to: 'prom' },
      { type: 'logs', from: 'web', to: 'ship' },
      { type: 'logs', from: 'ship', to: 'es' },
      { type: 'query', from: 'kib', to: 'es' },
    ],
    settings: {
      security: { accessControl },
      monitoring: {
        alertRules: [
          { name: 'HighCpu', target: '*', metric: 'cpu_percent', op: '>', threshold: 85, forS: 300, severity: 'warning', notify: ['email'] },
          { name: 'WebDown', target: 'web', metric: 'up', op: '==', threshold: 0, forS: 30, severity: 'critical', summary: 'The web tier is down' },
        ],
      },
    },
  });
}
