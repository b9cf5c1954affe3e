import { z } from 'zod';
import { ENVIRONMENTS, environmentSettingsSchema } from './environment.js';
import { groupSchema } from './groups.js';
import { idSchema } from './ids.js';
import { linkSchema } from './links.js';
import { nodeSchema } from './nodes.js';
import { scenarioSchema } from './scenario.js';

export const API_VERSION = 'devsim.io/v1';
export const DOCUMENT_KIND = 'Topology';
/** Far beyond any real lab (the editor is measured at 500); keeps untrusted files bounded. */
export const MAX_NODES = 10_000;

export const metadataSchema = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().max(20_000).optional(),
    environment: z.enum(ENVIRONMENTS).default('custom'),
    labels: z.record(z.string().max(63), z.string().max(256)).default({}),
  })
  .strict();

/**
 * What an import could not map, kept verbatim so nothing is dropped silently: the compose
 * export writes whole service fields (`node` + `field`) and top-level sections (`section`)
 * back; the rest stays here for a person to read.
 */
export const importedSchema = z
  .object({
    from: z.enum(['compose']),
    file: z.string().max(4096).optional(),
    unmapped: z
      .array(
        z
          .object({
            /** Where it was in the source file, e.g. `services.web.cap_add`. */
            path: z.string().max(4096),
            /** The node the part belonged to. */
            node: idSchema.optional(),
            /** A whole service field of that node (restorable on export). */
            field: z.string().max(256).optional(),
            /** A whole top-level section of the source (restorable on export). */
            section: z.string().max(256).optional(),
            value: z.json(),
            reason: z.string().max(2000),
          })
          .strict(),
      )
      .max(100_000)
      .default([]),
  })
  .strict();
export type Imported = z.infer<typeof importedSchema>;

/** The topology document: what a `*.devsim.yaml` file holds. */
export const topologySchema = z
  .object({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(DOCUMENT_KIND),
    metadata: metadataSchema,
    groups: z.record(idSchema, groupSchema).default({}),
    nodes: z.record(idSchema, nodeSchema).refine((n) => Object.keys(n).length <= MAX_NODES, { message: `at most ${MAX_NODES} nodes` }),
    links: z.array(linkSchema).max(100_000).default([]),
    scenario: scenarioSchema.default({
      durationS: 3600,
      seed: 1,
      warmupS: 0,
      coldStart: false,
      faults: [],
      deployments: [],
      slo: { latencyP99Ms: 500, errorRatePercent: 1, steadyStateS: 60 },
    }),
    settings: environmentSettingsSchema.default(environmentSettingsSchema.parse({})),
    imported: importedSchema.optional(),
  })
  .strict();

export type Topology = z.infer<typeof topologySchema>;
export type TopologyInput = z.input<typeof topologySchema>;
