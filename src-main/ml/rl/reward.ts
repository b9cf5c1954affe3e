// The learned autoscaler's reward for one episode, trading SLO violations against cost:
//   reward = −(replica-minutes + sloWeight × SLO-violation minutes + actionWeight × scaling actions) / measured minutes
// i.e. minus the mean replicas of the autoscaled nodes, minus sloWeight replicas for every
// minute-share the SLO was broken. sloWeight says how many replicas one would keep running
// to avoid a minute of violation: the default 50 makes a violating minute cost as much as 50
// replica-minutes, so a policy buys headroom before it lets the SLO slip, but not without end.
// actionWeight (default 0.5 replica-minutes per change) keeps a policy from flapping, one
// replica in and out every sync, which the other two terms alone do not mind.
import type { EpisodeFigures } from '../compare/episode.js';

export const DEFAULT_SLO_WEIGHT = 50;
export const DEFAULT_ACTION_WEIGHT = 0.5;

export function episodeReward(f: EpisodeFigures, sloWeight = DEFAULT_SLO_WEIGHT, actionWeight = DEFAULT_ACTION_WEIGHT): number {
  const minutes = Math.max(f.measuredMinutes, 1e-9);
  return -(f.replicaSeconds / 60 + sloWeight * f.sloViolationMinutes + actionWeight * f.scalingActions) / minutes;
}
