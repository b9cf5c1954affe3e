// Starts one comparison in its own Web Worker; cancel ends the worker (the comparison runs
// synchronously there and reads no message until it is done).
import type { Topology } from '../../../src-preload/contract/index.js';
import { compareReplySchema, type CompareReport, type CompareSettings } from './compare-protocol.js';

export interface ComparisonJob {
  /** The report and the wall time it took; rejects with the worker's message, or 'cancelled'. */
  result: Promise<{ report: CompareReport; wallMs: number }>;
  cancel(): void;
}

export function startComparison(document: Topology, settings: CompareSettings, onProgress: (message: string) => void): ComparisonJob {
  const worker = new Worker(new URL('./compare-worker.ts', import.meta.url), { type: 'module', name: 'devsim-autoscale-compare' });
  let settle: { reject(err: Error): void } | null = null;
  const result = new Promise<{ report: CompareReport; wallMs: number }>((resolve, reject) => {
    settle = { reject };
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = compareReplySchema.safeParse(event.data);
      if (!parsed.success) {
        worker.terminate();
        reject(new Error(`the comparison worker sent a malformed reply: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
        return;
      }
      const reply = parsed.data;
      if (reply.type === 'progress') onProgress(reply.message);
      else {
        worker.terminate();
        if (reply.type === 'done') resolve({ report: reply.report, wallMs: reply.wallMs });
        else reject(new Error(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(`the comparison worker failed: ${event.message || 'it stopped (out of memory?)'}`));
    });
  });
  worker.postMessage({ type: 'compare', document, settings });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new Error('cancelled'));
    },
  };
}
