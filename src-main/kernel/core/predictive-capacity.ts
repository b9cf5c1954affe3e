// Replicas a forecast load needs: each replica serves `concurrency` requests at once, and
// the policy fills it only to the HPA's target utilisation, as the reactive part would.

export function replicasForRate(rps: number, serviceMs: number, concurrency: number, targetPercent: number): number {
  if (!(rps > 0 && serviceMs > 0)) return 0;
  const perReplica = (concurrency * (targetPercent / 100) * 1000) / serviceMs;
  return Math.ceil(rps / perReplica - 1e-9);
}
