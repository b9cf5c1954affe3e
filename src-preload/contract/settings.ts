import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;

// The fields without defaults, so a patch never fills in (and resets) what it leaves out.
const fields = {
  theme: z.enum(THEMES),
  /** Seconds between autosaves of an open document; 0 turns autosave off. */
  autosaveSeconds: z.number().int().min(0).max(3600),
  /** Docker engine address (unix socket path, npipe or tcp://127.0.0.1:port); null finds it. */
  dockerHost: z.string().max(1024).nullable(),
  /** Show the welcome screen when the app starts. */
  showWelcome: z.boolean(),
};

/** Settings a person can change; every field has a default so old stores stay valid. */
export const settingsSchema = z.object({
  theme: fields.theme.default('system'),
  autosaveSeconds: fields.autosaveSeconds.default(30),
  dockerHost: fields.dockerHost.default(null),
  showWelcome: fields.showWelcome.default(true),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A change to some settings; unknown keys are refused, not ignored. */
export const settingsPatchSchema = z
  .strictObject(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'the patch changes nothing' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
