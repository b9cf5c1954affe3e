// One "node/metric" series of a stored run as the worker takes it: read through the contract
// page by page, gaps filled and labelled by the ML layer's data functions (labels from the
// faults and alerts the kernel recorded).
import { labelPoints } from '../../../src-main/ml/data/labels.js';
import { pickRunSeries, type RunSeriesFrame } from '../../../src-main/ml/data/run-series.js';
import type { DevsimApi, RunInfo } from '../../../src-preload/contract/index.js';
import { readAllEvents } from '../stores/run-reading.js';
import type { SeriesInput } from './protocol.js';

/** Frames per call: well under the contract's limit of 100,000. */
const PAGE = 50_000;

export interface RunSeriesInput {
  series: SeriesInput;
  /** Points without data, filled from their neighbours. */
  filled: number;
  /** Points labelled anomalous, and the spans (faults, alerts) they come from. */
  anomalousPoints: number;
  episodes: number;
}

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

/** The frames of one node, page after page (a page starts with the frame already read). */
async function nodeFrames(api: Pick<DevsimApi, 'getRunSeries'>, id: string, node: string) {
  let got = await api.getRunSeries({ id, nodes: [node], limit: PAGE });
  const layout = got.layout;
  const frames: RunSeriesFrame[] = [...got.frames];
  while (got.truncated && frames.length > 0) {
    const last = frames.at(-1)!.tMs;
    got = await api.getRunSeries({ id, nodes: [node], limit: PAGE, fromMs: last });
    const fresh = got.frames.filter((f) => f.tMs > last);
    if (fresh.length === 0) break;
    frames.push(...fresh);
  }
  return { layout, frames };
}

export async function readRunSeries(api: Pick<DevsimApi, 'getRunSeries' | 'getRunEvents'>, run: Pick<RunInfo, 'id' | 'layout'>, name: string): Promise<RunSeriesInput> {
  const { node, metric } = splitSeriesName(name);
  if (!run.layout.nodes.includes(node) || !run.layout.metrics.includes(metric)) throw new Error(`Run ${run.id} has no series ${name}`);
  const { layout, frames } = await nodeFrames(api, run.id, node);
  if (frames.length === 0) throw new Error(`Run ${run.id} stored no frames: there is nothing to train on`);
  const picked = pickRunSeries(layout, frames, [name]);
  const { events } = await readAllEvents(api, run.id);
  const labelled = labelPoints(picked.timesMs, picked.stepMs, events);
  const labels = Array.from(labelled.labels, (l) => (l === 1 ? 1 : 0));
  return {
    series: { source: 'run', name, origin: run.id, stepMs: picked.stepMs, timesMs: Array.from(picked.timesMs), values: Array.from(picked.values[0]!), labels },
    filled: picked.filled[0]!,
    anomalousPoints: labels.filter((l) => l === 1).length,
    episodes: labelled.episodes.length,
  };
}
