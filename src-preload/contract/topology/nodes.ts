import { z } from 'zod';
import { distributionSchema } from './distributions.js';
import { idSchema } from './ids.js';
import { runtimeFields } from './runtime.js';
import { stationFields } from './station.js';
import { rateProfileSchema, requestClassSchema } from './traffic.js';

/** Fields every node has: where it sits, how it is drawn. */
const base = {
  label: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  /** The region or zone (a group id) the node runs in. */
  group: idSchema.optional(),
  /** Position on the editor canvas. */
  position: z.object({ x: z.number(), y: z.number() }).strict().optional(),
};

const node = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...base, ...runtimeFields, ...shape }).strict();

const backupSchema = z
  .object({
    type: z.enum(['none', 'manual', 'nightly', 'continuous']).default('none'),
    /** Cron schedule for snapshots, e.g. "0 2 * * *". */
    schedule: z.string().max(100).optional(),
    retentionDays: z.number().int().min(0).max(36_500).default(7),
    geoRedundant: z.boolean().default(false),
  })
  .strict();

const postgresTopology = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('single') }).strict(),
  z
    .object({
      mode: z.literal('primary-replica'),
      replicas: z.number().int().min(1).max(64).default(1),
      /** Mean asynchronous replication lag. */
      replicationLagMs: z.number().nonnegative().max(3_600_000).default(50),
      synchronous: z.boolean().default(false),
      readsFromReplicas: z.boolean().default(true),
    })
    .strict(),
  /** A separate replica node (e.g. in another region) following a primary node. */
  z
    .object({
      mode: z.literal('replica'),
      primary: idSchema,
      replicationLagMs: z.number().nonnegative().max(3_600_000).default(100),
    })
    .strict(),
  z
    .object({
      mode: z.literal('multi-master'),
      nodes: z.number().int().min(2).max(64).default(3),
      replicationLagMs: z.number().nonnegative().max(3_600_000).default(20),
    })
    .strict(),
]);

export const NODE_SCHEMAS = {
  'traffic-source': node('traffic-source', {
    /** People or clients behind the source (informational). */
    clients: z.number().int().nonnegative().max(10_000_000_000).optional(),
    rate: rateProfileSchema,
    arrivals: z.enum(['poisson', 'deterministic']).default('poisson'),
    classes: z.array(requestClassSchema).min(1).max(64).default([{ name: 'default', weight: 1, operation: 'read' }]),
    /** The client gives up after this long; none: waits forever. */
    timeoutMs: z.number().positive().max(3_600_000).optional(),
  }),
  geodns: node('geodns', {
    policy: z.enum(['latency', 'geo', 'weighted', 'failover']).default('latency'),
    ttlS: z.number().int().min(0).max(86_400).default(60),
    anycast: z.boolean().default(true),
  }),
  'load-balancer': node('load-balancer', {
    product: z.enum(['nginx', 'haproxy', 'traefik', 'envoy', 'cloud']).default('nginx'),
    algorithm: z.enum(['round-robin', 'least-connections', 'random', 'weighted']).default('round-robin'),
    /** Added latency per request through the balancer. */
    overheadMs: z.number().nonnegative().max(60_000).default(0.2),
    maxConnections: z.number().int().positive().max(100_000_000).optional(),
    healthCheckIntervalS: z.number().positive().max(3600).default(5),
    replicas: z.number().int().min(1).max(1000).default(1),
  }),
  'app-service': node('app-service', {
    runtime: z.enum(['node-express', 'node-express-tfjs']).default('node-express'),
    ...stationFields,
    hotReload: z.boolean().default(false),
    debug: z.boolean().default(false),
    version: z.string().max(100).default('v1'),
  }),
  postgres: node('postgres', {
    version: z.string().max(20).default('14'),
    topology: postgresTopology.default({ mode: 'single' }),
    maxConnections: z.number().int().positive().max(100_000).default(100),
    /** Server-side work per query. */
    readTime: distributionSchema.default({ type: 'exponential', meanMs: 2 }),
    writeTime: distributionSchema.default({ type: 'exponential', meanMs: 5 }),
    backup: backupSchema.default({ type: 'none', retentionDays: 7, geoRedundant: false }),
    failover: z
      .object({ automatic: z.boolean().default(true), promotionS: z.number().nonnegative().max(3600).default(30) })
      .strict()
      .default({ automatic: true, promotionS: 30 }),
    seedData: z.boolean().default(false),
    storageGiB: z.number().positive().max(1_000_000).default(20),
  }),
  redis: node('redis', {
    version: z.string().max(20).default('7'),
    hitRatio: z.number().min(0).max(1).default(0.8),
    latency: distributionSchema.default({ type: 'exponential', meanMs: 0.5 }),
    maxMemoryMiB: z.number().int().positive().max(4_194_304).default(256),
    eviction: z.enum(['allkeys-lru', 'allkeys-lfu', 'volatile-lru', 'noeviction']).default('allkeys-lru'),
    replicas: z.number().int().min(1).max(1000).default(1),
  }),
  kafka: node('kafka', {
    brokers: z.number().int().min(1).max(1000).default(1),
    topics: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-zA-Z0-9._-]{1,249}$/, { message: 'a Kafka topic name: letters, digits, . _ -' }),
            partitions: z.number().int().min(1).max(100_000).default(1),
            replicationFactor: z.number().int().min(1).max(100).default(1),
          })
          .strict(),
      )
      .max(10_000)
      .default([]),
    /** Broker append latency. */
    latency: distributionSchema.default({ type: 'exponential', meanMs: 2 }),
  }),
  prometheus: node('prometheus', {
    scrapeIntervalS: z.number().positive().max(3600).default(15),
    retentionDays: z.number().positive().max(36_500).default(15),
  }),
  grafana: node('grafana', { dashboards: z.array(z.string().max(200)).max(1000).default([]) }),
  thanos: node('thanos', {
    retentionDays: z.number().positive().max(36_500).default(365),
    objectStore: z.enum(['s3', 'gcs', 'azure', 'local']).default('s3'),
  }),
  elasticsearch: node('elasticsearch', {
    nodes: z.number().int().min(1).max(1000).default(1),
    retentionDays: z.number().positive().max(36_500).default(30),
  }),
  logstash: node('logstash', { pipelines: z.array(z.string().max(200)).max(1000).default([]) }),
  kibana: node('kibana', {}),
  'ml-inference': node('ml-inference', {
    framework: z.enum(['tensorflow.js', 'tensorflow', 'pytorch', 'scikit-learn', 'xgboost']).default('tensorflow.js'),
    /** What the model does; the ML lab trains models for these purposes. */
    purpose: z.enum(['anomaly-detection', 'load-forecast', 'autoscaling-policy', 'query-tuning', 'cache-optimization', 'log-analysis']),
    model: z.string().max(200).optional(),
    latencyBudgetMs: z.number().positive().max(60_000).default(50),
    onlineLearning: z.boolean().default(false),
    ...stationFields,
  }),
  container: node('container', {
    ...stationFields,
    serviceTime: stationFields.serviceTime.optional(),
  }),
} as const;

export type NodeKind = keyof typeof NODE_SCHEMAS;
export const NODE_KINDS = Object.keys(NODE_SCHEMAS) as NodeKind[];

const S = NODE_SCHEMAS;
// Listed one by one (not Object.values) so the union keeps each kind's type.
export const nodeSchema = z.discriminatedUnion('kind', [
  S['traffic-source'],
  S.geodns,
  S['load-balancer'],
  S['app-service'],
  S.postgres,
  S.redis,
  S.kafka,
  S.prometheus,
  S.grafana,
  S.thanos,
  S.elasticsearch,
  S.logstash,
  S.kibana,
  S['ml-inference'],
  S.container,
]);
export type TopologyNode = z.infer<typeof nodeSchema>;
export type NodeOf<K extends NodeKind> = z.infer<(typeof NODE_SCHEMAS)[K]>;
