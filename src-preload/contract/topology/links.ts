import { z } from 'zod';
import { idSchema } from './ids.js';

const latencyMs = z.number().nonnegative().max(600_000).default(0.5).describe('One-way network latency of the link');

const common = {
  from: idSchema,
  to: idSchema,
  label: z.string().max(200).optional(),
  latencyMs,
};

/** How nodes relate: who calls whom, who replicates, who scrapes, where logs go. */
export const linkSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('call'),
      ...common,
      /** Share of requests at `from` that make this call. */
      probability: z.number().min(0).max(1).default(1),
      /** Calls made per request that makes one. */
      fanOut: z.number().int().min(1).max(1000).default(1),
      /** Only these request classes take the link; none: all. */
      classes: z.array(z.string().max(32)).max(64).optional(),
      /** Weight when a load balancer or GeoDNS picks among several targets. */
      weight: z.number().positive().max(1_000_000).default(1),
      timeoutMs: z.number().positive().max(3_600_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('publish'), ...common, topic: z.string().min(1).max(249), probability: z.number().min(0).max(1).default(1) }).strict(),
  z.object({ type: z.literal('consume'), ...common, topic: z.string().min(1).max(249), group: z.string().min(1).max(249), consumers: z.number().int().min(1).max(10_000).default(1) }).strict(),
  z.object({ type: z.literal('replication'), ...common, mode: z.enum(['async', 'sync']).default('async') }).strict(),
  z.object({ type: z.literal('scrape'), ...common, path: z.string().startsWith('/').max(2048).default('/metrics'), port: z.number().int().min(1).max(65535).optional() }).strict(),
  z.object({ type: z.literal('logs'), ...common }).strict(),
  /** A dashboard or query layer reading from a metrics or log store (Grafana → Prometheus, Thanos → Prometheus). */
  z.object({ type: z.literal('query'), ...common }).strict(),
]);
export type Link = z.infer<typeof linkSchema>;
export type LinkType = Link['type'];
export const LINK_TYPES = ['call', 'publish', 'consume', 'replication', 'scrape', 'logs', 'query'] as const satisfies readonly LinkType[];
