// Bringing a topology up as real containers, tearing it down, and chaos on those containers.
//
// Methods: planBringUp({document}) what would be created; bringUp({bringUpId, document, timeoutS})
//   creates the network and containers in dependency order, waiting for health (progress as
//   bringUpProgress events; cancelBringUp stops it and rolls back); tearDown({topologyId})
//   removes exactly what carries the topology's labels; listBringUps() re-syncs from the
//   engine's labels; chaosAction({id, action}) kill/pause/unpause/restart on a container the
//   app created, recorded as a timeline event (chaosRecorded); listChaosEvents({topologyId});
//   runChaosScenario({operationId, document, speed}) plays the document's faults on its containers
//   (cancelChaosScenario stops it and unpauses what it paused).
// Errors: IMAGE_MISSING (names the image and how to get it), PORT_IN_USE (names node and
//   port), BAD_REQUEST (a dependency cycle, naming its nodes), CONFLICT, CANCELLED, FORBIDDEN.
import { z } from 'zod';
import { containerRefSchema, operationIdSchema } from './docker.js';
import { runEventSchema } from './runs.js';
import { topologySchema } from './topology/index.js';

const topologyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'a topology id: lower-case letters, digits and hyphens' });

export const BRING_UP_PHASES = ['checking', 'network', 'creating', 'starting', 'waiting', 'ready', 'rolling-back', 'done', 'failed', 'cancelled'] as const;

export const bringUpProgressSchema = z.object({
  bringUpId: operationIdSchema,
  topologyId: z.string(),
  phase: z.enum(BRING_UP_PHASES),
  node: z.string().optional(),
  container: z.string().optional(),
  message: z.string(),
  /** Containers ready so far, of total. */
  current: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BringUpProgress = z.infer<typeof bringUpProgressSchema>;

export const bringUpPlanSchema = z.object({
  topologyId: z.string(),
  network: z.string(),
  nodes: z.array(
    z.object({
      node: z.string(),
      kind: z.string(),
      image: z.string(),
      after: z.array(z.string()),
      containers: z.array(z.string()),
      ports: z.array(z.string()),
    }),
  ),
  simulatedOnly: z.array(z.object({ node: z.string(), kind: z.string() })),
  notes: z.array(z.object({ severity: z.enum(['info', 'warning']), code: z.string(), path: z.string(), message: z.string() })),
});
export type BringUpPlanDto = z.infer<typeof bringUpPlanSchema>;

/** What the engine holds for one topology, found by labels (also after the app restarts). */
export const bringUpStateSchema = z.object({
  topologyId: z.string(),
  bringUpIds: z.array(z.string()),
  networks: z.array(z.string()),
  containers: z.array(
    z.object({ id: z.string(), name: z.string(), node: z.string(), replica: z.number().int(), state: z.string(), status: z.string() }),
  ),
});
export type BringUpState = z.infer<typeof bringUpStateSchema>;

export const CHAOS_ACTIONS = ['kill', 'pause', 'unpause', 'restart'] as const;
export type ChaosActionName = (typeof CHAOS_ACTIONS)[number];

/** A run event (same fields as the simulator's faults on the timeline) from a real container. */
export const chaosEventSchema = runEventSchema.extend({
  source: z.literal('docker'),
  topologyId: z.string(),
  container: z.string(),
  /** Wall clock, ISO 8601; tMs counts from the topology's bring-up. */
  at: z.string(),
});
export type ChaosEvent = z.infer<typeof chaosEventSchema>;

export const bringUpMethods = {
  planBringUp: { args: z.object({ document: topologySchema }).strict(), result: bringUpPlanSchema },
  bringUp: {
    args: z
      .object({
        bringUpId: operationIdSchema,
        document: topologySchema,
        /** How long each container may take to turn ready. */
        timeoutS: z.number().int().min(1).max(3600).default(60),
      })
      .strict(),
    result: z.object({ topologyId: z.string(), bringUpId: z.string(), network: z.string(), containers: z.array(z.string()) }),
  },
  cancelBringUp: { args: z.object({ bringUpId: operationIdSchema }).strict(), result: z.object({ cancelled: z.boolean() }) },
  tearDown: {
    args: z.object({ topologyId: topologyIdSchema }).strict(),
    result: z.object({ containers: z.array(z.string()), networks: z.array(z.string()) }),
  },
  listBringUps: { args: z.undefined(), result: z.array(bringUpStateSchema) },
  chaosAction: { args: z.object({ id: containerRefSchema, action: z.enum(CHAOS_ACTIONS) }).strict(), result: chaosEventSchema },
  listChaosEvents: { args: z.object({ topologyId: topologyIdSchema }).strict(), result: z.array(chaosEventSchema) },
  /** The document's planned faults acted out on its brought-up containers, at `speed` scenario seconds per second. */
  runChaosScenario: {
    args: z.object({ operationId: operationIdSchema, document: topologySchema, speed: z.number().min(0.01).max(10_000).default(1) }).strict(),
    result: z.object({
      events: z.array(chaosEventSchema),
      failed: z.array(z.object({ step: z.string(), reason: z.string() })),
      skipped: z.array(z.object({ fault: z.string(), reason: z.string() })),
      cancelled: z.boolean(),
    }),
  },
  cancelChaosScenario: { args: z.object({ operationId: operationIdSchema }).strict(), result: z.object({ cancelled: z.boolean() }) },
} as const;

export const bringUpEvents = {
  bringUpProgress: bringUpProgressSchema,
  chaosRecorded: chaosEventSchema,
} as const;
