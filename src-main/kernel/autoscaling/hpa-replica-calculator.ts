// One metric → a replica proposal, as kubernetes/kubernetes
// pkg/controller/podautoscaler/replica_calculator.go does it (GetResourceReplicas for
// Utilization targets, calcPlainMetricReplicas for AverageValue targets) with
// metrics/utilization.go for the averages. Go's int64 arithmetic is kept: the utilization
// is a whole percent (truncated) and plain averages are truncated milli-values; float
// steps are IEEE doubles in both languages, so proposals match bit for bit.
import type { HpaMetricSpec, HpaMetricStatus, HpaPod } from './hpa-types.js';

export interface Tolerances {
  readonly scaleUp: number;
  readonly scaleDown: number;
}

/** Tolerances.isWithin: no change while the ratio lies in [1 − down, 1 + up]. */
export const isWithin = (t: Tolerances, ratio: number): boolean => 1 - t.scaleDown <= ratio && ratio <= 1 + t.scaleUp;

export type Proposal =
  | { readonly ok: true; readonly replicas: number; readonly status: HpaMetricStatus }
  | { readonly ok: false; readonly reason: 'FailedGetResourceMetric' | 'FailedGetPodsMetric'; readonly status: HpaMetricStatus };

interface Groups {
  readyCount: number;
  /** pod index → sample, for the pods that count (ignored and unready removed). */
  samples: Map<number, number>;
  unready: number[];
  missing: number[];
}

/** groupPods: ignored (deleted, terminal), unready (pending; CPU only: not yet ready), missing. */
function groupPods(pods: readonly HpaPod[], metric: string, isCpu: boolean): Groups {
  const g: Groups = { readyCount: 0, samples: new Map(), unready: [], missing: [] };
  pods.forEach((pod, i) => {
    if (pod.state === 'deleting' || pod.state === 'failed') return;
    if (pod.state === 'pending') return void g.unready.push(i);
    const value = pod.values[metric];
    if (value === undefined) return void g.missing.push(i);
    if (isCpu && pod.state === 'not-yet-ready') return void g.unready.push(i);
    g.readyCount++;
    g.samples.set(i, value);
  });
  return g;
}

const failure = (spec: HpaMetricSpec, error: string): Proposal => ({
  ok: false,
  reason: spec.type === 'Pods' ? 'FailedGetPodsMetric' : 'FailedGetResourceMetric',
  status: { name: metricLabel(spec), proposal: null, error },
});

/** The name the controller gives a metric in its events ("cpu resource utilization …"). */
export function metricLabel(spec: HpaMetricSpec): string {
  if (spec.type === 'Pods') return `pods metric ${spec.name}`;
  return spec.target.type === 'Utilization' ? `${spec.name} resource utilization (percentage of request)` : `${spec.name} resource`;
}

export function proposeReplicas(spec: HpaMetricSpec, currentReplicas: number, pods: readonly HpaPod[], tol: Tolerances): Proposal {
  if (pods.length === 0) return failure(spec, 'no pods returned by selector while calculating replica count');
  if (spec.type === 'Resource' && spec.target.type === 'Utilization') {
    return utilizationReplicas(spec, spec.target.averageUtilization, currentReplicas, pods, tol);
  }
  const target = spec.type === 'Pods' ? spec.averageValue : spec.target.type === 'AverageValue' ? spec.target.averageValue : 0;
  return plainReplicas(spec, target, currentReplicas, pods, tol);
}

/** GetResourceReplicas + GetResourceUtilizationRatio. */
function utilizationReplicas(spec: HpaMetricSpec, target: number, current: number, pods: readonly HpaPod[], tol: Tolerances): Proposal {
  const requests: number[] = [];
  for (const pod of pods) {
    const r = pod.requests?.[spec.name];
    if (r === undefined) return failure(spec, `missing request for ${spec.name}`);
    requests.push(r);
  }
  const g = groupPods(pods, spec.name, spec.name === 'cpu');
  if (g.samples.size === 0) return failure(spec, 'did not receive metrics for targeted pods (pods might be unready)');

  const ratioOf = (samples: Map<number, number>): { ratio: number; utilization: number; raw: number } | null => {
    let used = 0;
    let requested = 0;
    for (const [i, v] of samples) {
      used += v;
      requested += requests[i] ?? 0;
    }
    if (requested === 0) return null;
    const utilization = Math.trunc((used * 100) / requested);
    return { ratio: utilization / target, utilization, raw: Math.trunc(used / samples.size) };
  };
  const first = ratioOf(g.samples);
  if (first === null) return failure(spec, 'no metrics returned matched known pods');
  const status = (replicas: number): Proposal => ({
    ok: true,
    replicas,
    status: { name: metricLabel(spec), proposal: replicas, currentAverageUtilization: first.utilization, currentAverageValue: first.raw },
  });
  const usageRatio = first.ratio;

  const scaleUpWithUnready = g.unready.length > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && g.missing.length === 0) {
    if (isWithin(tol, usageRatio)) return status(current);
    return status(Math.ceil(usageRatio * g.readyCount));
  }
  // Missing samples: on a scale-down as the request (or the target when above 100 %), on a
  // scale-up as 0 — the code, not the docs' "100 % of the desired value", decides here.
  if (usageRatio < 1) {
    const fallback = Math.max(100, target);
    for (const i of g.missing) g.samples.set(i, Math.trunc(((requests[i] ?? 0) * fallback) / 100));
  } else if (usageRatio > 1) {
    for (const i of g.missing) g.samples.set(i, 0);
  }
  if (scaleUpWithUnready) for (const i of g.unready) g.samples.set(i, 0);

  const again = ratioOf(g.samples);
  if (again === null) return failure(spec, 'no metrics returned matched known pods');
  return status(conservative(usageRatio, again.ratio, g.samples.size, current, tol));
}

/** calcPlainMetricReplicas + GetMetricUsageRatio (AverageValue targets, pods metrics). */
function plainReplicas(spec: HpaMetricSpec, target: number, current: number, pods: readonly HpaPod[], tol: Tolerances): Proposal {
  // Only a resource named cpu gets the CPU readiness rule (groupPods receives "" for pods metrics).
  const g = groupPods(pods, spec.name, spec.type === 'Resource' && spec.name === 'cpu');
  if (g.samples.size === 0) return failure(spec, 'did not receive metrics for targeted pods (pods might be unready)');
  const usageOf = (samples: Map<number, number>): number => {
    let total = 0;
    for (const v of samples.values()) total += v;
    return Math.trunc(total / samples.size);
  };
  const usage = usageOf(g.samples);
  const usageRatio = usage / target;
  const status = (replicas: number): Proposal => ({
    ok: true,
    replicas,
    status: { name: metricLabel(spec), proposal: replicas, currentAverageValue: usage },
  });

  const scaleUpWithUnready = g.unready.length > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && g.missing.length === 0) {
    if (isWithin(tol, usageRatio)) return status(current);
    return status(Math.ceil(usageRatio * g.readyCount));
  }
  if (usageRatio < 1) {
    for (const i of g.missing) g.samples.set(i, target);
  } else if (usageRatio > 1) {
    for (const i of g.missing) g.samples.set(i, 0);
  }
  if (scaleUpWithUnready) for (const i of g.unready) g.samples.set(i, 0);
  return status(conservative(usageRatio, usageOf(g.samples) / target, g.samples.size, current, tol));
}

/**
 * The second pass: keep the current count when the recomputed ratio lands within tolerance
 * or flips the direction, or when the larger pod count would flip it.
 */
function conservative(usageRatio: number, newRatio: number, counted: number, current: number, tol: Tolerances): number {
  if (isWithin(tol, newRatio) || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) return current;
  const replicas = Math.ceil(newRatio * counted);
  if ((newRatio < 1 && replicas > current) || (newRatio > 1 && replicas < current)) return current;
  return replicas;
}
