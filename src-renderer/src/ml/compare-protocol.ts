// The messages between the ML lab's autoscaling comparison and its Web Worker (the kernel and
// the RL trainer run there, off the page's thread), parsed on arrival on both sides.
import { z } from 'zod';
import { topologySchema } from '../../../src-preload/contract/index.js';
import { COMPARED_POLICIES } from '../../../src-main/ml/compare/policy-document.js';

/** What the person picks; seeds are counted (evaluation 1…seeds, training 1001…1000+trainSeeds). */
export const compareSettingsSchema = z
  .object({
    policies: z.array(z.enum(COMPARED_POLICIES as unknown as ['hpa', 'predictive', 'learned'])).min(1).max(3),
    seeds: z.number().int().min(1).max(50),
    trainSeeds: z.number().int().min(1).max(50),
    durationS: z.number().positive().max(7 * 86_400),
    warmupS: z.number().nonnegative().max(7 * 86_400),
    /** Repeat diurnal traffic every dayS seconds (0: keep the document's day). */
    dayS: z.number().nonnegative().max(86_400),
    rateScale: z.number().positive().max(100),
    iterations: z.number().int().min(1).max(100),
    population: z.number().int().min(2).max(200),
  })
  .strict()
  .refine((s) => s.warmupS < s.durationS, { message: 'the warm-up must be shorter than the run', path: ['warmupS'] });
export type CompareSettings = z.infer<typeof compareSettingsSchema>;

export const compareRequestSchema = z.object({ type: z.literal('compare'), document: topologySchema, settings: compareSettingsSchema }).strict();
export type CompareRequest = z.infer<typeof compareRequestSchema>;

const figure = z.object({ mean: z.number(), ci95: z.tuple([z.number(), z.number()]).nullable(), n: z.number() }).passthrough();
/** The report as the page reads it (the worker sends the whole ComparisonReport; extra fields pass through). */
export const compareReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), message: z.string() }).strict(),
  z
    .object({
      type: z.literal('done'),
      report: z
        .object({
          autoscaledNodes: z.array(z.string()),
          seeds: z.array(z.number()),
          trainSeeds: z.array(z.number()),
          changes: z.array(z.string()),
          policies: z.array(z.object({ policy: z.enum(['hpa', 'predictive', 'learned']), model: z.string(), figures: z.record(z.string(), figure) }).passthrough()),
        })
        .passthrough(),
      wallMs: z.number(),
    })
    .strict(),
  z.object({ type: z.literal('failed'), message: z.string() }).strict(),
]);
export type CompareReply = z.infer<typeof compareReplySchema>;
export type CompareReport = Extract<CompareReply, { type: 'done' }>['report'];
