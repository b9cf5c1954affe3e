// The Docker part of the contract: engine status, containers, logs, stats, images.
//
// Methods (window.devsim.<name>):
//   dockerStatus()                      the connection now (connects on first use)
//   dockerConnect({endpoint?})          reconnect: with endpoint, only that address (DOCKER_UNAVAILABLE if it fails);
//                                       without, discovery (setting, DOCKER_HOST, context, default/Desktop/Podman sockets)
//   listContainers({scope?})            'all' (default) or 'managed' (labelled io.devsim.*)
//   containerAction({id, action, explicit?})  start|stop|restart|pause|unpause|kill; on a container the app did
//                                       not create only with explicit: true (a person's single action), else FORBIDDEN
//   inspectContainer({id})              docker inspect JSON
//   removeContainer({id, force?, explicit?})  one container (the renderer confirms first)
//   removeContainers({operationId, ids?, topologyId?})  bulk: only managed containers; progress + cancel
//   listImages() / removeImage({image, force?})
//   pullImage({operationId, image})     progress as operationProgress events; cancelOperation stops it
//   cancelOperation({operationId})
//   startLogs({streamId, id, tail?, timestamps?, follow?, since?}) / stopLogs({streamId})
//   startStats({streamId, id}) / stopStats({streamId})
// Events (window.devsim.onXxx):
//   dockerStatus, containersChanged (the whole list after each engine event or re-sync),
//   logChunk, statsSample, dockerStreamEnded (a log or stats stream closed, with why),
//   operationProgress
// Errors: DOCKER_UNAVAILABLE (no engine: message says what to do), NOT_FOUND, CONFLICT,
//   PORT_IN_USE, IMAGE_MISSING, FORBIDDEN (a container the app did not create), CANCELLED.
import { z } from 'zod';

/** Docker's own rule for container names, or an id (full 64 or short 12+ hex). */
const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]{1,254}$/;
const CONTAINER_ID = /^[0-9a-f]{12,64}$/;
export const containerRefSchema = z
  .string()
  .max(255)
  .refine((s) => CONTAINER_ID.test(s) || CONTAINER_NAME.test(s), { message: 'a container id (12–64 hex digits) or a name like web-1' })
  .transform((s) => s.replace(/^\//, '')); // "/web-1" as the engine lists names

/** An image reference (repo[:tag][@digest]) or an image id (sha256:… or hex). */
export const imageRefSchema = z
  .string()
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._/:@-]*$/, { message: 'an image like busybox:latest, registry/repo:tag or sha256:…' });

/** Ids the renderer makes up for operations and streams, so it can cancel before the reply comes. */
export const operationIdSchema = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'letters, digits, - or _ (1–64)' });

/** The label every container, network and volume the app creates carries. */
export const MANAGED_LABEL_PREFIX = 'io.devsim.';
export const TOPOLOGY_LABEL = 'io.devsim.topology';
const topologyIdSchema = z.string().min(1).max(200);

export const ENDPOINT_SOURCES = [
  'setting',
  'argument',
  'DOCKER_HOST',
  'docker-context',
  'default-socket',
  'docker-desktop',
  'podman',
  'windows-pipe',
] as const;
export const endpointSchema = z.object({
  /** unix:///path, tcp://host:port, npipe:////./pipe/name */
  url: z.string(),
  kind: z.enum(['unix', 'tcp', 'npipe']),
  source: z.enum(ENDPOINT_SOURCES),
  tls: z.boolean(),
});
export type DockerEndpointDto = z.infer<typeof endpointSchema>;

export const dockerStatusSchema = z.object({
  /** idle: not tried yet; connecting: trying; connected; unavailable: see message and retryInMs. */
  state: z.enum(['idle', 'connecting', 'connected', 'unavailable']),
  endpoint: endpointSchema.nullable(),
  engine: z
    .object({
      /** "Docker Engine", "Podman Engine", … from /version Components or Platform. */
      name: z.string(),
      version: z.string(),
      apiVersion: z.string(),
      minApiVersion: z.string().optional(),
      os: z.string(),
      arch: z.string(),
      kernelVersion: z.string().optional(),
    })
    .nullable(),
  /** A sentence for people: what is connected, or what went wrong and what to do. */
  message: z.string(),
  /** Every address tried, in order, with why it failed (empty once connected first try). */
  tried: z.array(z.object({ url: z.string(), source: z.enum(ENDPOINT_SOURCES), error: z.string() })),
  /** When unavailable: milliseconds to the next automatic try; null when none is planned. */
  retryInMs: z.number().int().nonnegative().nullable(),
});
export type DockerStatus = z.infer<typeof dockerStatusSchema>;

export const CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
export const containerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: z.enum(CONTAINER_STATES),
  /** Docker's own words, e.g. "Up 3 minutes (healthy)". */
  status: z.string(),
  createdAt: z.string(), // ISO 8601
  ports: z.array(z.object({ privatePort: z.number(), publicPort: z.number().optional(), ip: z.string().optional(), type: z.string() })),
  labels: z.record(z.string(), z.string()),
  /** Created by this app (carries an io.devsim.* label): bulk operations touch only these. */
  managed: z.boolean(),
  topologyId: z.string().nullable(),
});
export type ContainerSummary = z.infer<typeof containerSummarySchema>;

export const CONTAINER_ACTIONS = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'] as const;
export type ContainerActionName = (typeof CONTAINER_ACTIONS)[number];

export const imageSummarySchema = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  sizeBytes: z.number().nonnegative(),
  createdAt: z.string(),
  /** Containers using it (-1: the engine did not count). */
  containers: z.number().int(),
});
export type ImageSummary = z.infer<typeof imageSummarySchema>;

export const logLineSchema = z.object({
  stream: z.enum(['stdout', 'stderr']),
  /** The engine's RFC 3339 timestamp when asked for (timestamps: true). */
  time: z.string().optional(),
  text: z.string(),
});
export type LogLine = z.infer<typeof logLineSchema>;

export const statsSampleSchema = z.object({
  streamId: operationIdSchema,
  containerId: z.string(),
  time: z.string(),
  /** As `docker stats`: cpu delta / system delta × online CPUs × 100. */
  cpuPercent: z.number().nonnegative(),
  onlineCpus: z.number().int().nonnegative(),
  /** Usage minus page cache, as `docker stats`. */
  memoryBytes: z.number().nonnegative(),
  memoryLimitBytes: z.number().nonnegative(),
  memoryPercent: z.number().nonnegative(),
  networkRxBytes: z.number().nonnegative(),
  networkTxBytes: z.number().nonnegative(),
  blockReadBytes: z.number().nonnegative(),
  blockWriteBytes: z.number().nonnegative(),
  pids: z.number().int().nonnegative(),
});
export type StatsSample = z.infer<typeof statsSampleSchema>;

export const operationProgressSchema = z.object({
  operationId: operationIdSchema,
  kind: z.enum(['pull', 'remove']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  message: z.string(),
  /** Bytes for a pull, containers for a remove; absent when unknown. */
  current: z.number().nonnegative().optional(),
  total: z.number().nonnegative().optional(),
});
export type OperationProgress = z.infer<typeof operationProgressSchema>;

const byContainer = z.object({ id: containerRefSchema }).strict();
const stopped = z.object({ stopped: z.boolean() });

export const dockerMethods = {
  dockerStatus: { args: z.undefined(), result: dockerStatusSchema },
  dockerConnect: {
    args: z.object({ endpoint: z.string().min(1).max(1024).optional() }).strict().optional(),
    result: dockerStatusSchema,
  },
  listContainers: {
    args: z.object({ scope: z.enum(['all', 'managed']).default('all') }).strict().optional(),
    result: z.array(containerSummarySchema),
  },
  containerAction: {
    args: z
      .object({
        id: containerRefSchema,
        action: z.enum(CONTAINER_ACTIONS),
        /** A person chose this container in the UI; required for one the app did not create. */
        explicit: z.boolean().default(false),
        /** stop/restart: seconds before SIGKILL (Docker's default 10). */
        timeoutS: z.number().int().min(0).max(600).optional(),
      })
      .strict(),
    result: containerSummarySchema,
  },
  inspectContainer: { args: byContainer, result: z.record(z.string(), z.unknown()) },
  removeContainer: {
    args: z.object({ id: containerRefSchema, force: z.boolean().default(false), explicit: z.boolean().default(false) }).strict(),
    result: z.object({ removed: z.string() }),
  },
  /** Bulk: never touches a container without io.devsim.* labels, whatever ids are given. */
  removeContainers: {
    args: z
      .object({
        operationId: operationIdSchema,
        ids: z.array(containerRefSchema).max(1000).optional(),
        topologyId: topologyIdSchema.optional(),
        force: z.boolean().default(true),
      })
      .strict()
      .refine((a) => a.ids !== undefined || a.topologyId !== undefined, { message: 'give ids or topologyId' }),
    result: z.object({
      removed: z.array(z.string()),
      skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
      cancelled: z.boolean(),
    }),
  },
  listImages: { args: z.undefined(), result: z.array(imageSummarySchema) },
  removeImage: {
    args: z.object({ image: imageRefSchema, force: z.boolean().default(false) }).strict(),
    result: z.object({ removed: z.array(z.string()) }),
  },
  pullImage: {
    args: z.object({ operationId: operationIdSchema, image: imageRefSchema }).strict(),
    result: z.object({ image: z.string(), cancelled: z.boolean() }),
  },
  cancelOperation: { args: z.object({ operationId: operationIdSchema }).strict(), result: z.object({ cancelled: z.boolean() }) },
  startLogs: {
    args: z
      .object({
        streamId: operationIdSchema,
        id: containerRefSchema,
        follow: z.boolean().default(true),
        timestamps: z.boolean().default(true),
        tail: z.number().int().min(0).max(100_000).default(500),
        /** Unix seconds. */
        since: z.number().int().nonnegative().optional(),
      })
      .strict(),
    result: z.object({ streamId: operationIdSchema }),
  },
  stopLogs: { args: z.object({ streamId: operationIdSchema }).strict(), result: stopped },
  startStats: {
    args: z.object({ streamId: operationIdSchema, id: containerRefSchema }).strict(),
    result: z.object({ streamId: operationIdSchema }),
  },
  stopStats: { args: z.object({ streamId: operationIdSchema }).strict(), result: stopped },
} as const;

export const dockerEvents = {
  dockerStatus: dockerStatusSchema,
  containersChanged: z.object({
    containers: z.array(containerSummarySchema),
    /** event: an engine event; resync: after (re)connecting or a lost stream; action: after our own call. */
    reason: z.enum(['event', 'resync', 'action']),
  }),
  logChunk: z.object({ streamId: operationIdSchema, containerId: z.string(), lines: z.array(logLineSchema) }),
  statsSample: statsSampleSchema,
  dockerStreamEnded: z.object({
    streamId: operationIdSchema,
    kind: z.enum(['logs', 'stats']),
    /** stopped: asked to; ended: the container stopped or went away; failed: the engine broke it. */
    reason: z.enum(['stopped', 'ended', 'failed']),
    message: z.string(),
  }),
  operationProgress: operationProgressSchema,
} as const;
