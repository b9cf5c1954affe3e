import { z } from 'zod';

/** A document path as the OS gives it; long enough for any real path, no NUL bytes. */
export const documentPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), { message: 'a path cannot contain NUL' });
