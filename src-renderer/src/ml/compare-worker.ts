// The autoscaling comparison's Web Worker: HPA, predictive and learned (trained here against the
// kernel by the cross-entropy method) on the same document and seeds, off the page's thread.
// It runs synchronously; cancelling ends the worker.
import '../api/zod-jitless.js';
import { comparePolicies } from '../../../src-main/ml/compare/compare-policies.js';
import { compressDays, scaleRates } from '../../../src-main/ml/compare/scenario-transform.js';
import { compareRequestSchema, type CompareReply } from './compare-protocol.js';

interface WorkerScope {
  postMessage(message: CompareReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: CompareReply): void => scope.postMessage(message);
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

scope.addEventListener('message', (event) => {
  const parsed = compareRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    post({ type: 'failed', message: `the comparison request is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` });
    return;
  }
  const { document, settings } = parsed.data;
  const began = performance.now();
  try {
    const changes: string[] = [];
    let doc = document;
    if (settings.dayS > 0) {
      doc = compressDays(doc, settings.dayS);
      changes.push(`diurnal traffic repeats every ${settings.dayS} s`);
    }
    if (settings.rateScale !== 1) {
      doc = scaleRates(doc, settings.rateScale);
      changes.push(`every source's rate × ${settings.rateScale}`);
    }
    const report = comparePolicies(doc, {
      policies: settings.policies,
      seeds: range(1, settings.seeds),
      trainSeeds: range(1001, settings.trainSeeds),
      durationS: settings.durationS,
      warmupS: settings.warmupS,
      trainDurationS: settings.durationS,
      ...(settings.dayS > 0 ? { forecastSeasonS: settings.dayS } : {}),
      training: { iterations: settings.iterations, population: settings.population },
      changes,
      onProgress: (message) => post({ type: 'progress', message }),
    });
    post({ type: 'done', report: report as unknown as Extract<CompareReply, { type: 'done' }>['report'], wallMs: performance.now() - began });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
