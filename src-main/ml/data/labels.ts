// Anomaly labels from what the kernel recorded (core/faults.ts, datastore/postgres.ts,
// monitoring/alerts.ts): a fault labels the points from its start to its end, an alert from
// firing to resolved. Labels are run-wide: a database failure also labels the API's latency,
// because that is where it shows. Ends per fault type:
// - network-delay, network-loss, network-partition, region-outage, pod-failure: the matching
//   'fault-ended' (same target and fault type); without one (no durationS) the end of the series;
// - db-primary-failure: the next 'failover' on the target that promoted a member; a failover
//   that could not promote means the end of the series;
// - pod-kill, cache-flush and anything else without an end event: the instant it happened
//   (tailMs lets the recovery count too).
// Chaos on real containers (docker-<action> events, src-main/docker/bring-up/chaos.ts): a
// kill lasts until a restart of the same container, a pause until its unpause (or the end of
// the series); a restart is an instant.
import type { Episode, LabelSpan } from './episodes.js';
import { episodesOf } from './episodes.js';

/** A run event as the contract (runEventSchema) and the kernel (RunEvent) carry it. */
export interface LabelEvent {
  tMs: number;
  type: string;
  target?: string | undefined;
  data?: Readonly<Record<string, number | string | boolean>> | undefined;
}

export interface LabelOptions {
  /** Milliseconds after each span's end that still count as anomalous (recovery). Default 0. */
  tailMs?: number;
  /** Label alert firing → resolved spans too. Default true. */
  alerts?: boolean;
}

export interface Labels {
  /** 1: the point's interval overlaps a span; 0 otherwise. */
  labels: Uint8Array;
  spans: LabelSpan[];
  episodes: Episode[];
}

const LASTING_FAULTS = new Set(['network-delay', 'network-loss', 'network-partition', 'region-outage', 'pod-failure']);

/** The spans of faults and (optionally) alerts in a run's events; `endMs` closes spans still open. */
export function labelSpans(events: readonly LabelEvent[], endMs: number, options: LabelOptions = {}): LabelSpan[] {
  const tail = options.tailMs ?? 0;
  if (!(tail >= 0 && Number.isFinite(tail))) throw new RangeError(`tailMs must be a finite number ≥ 0, not ${tail}`);
  const sorted = [...events].sort((a, b) => a.tMs - b.tMs);
  const used = new Set<number>();
  const spans: LabelSpan[] = [];
  /** The first event after index i that fits and is not yet taken as another span's end. */
  const endAfter = (i: number, fits: (e: LabelEvent) => boolean): LabelEvent | undefined => {
    for (let j = i + 1; j < sorted.length; j++) {
      if (!used.has(j) && fits(sorted[j]!)) {
        used.add(j);
        return sorted[j];
      }
    }
    return undefined;
  };
  sorted.forEach((e, i) => {
    if (e.type === 'fault-started') {
      const fault = String(e.data?.['fault'] ?? 'fault');
      let end = e.tMs;
      if (fault === 'db-primary-failure') {
        const failover = endAfter(i, (x) => x.type === 'failover' && x.target === e.target);
        end = failover === undefined || failover.data?.['promoted'] !== true ? endMs : failover.tMs;
      } else {
        const ended = endAfter(i, (x) => x.type === 'fault-ended' && x.target === e.target && x.data?.['fault'] === fault);
        if (ended !== undefined) end = ended.tMs;
        else if (LASTING_FAULTS.has(fault)) end = endMs;
      }
      spans.push({ startMs: e.tMs, endMs: Math.min(endMs, end + tail), cause: `${fault} on ${e.target ?? 'the run'}` });
    } else if (e.type === 'docker-kill' || e.type === 'docker-pause' || e.type === 'docker-restart') {
      const container = e.data?.['container'];
      const undo = e.type === 'docker-kill' ? 'docker-restart' : e.type === 'docker-pause' ? 'docker-unpause' : undefined;
      const back = undo === undefined ? undefined : endAfter(i, (x) => x.type === undo && x.data?.['container'] === container);
      const end = undo === undefined ? e.tMs : (back?.tMs ?? endMs);
      spans.push({ startMs: e.tMs, endMs: Math.min(endMs, end + tail), cause: `${e.type} of ${String(container ?? e.target ?? 'a container')}` });
    } else if (e.type === 'alert-firing' && options.alerts !== false) {
      const alert = e.data?.['alert'];
      const resolved = endAfter(i, (x) => x.type === 'alert-resolved' && x.target === e.target && x.data?.['alert'] === alert);
      spans.push({ startMs: e.tMs, endMs: Math.min(endMs, (resolved?.tMs ?? endMs) + tail), cause: `alert ${String(alert ?? '')} on ${e.target ?? 'the run'}` });
    }
  });
  return spans;
}

/**
 * Per-point labels for series sampled at `timesMs` every `stepMs`: point i stands for the
 * interval (t_i − stepMs, t_i], and is labelled when that interval meets a span.
 */
export function labelPoints(timesMs: ArrayLike<number>, stepMs: number, events: readonly LabelEvent[], options: LabelOptions = {}): Labels {
  const n = timesMs.length;
  const labels = new Uint8Array(n);
  if (n === 0) return { labels, spans: [], episodes: [] };
  const spans = labelSpans(events, timesMs[n - 1]!, options);
  // An instant (end = start) still marks the interval it falls in; a point whose interval
  // ends exactly at the start saw nothing of it yet.
  const firstHit = spans.map((s) => {
    const end = Math.max(s.endMs, s.startMs + 1e-6);
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (timesMs[i]! > s.startMs && timesMs[i]! - stepMs < end) {
        labels[i] = 1;
        if (first < 0) first = i;
      }
    }
    return first;
  });
  const episodes = episodesOf(labels, timesMs, (a, b) => spans.filter((_, k) => firstHit[k]! >= a && firstHit[k]! <= b).map((s) => s.cause));
  return { labels, spans, episodes };
}
