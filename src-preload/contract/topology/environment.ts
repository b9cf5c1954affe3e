import { z } from 'zod';
import { CLOUD_PROVIDERS } from './groups.js';
import { idSchema } from './ids.js';

export const ENVIRONMENTS = ['production', 'development', 'experimental', 'custom'] as const;

export const ALERT_METRICS = [
  'cpu_percent',
  'memory_percent',
  'disk_percent',
  'network_mbps',
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  'error_rate_percent',
  'throughput_rps',
  'queue_length',
  'utilization_percent',
  'replicas',
  'replication_lag_ms',
  'consumer_lag',
  'anomaly_score',
  'up',
] as const;

/** An alert: a threshold on one node's metric held for a while (Prometheus `for`). */
export const alertRuleSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,127}$/, { message: 'an alert name: letters, digits and _, starting with a letter' }),
    /** A node id, or `*` for every node that has the metric. */
    target: z.union([idSchema, z.literal('*')]),
    metric: z.enum(ALERT_METRICS),
    op: z.enum(['>', '>=', '<', '<=', '==', '!=']),
    threshold: z.number(),
    forS: z.number().nonnegative().max(86_400).default(60),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    summary: z.string().max(1000).optional(),
    notify: z.array(z.enum(['email', 'slack', 'pagerduty', 'webhook', 'console'])).max(10).default([]),
  })
  .strict();
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** How the environment ships, is secured, watched and spread over clouds. */
export const environmentSettingsSchema = z
  .object({
    scaling: z.enum(['horizontal-autoscaling', 'manual', 'predictive-ai', 'learned']).default('manual'),
    deployment: z
      .object({
        method: z.enum(['rolling-update', 'recreate', 'blue-green', 'canary', 'docker-compose', 'kubernetes']).default('rolling-update'),
        orchestrator: z.enum(['none', 'docker-compose', 'kubernetes']).default('kubernetes'),
        zeroDowntime: z.boolean().default(false),
        rollback: z.enum(['none', 'manual', 'automated']).default('manual'),
        testsBeforeDeploy: z.boolean().default(false),
        hotReload: z.boolean().default(false),
        chaosEngineering: z.boolean().default(false),
        multiCloud: z.boolean().default(false),
      })
      .strict()
      .default({
        method: 'rolling-update',
        orchestrator: 'kubernetes',
        zeroDowntime: false,
        rollback: 'manual',
        testsBeforeDeploy: false,
        hotReload: false,
        chaosEngineering: false,
        multiCloud: false,
      }),
    security: z
      .object({
        encryption: z.enum(['none', 'optional', 'tls', 'aes-256']).default('tls'),
        accessControl: z.enum(['relaxed', 'strict', 'zero-trust']).default('strict'),
        hardenedEndpoints: z.boolean().default(false),
        localOnly: z.boolean().default(false),
        threatDetection: z.boolean().default(false),
        notes: z.string().max(10_000).optional(),
      })
      .strict()
      .default({ encryption: 'tls', accessControl: 'strict', hardenedEndpoints: false, localOnly: false, threatDetection: false }),
    monitoring: z
      .object({
        logging: z.enum(['console', 'file', 'elk']).default('console'),
        verbose: z.boolean().default(false),
        /** What is watched on every node. */
        metrics: z.array(z.enum(['cpu', 'memory', 'disk', 'network', 'latency', 'errors', 'throughput'])).max(16).default([]),
        scrapeIntervalS: z.number().positive().max(3600).default(15),
        retentionDays: z.number().positive().max(36_500).default(15),
        longTermRetention: z.boolean().default(false),
        anomalyAlerts: z.boolean().default(false),
        aiLogAnalysis: z.boolean().default(false),
        alertRules: z.array(alertRuleSchema).max(10_000).default([]),
        emailTo: z.array(z.email()).max(100).default([]),
      })
      .strict()
      .default({
        logging: 'console',
        verbose: false,
        metrics: [],
        scrapeIntervalS: 15,
        retentionDays: 15,
        longTermRetention: false,
        anomalyAlerts: false,
        aiLogAnalysis: false,
        alertRules: [],
        emailTo: [],
      }),
    multiCloud: z
      .object({
        clouds: z.array(z.enum(CLOUD_PROVIDERS)).max(6).default([]),
        orchestrator: z.enum(['none', 'kubernetes', 'kubernetes-crds']).default('none'),
        globalLoadBalancing: z.enum(['none', 'geodns', 'geodns-anycast']).default('none'),
        failover: z.enum(['none', 'manual', 'automatic-cross-cloud']).default('none'),
        primaryRegion: z.string().max(100).optional(),
        /** One-way latency between regions unless a link says otherwise. */
        interRegionLatencyMs: z.number().nonnegative().max(10_000).default(40),
      })
      .strict()
      .default({ clouds: [], orchestrator: 'none', globalLoadBalancing: 'none', failover: 'none', interRegionLatencyMs: 40 }),
    /** Default price of an instance-hour where a group gives none. */
    instanceHourCost: z.number().nonnegative().max(10_000).default(0.05),
  })
  .strict();
export type EnvironmentSettings = z.infer<typeof environmentSettingsSchema>;
