import { z } from 'zod';

/**
 * Node, group and link ids double as Docker container names, Compose service names and
 * Kubernetes object names, so they follow DNS labels: lower case, digits, hyphens.
 */
export const idSchema = z
  .string()
  .regex(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, {
    message: 'use 1–63 lower-case letters, digits or hyphens, starting with a letter (it becomes a container and Kubernetes name)',
  })
  .describe('An id: lower-case letters, digits and hyphens');

export const ID_PATTERN = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
