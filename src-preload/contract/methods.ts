import { z } from 'zod';
import type { MethodName } from './names.js';
import { settingsPatchSchema, settingsSchema } from './settings.js';
import { documentMethods } from './documents.js';
import { documentPathSchema } from './paths.js';
import { runMethods } from './runs.js';
import { dockerMethods } from './docker.js';
import { bringUpMethods } from './bring-up.js';
import { mlModelMethods } from './ml-models.js';

export { documentPathSchema };

const none = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** desktop: the Electron app; browser: the loopback host in a browser tab. */
  mode: z.enum(['desktop', 'browser']),
  platform: z.string(),
  arch: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
    sqlite: z.string(),
  }),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const healthSchema = z.object({
  ok: z.boolean(),
  uptimeMs: z.number().nonnegative(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type Health = z.infer<typeof healthSchema>;

export const recentDocumentSchema = z.object({
  path: documentPathSchema,
  name: z.string(),
  openedAt: z.string(), // ISO 8601
});
export type RecentDocument = z.infer<typeof recentDocumentSchema>;
const recentListSchema = z.array(recentDocumentSchema);

/** Every method: what it takes and what it gives back. Both sides parse with these. */
export const methods = {
  appInfo: { args: none, result: appInfoSchema },
  healthCheck: { args: none, result: healthSchema },
  getSettings: { args: none, result: settingsSchema },
  setSettings: { args: settingsPatchSchema, result: settingsSchema },
  listRecent: { args: none, result: recentListSchema },
  addRecent: { args: z.object({ path: documentPathSchema }).strict(), result: recentListSchema },
  removeRecent: { args: z.object({ path: documentPathSchema }).strict(), result: recentListSchema },
  clearRecent: { args: none, result: recentListSchema },
  ...documentMethods,
  ...runMethods,
  ...dockerMethods,
  ...bringUpMethods,
  ...mlModelMethods,
} as const satisfies Record<MethodName, { args: z.ZodType; result: z.ZodType }>;

export type Methods = typeof methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
/** Arguments after parsing, as handlers receive them. */
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;
