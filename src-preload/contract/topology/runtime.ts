import { z } from 'zod';

/** A port the node listens on; `hostPort` publishes it on the host (Docker) or a Service (Kubernetes). */
export const portSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,14}$/, { message: 'use up to 15 lower-case letters, digits or hyphens' }).optional().meta({ description: 'Name of the port (Kubernetes)' }),
    port: z.number().int().min(1).max(65535).describe('Port inside the container'),
    hostPort: z.number().int().min(1).max(65535).optional().describe('Port published on the host'),
    protocol: z.enum(['tcp', 'udp']).default('tcp').meta({ description: 'Transport protocol' }),
  })
  .strict();
export type Port = z.infer<typeof portSchema>;

/** How Docker and Kubernetes tell the node is healthy. */
export const healthCheckSchema = z
  .object({
    /** An HTTP GET on a port (liveness/readiness probe), or a command run in the container. */
    http: z
      .object({
        path: z.string().startsWith('/').max(2048).meta({ description: 'Path of the HTTP GET, e.g. /health' }),
        port: z.number().int().min(1).max(65535).meta({ description: 'Port inside the container' }),
      })
      .strict()
      .optional()
      .meta({ description: 'An HTTP GET that must answer 2xx or 3xx' }),
    command: z.array(z.string().max(4096)).min(1).max(64).optional().meta({ description: 'A command run in the container that must exit 0' }),
    intervalS: z.number().positive().max(3600).default(10).meta({ description: 'Time between checks', unit: 's' }),
    timeoutS: z.number().positive().max(600).default(3).meta({ description: 'A check taking longer fails', unit: 's' }),
    retries: z.number().int().min(1).max(100).default(3).meta({ description: 'Failures in a row before unhealthy', unit: 'checks' }),
    startPeriodS: z.number().nonnegative().max(3600).default(0).meta({ description: 'Failures during this start time do not count', unit: 's' }),
  })
  .strict()
  .refine((h) => (h.http === undefined) !== (h.command === undefined), {
    message: 'give either http or command, not both or neither',
  })
  .meta({ description: 'How Docker and Kubernetes tell the node is healthy' });
export type HealthCheck = z.infer<typeof healthCheckSchema>;

/** CPU in cores and memory in MiB, as requested from the scheduler. */
export const resourcesSchema = z
  .object({
    cpu: z.number().positive().max(1024).default(0.5).meta({ description: 'CPU cores per instance', unit: 'cores' }),
    memoryMiB: z.number().int().positive().max(4_194_304).default(512).meta({ description: 'Memory per instance', unit: 'MiB' }),
  })
  .strict()
  .meta({ description: 'CPU and memory requested from the scheduler' });
export type Resources = z.infer<typeof resourcesSchema>;

// Kubernetes' rule for variable names; Docker accepts the same (e.g. discovery.type).
const envName = z.string().max(256).regex(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/, { message: 'an environment variable name: letters, digits, _ . or -' });

/** What Docker and Kubernetes need to run a node for real. */
export const runtimeFields = {
  image: z.string().min(1).max(512).optional().describe('Container image, e.g. postgres:14'),
  command: z.array(z.string().max(4096)).max(256).optional().meta({ description: 'Overrides the image command; one argument per entry' }),
  ports: z.array(portSchema).max(64).default([]).meta({ description: 'Ports the node listens on' }),
  env: z.record(envName, z.string().max(65_536)).default({}).meta({ description: 'Environment variables of the container' }),
  healthCheck: healthCheckSchema.optional(),
  resources: resourcesSchema.default({ cpu: 0.5, memoryMiB: 512 }),
};
