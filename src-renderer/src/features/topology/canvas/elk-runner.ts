// ELK off the main thread: its worker script is served as a file of the app (CSP: worker-src 'self'; it needs no eval).
import ELK, { type ELK as ElkApi, type ElkNode } from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

let worker: { elk: ElkApi; failed: Promise<never> } | null = null;

/** One ELK in a Web Worker for the page; a worker that fails to load rejects instead of hanging. */
function elkInWorker(): { elk: ElkApi; failed: Promise<never> } {
  if (worker) return worker;
  let fail: (reason: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // observed by the race below; never an unhandled rejection
  const elk = new ELK({
    workerFactory: (url) => {
      const w = new Worker(url ?? workerUrl);
      w.addEventListener('error', (e) => fail(new Error(`The layout worker failed: ${e.message || 'it could not be loaded'}`)));
      return w;
    },
    workerUrl,
  });
  worker = { elk, failed };
  return worker;
}

/** Lays out `graph` in the worker; where the worker cannot run, in the page with the bundled ELK (said in `where`). */
export async function layoutGraph(graph: ElkNode): Promise<{ laid: ElkNode; where: 'worker' | 'page' }> {
  const w = elkInWorker();
  try {
    return { laid: await Promise.race([w.elk.layout(graph), w.failed]), where: 'worker' };
  } catch (err) {
    w.elk.terminateWorker();
    worker = null;
    const { default: Bundled } = await import('elkjs/lib/elk.bundled.js');
    console.warn(`${(err as Error).message}; laying out in the page instead.`);
    return { laid: await new Bundled().layout(graph), where: 'page' };
  }
}
