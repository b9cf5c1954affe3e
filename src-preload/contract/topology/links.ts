import { z } from 'zod';
import { idSchema } from './ids.js';

const latencyMs = z.number().nonnegative().max(600_000).default(0.5).meta({ description: 'One-way network latency of the link', unit: 'ms' });

const common = {
  from: idSchema.meta({ description: 'The node the link starts at' }),
  to: idSchema.meta({ description: 'The node the link goes to' }),
  label: z.string().max(200).optional().meta({ description: 'Shown on the canvas' }),
  latencyMs,
};

/** How nodes relate: who calls whom, who replicates, who scrapes, where logs go. */
export const linkSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('call'),
      ...common,
      /** Share of requests at `from` that make this call. */
      probability: z.number().min(0).max(1).default(1).meta({ description: 'Share of requests at the source that make this call (0–1)', unit: '0–1' }),
      /** Calls made per request that makes one. */
      fanOut: z.number().int().min(1).max(1000).default(1).meta({ description: 'Calls made per request that makes one', unit: 'calls' }),
      /** Only these request classes take the link; none: all. */
      classes: z.array(z.string().max(32)).max(64).optional().meta({ description: 'Only these request classes take the link; none: all' }),
      /** Weight when a load balancer or GeoDNS picks among several targets. */
      weight: z.number().positive().max(1_000_000).default(1).meta({ description: 'Weight when a load balancer or GeoDNS picks among several targets' }),
      timeoutMs: z.number().positive().max(3_600_000).optional().meta({ description: 'The caller gives up after this long; none: no limit', unit: 'ms' }),
    })
    .strict(),
  z
    .object({
      type: z.literal('publish'),
      ...common,
      topic: z.string().min(1).max(249).meta({ description: 'The Kafka topic written to' }),
      probability: z.number().min(0).max(1).default(1).meta({ description: 'Share of requests that publish a message (0–1)', unit: '0–1' }),
    })
    .strict(),
  z
    .object({
      type: z.literal('consume'),
      ...common,
      topic: z.string().min(1).max(249).meta({ description: 'The Kafka topic read from' }),
      group: z.string().min(1).max(249).meta({ description: 'Consumer group: each message goes to one consumer of the group' }),
      consumers: z.number().int().min(1).max(10_000).default(1).meta({ description: 'Consumers in the group', unit: 'consumers' }),
    })
    .strict(),
  z.object({ type: z.literal('replication'), ...common, mode: z.enum(['async', 'sync']).default('async').meta({ description: 'sync: a write waits for the copy' }) }).strict(),
  z
    .object({
      type: z.literal('scrape'),
      ...common,
      path: z.string().startsWith('/').max(2048).default('/metrics').meta({ description: 'HTTP path of the metrics' }),
      port: z.number().int().min(1).max(65535).optional().meta({ description: "Port of the metrics; none: the target's first port" }),
    })
    .strict(),
  z.object({ type: z.literal('logs'), ...common }).strict(),
  /** A dashboard or query layer reading from a metrics or log store (Grafana → Prometheus, Thanos → Prometheus). */
  z.object({ type: z.literal('query'), ...common }).strict(),
]);
export type Link = z.infer<typeof linkSchema>;
export type LinkType = Link['type'];
export const LINK_TYPES = ['call', 'publish', 'consume', 'replication', 'scrape', 'logs', 'query'] as const satisfies readonly LinkType[];
