import { z } from 'zod';
import { distributionSchema } from './distributions.js';
import { idSchema } from './ids.js';
import { runtimeFields } from './runtime.js';
import { stationFields } from './station.js';
import { rateProfileSchema, requestClassSchema } from './traffic.js';
import { watchSchema } from './watch.js';

/** Fields every node has: where it sits, how it is drawn. */
const base = {
  label: z.string().max(200).optional().meta({ description: 'Name shown on the canvas; none: the id' }),
  description: z.string().max(10_000).optional().meta({ description: 'Notes for people reading the topology' }),
  /** The region or zone (a group id) the node runs in. */
  group: idSchema.optional().meta({ description: 'The region or zone (a group id) the node runs in' }),
  /** Position on the editor canvas. */
  position: z.object({ x: z.number(), y: z.number() }).strict().optional().meta({ description: 'Position on the editor canvas; none: laid out automatically' }),
};

const node = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...base, ...runtimeFields, ...shape }).strict();

const backupSchema = z
  .object({
    type: z.enum(['none', 'manual', 'nightly', 'continuous']).default('none').meta({ description: 'How snapshots are taken; continuous: point-in-time recovery' }),
    /** Cron schedule for snapshots, e.g. "0 2 * * *". */
    schedule: z.string().max(100).optional().meta({ description: 'Cron schedule for snapshots, e.g. "0 2 * * *"' }),
    retentionDays: z.number().int().min(0).max(36_500).default(7).meta({ description: 'How long snapshots are kept', unit: 'days' }),
    geoRedundant: z.boolean().default(false).meta({ description: 'Copies snapshots to another region' }),
  })
  .strict()
  .meta({ description: 'Database backups' });

const postgresTopology = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('single') }).strict(),
  z
    .object({
      mode: z.literal('primary-replica'),
      replicas: z.number().int().min(1).max(64).default(1).meta({ description: 'Read replicas following the primary', unit: 'replicas' }),
      /** Mean asynchronous replication lag. */
      replicationLagMs: z.number().nonnegative().max(3_600_000).default(50).meta({ description: 'Mean asynchronous replication lag', unit: 'ms' }),
      synchronous: z.boolean().default(false).meta({ description: 'A write waits until a replica has it (no data loss on failover, slower writes)' }),
      readsFromReplicas: z.boolean().default(true).meta({ description: 'Reads go to replicas, writes to the primary' }),
    })
    .strict(),
  /** A separate replica node (e.g. in another region) following a primary node. */
  z
    .object({
      mode: z.literal('replica'),
      primary: idSchema.meta({ description: 'The id of the PostgreSQL node this replica follows' }),
      replicationLagMs: z.number().nonnegative().max(3_600_000).default(100).meta({ description: 'Mean replication lag behind the primary', unit: 'ms' }),
    })
    .strict(),
  z
    .object({
      mode: z.literal('multi-master'),
      nodes: z.number().int().min(2).max(64).default(3).meta({ description: 'Database servers that all take writes', unit: 'servers' }),
      replicationLagMs: z.number().nonnegative().max(3_600_000).default(20).meta({ description: 'Mean replication lag between masters', unit: 'ms' }),
    })
    .strict(),
]).meta({ description: 'How the database is replicated' });

export const NODE_SCHEMAS = {
  'traffic-source': node('traffic-source', {
    /** People or clients behind the source (informational). */
    clients: z.number().int().nonnegative().max(10_000_000_000).optional().meta({ description: 'People or clients behind the source (informational)', unit: 'clients' }),
    rate: rateProfileSchema,
    arrivals: z.enum(['poisson', 'deterministic']).default('poisson').meta({ description: 'Poisson: random arrivals at the rate; deterministic: evenly spaced' }),
    classes: z.array(requestClassSchema).min(1).max(64).default([{ name: 'default', weight: 1, operation: 'read' }]).meta({ description: 'The mix of request kinds this source sends' }),
    /** The client gives up after this long; none: waits forever. */
    timeoutMs: z.number().positive().max(3_600_000).optional().meta({ description: 'The client gives up after this long; none: waits forever', unit: 'ms' }),
  }),
  geodns: node('geodns', {
    policy: z.enum(['latency', 'geo', 'weighted', 'failover']).default('latency').meta({ description: 'How a target is picked for each client' }),
    ttlS: z.number().int().min(0).max(86_400).default(60).meta({ description: 'How long clients cache an answer', unit: 's' }),
    anycast: z.boolean().default(true).meta({ description: 'One address announced from every region' }),
  }),
  'load-balancer': node('load-balancer', {
    product: z.enum(['nginx', 'haproxy', 'traefik', 'envoy', 'cloud']).default('nginx').meta({ description: 'The balancer software (its image when brought up in Docker)' }),
    algorithm: z.enum(['round-robin', 'least-connections', 'random', 'weighted']).default('round-robin').meta({ description: 'How a backend is picked for each request' }),
    /** Added latency per request through the balancer. */
    overheadMs: z.number().nonnegative().max(60_000).default(0.2).meta({ description: 'Added latency per request through the balancer', unit: 'ms' }),
    maxConnections: z.number().int().positive().max(100_000_000).optional().meta({ description: 'Connections held at once; none: unlimited', unit: 'connections' }),
    healthCheckIntervalS: z.number().positive().max(3600).default(5).meta({ description: 'How often backends are checked', unit: 's' }),
    replicas: z.number().int().min(1).max(1000).default(1).meta({ description: 'Balancer instances', unit: 'replicas' }),
  }),
  'app-service': node('app-service', {
    runtime: z.enum(['node-express', 'node-express-tfjs']).default('node-express').meta({ description: 'The service template it is built from' }),
    ...stationFields,
    hotReload: z.boolean().default(false).meta({ description: 'Restarts on code changes (development)' }),
    debug: z.boolean().default(false).meta({ description: 'Debug logging and inspector port (development)' }),
    version: z.string().max(100).default('v1').meta({ description: 'The version deployed; deployments in the scenario change it' }),
  }),
  postgres: node('postgres', {
    version: z.string().max(20).default('14').meta({ description: 'PostgreSQL major version (the image tag)' }),
    topology: postgresTopology.default({ mode: 'single' }),
    maxConnections: z.number().int().positive().max(100_000).default(100).meta({ description: 'Queries served at once; more wait', unit: 'connections' }),
    /** Server-side work per query. */
    readTime: distributionSchema.default({ type: 'exponential', meanMs: 2 }).meta({ description: 'Server-side time of one read query' }),
    writeTime: distributionSchema.default({ type: 'exponential', meanMs: 5 }).meta({ description: 'Server-side time of one write query' }),
    backup: backupSchema.default({ type: 'none', retentionDays: 7, geoRedundant: false }),
    failover: z
      .object({
        automatic: z.boolean().default(true).meta({ description: 'A replica is promoted when the primary fails' }),
        promotionS: z.number().nonnegative().max(3600).default(30).meta({ description: 'Time to promote a replica', unit: 's' }),
      })
      .strict()
      .default({ automatic: true, promotionS: 30 })
      .meta({ description: 'What happens when the primary fails' }),
    seedData: z.boolean().default(false).meta({ description: 'Loads sample data when brought up in Docker' }),
    storageGiB: z.number().positive().max(1_000_000).default(20).meta({ description: 'Disk size of the volume', unit: 'GiB' }),
  }),
  redis: node('redis', {
    version: z.string().max(20).default('7').meta({ description: 'Redis major version (the image tag)' }),
    hitRatio: z.number().min(0).max(1).default(0.8).meta({ description: 'Share of reads the cache answers (0–1); misses go on to the next node', unit: '0–1' }),
    latency: distributionSchema.default({ type: 'exponential', meanMs: 0.5 }).meta({ description: 'Time of one cache operation' }),
    maxMemoryMiB: z.number().int().positive().max(4_194_304).default(256).meta({ description: 'Memory limit (maxmemory)', unit: 'MiB' }),
    eviction: z.enum(['allkeys-lru', 'allkeys-lfu', 'volatile-lru', 'noeviction']).default('allkeys-lru').meta({ description: 'What goes when memory is full (maxmemory-policy)' }),
    replicas: z.number().int().min(1).max(1000).default(1).meta({ description: 'Cache instances', unit: 'replicas' }),
  }),
  kafka: node('kafka', {
    brokers: z.number().int().min(1).max(1000).default(1).meta({ description: 'Kafka brokers in the cluster', unit: 'brokers' }),
    topics: z
      .array(
        z
          .object({
            name: z
              .string()
              .regex(/^[a-zA-Z0-9._-]{1,249}$/, { message: 'a Kafka topic name: letters, digits, . _ -' })
              .meta({ description: 'Name of the topic; publish and consume links name it' }),
            partitions: z.number().int().min(1).max(100_000).default(1).meta({ description: 'Partitions: the most consumers of one group that work at once', unit: 'partitions' }),
            replicationFactor: z.number().int().min(1).max(100).default(1).meta({ description: 'Copies of each partition', unit: 'copies' }),
          })
          .strict(),
      )
      .max(10_000)
      .default([])
      .meta({ description: 'Topics the brokers hold' }),
    /** Broker append latency. */
    latency: distributionSchema.default({ type: 'exponential', meanMs: 2 }).meta({ description: 'Broker append latency' }),
  }),
  prometheus: node('prometheus', {
    scrapeIntervalS: z.number().positive().max(3600).default(15).meta({ description: 'How often targets are scraped', unit: 's' }),
    retentionDays: z.number().positive().max(36_500).default(15).meta({ description: 'How long samples are kept', unit: 'days' }),
  }),
  grafana: node('grafana', { dashboards: z.array(z.string().max(200)).max(1000).default([]).meta({ description: 'Dashboards provisioned at start' }) }),
  thanos: node('thanos', {
    retentionDays: z.number().positive().max(36_500).default(365).meta({ description: 'How long downsampled history is kept', unit: 'days' }),
    objectStore: z.enum(['s3', 'gcs', 'azure', 'local']).default('s3').meta({ description: 'Where blocks are stored' }),
  }),
  elasticsearch: node('elasticsearch', {
    nodes: z.number().int().min(1).max(1000).default(1).meta({ description: 'Elasticsearch nodes in the cluster', unit: 'nodes' }),
    retentionDays: z.number().positive().max(36_500).default(30).meta({ description: 'How long log indices are kept', unit: 'days' }),
  }),
  logstash: node('logstash', { pipelines: z.array(z.string().max(200)).max(1000).default([]).meta({ description: 'Pipeline names' }) }),
  kibana: node('kibana', {}),
  'ml-inference': node('ml-inference', {
    framework: z.enum(['tensorflow.js', 'tensorflow', 'pytorch', 'scikit-learn', 'xgboost']).default('tensorflow.js').meta({ description: 'The framework the model runs in' }),
    /** What the model does; the ML lab trains models for these purposes. */
    purpose: z
      .enum(['anomaly-detection', 'load-forecast', 'autoscaling-policy', 'query-tuning', 'cache-optimization', 'log-analysis'])
      .meta({ description: 'What the model does; the ML lab trains models for these purposes' }),
    model: z.string().max(200).optional().meta({ description: 'A model from the ML lab; none: a built-in baseline' }),
    /** Anomaly detection only: the series `model` scores during a run; its alerts are AnomalyDetected. */
    watch: watchSchema.optional(),
    latencyBudgetMs: z.number().positive().max(60_000).default(50).meta({ description: 'Longest an inference may take', unit: 'ms' }),
    onlineLearning: z.boolean().default(false).meta({ description: 'Keeps training on live data' }),
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
