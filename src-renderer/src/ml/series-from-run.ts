// One "node/metric" series of a stored run, read through the contract page by page, as the
// worker takes it (null where the run recorded no value).
import type { DevsimApi, RunInfo } from '../../../src-preload/contract/index.js';
import type { SeriesInput } from './protocol.js';

/** Frames per call: well under the contract's limit of 100,000. */
const PAGE = 50_000;

/** Every series of a run as "node/metric", in layout order. */
export function seriesNames(run: Pick<RunInfo, 'layout'>): string[] {
  return run.layout.nodes.flatMap((node) => run.layout.metrics.map((metric) => `${node}/${metric}`));
}

/** "api/latency_p95_ms" → node and metric; the metric is the part after the last slash. */
export function splitSeriesName(name: string): { node: string; metric: string } {
  const cut = name.lastIndexOf('/');
  if (cut <= 0 || cut === name.length - 1) throw new Error(`A series is named "node/metric"; "${name}" is not`);
  return { node: name.slice(0, cut), metric: name.slice(cut + 1) };
}

export async function readRunSeries(api: Pick<DevsimApi, 'getRunSeries'>, run: Pick<RunInfo, 'id' | 'layout'>, name: string): Promise<SeriesInput> {
  const { node, metric } = splitSeriesName(name);
  const m = run.layout.metrics.indexOf(metric);
  if (!run.layout.nodes.includes(node) || m < 0) throw new Error(`Run ${run.id} has no series ${name}`);
  const values: (number | null)[] = [];
  let startMs: number | null = null;
  let fromMs: number | undefined;
  let lastMs = -Infinity;
  for (;;) {
    const page = await api.getRunSeries({ id: run.id, nodes: [node], limit: PAGE, ...(fromMs === undefined ? {} : { fromMs }) });
    // fromMs is inclusive: a later page starts with the frame already read.
    const fresh = page.frames.filter((f) => f.tMs > lastMs);
    for (const frame of fresh) {
      startMs ??= frame.tMs;
      const v = frame.values[m];
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    }
    if (!page.truncated || fresh.length === 0) break;
    lastMs = fresh.at(-1)!.tMs;
    fromMs = lastMs;
  }
  if (values.length === 0) throw new Error(`Run ${run.id} stored no frames: there is nothing to train on`);
  return { name, stepMs: run.layout.intervalMs, startMs: startMs ?? 0, values };
}
