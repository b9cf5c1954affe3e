// Trains the learned autoscaler by the cross-entropy method over its network's weights.
// Why policy search and not gradients: the simulator is not differentiable and an episode's
// reward is one number at its end, so methods that only need episode returns fit; CEM keeps
// a Gaussian over the ~100 weights, runs a population of policies, and refits the Gaussian
// to the best (the elite), with extra noise that decays so it does not collapse too early
// (Szita & Lőrincz 2006, "Learning Tetris using the noisy cross-entropy method"). It needs
// no learning rate, is robust to noisy returns, and converges in tens of iterations for a
// network this small. All candidates of an iteration meet the same training seeds (common
// random numbers), so they are ranked on the same traffic. Synchronous: call it in a Worker
// or the CLI; it reports after each iteration and stops between episodes when cancelled.
import type { Topology } from '../../../src-preload/contract/index.js';
import { createStream, mlpPolicy, type DenseLayer, type RandomStream } from '../../kernel/index.js';
import { runEpisode, type EpisodeOptions } from '../compare/episode.js';
import { withPolicy } from '../compare/policy-document.js';
import { DEFAULT_HIDDEN_UNITS, layersFromParameters, parameterCount } from './policy-params.js';
import { DEFAULT_ACTION_WEIGHT, DEFAULT_SLO_WEIGHT, episodeReward } from './reward.js';

export const TRAINED_POLICY_NAME = 'learned-policy';

export interface CemOptions {
  /** Episodes of every candidate run with these seeds (keep them apart from evaluation seeds). */
  trainSeeds: readonly number[];
  iterations?: number;
  population?: number;
  /** Share of the population refitted to. */
  eliteShare?: number;
  hiddenUnits?: number;
  initialStd?: number;
  sloWeight?: number;
  actionWeight?: number;
  /** Seed of the search's own random numbers. */
  searchSeed?: number;
  durationS?: number;
  warmupS?: number;
  forecastSeasonS?: number;
  rateSeries?: EpisodeOptions['rateSeries'];
  onIteration?: (report: IterationReport) => void;
  /** Polled before every episode; true stops the search with the best policy so far. */
  isCancelled?: () => boolean;
}

export interface IterationReport {
  iteration: number;
  iterations: number;
  /** Mean reward over the training seeds of the distribution's mean policy before this iteration's update. */
  meanPolicyReward: number;
  bestCandidateReward: number;
  eliteMeanReward: number;
  /** Mean standard deviation of the weights after the update. */
  spread: number;
  episodes: number;
}

export interface CemResult {
  layers: DenseLayer[];
  hiddenUnits: number;
  /** The returned policy's mean training reward. */
  reward: number;
  history: IterationReport[];
  episodes: number;
  cancelled: boolean;
}

const NOISE_START = 0.5;

export function trainPolicyCem(doc: Topology, options: CemOptions): CemResult {
  if (options.trainSeeds.length === 0) throw new Error('training needs at least one training seed');
  const hidden = options.hiddenUnits ?? DEFAULT_HIDDEN_UNITS;
  const iterations = options.iterations ?? 10;
  const population = options.population ?? 12;
  const elites = Math.max(2, Math.round(population * (options.eliteShare ?? 0.25)));
  const sloWeight = options.sloWeight ?? DEFAULT_SLO_WEIGHT;
  const actionWeight = options.actionWeight ?? DEFAULT_ACTION_WEIGHT;
  const rng: RandomStream = createStream(options.searchSeed ?? 1, 'rl/cem');
  const n = parameterCount(hidden);
  const learnedDoc = withPolicy(doc, 'learned', TRAINED_POLICY_NAME);
  const mean = new Float64Array(n);
  const std = new Float64Array(n).fill(options.initialStd ?? 1);
  const history: IterationReport[] = [];
  let episodes = 0;
  let cancelled = false;
  let best = { theta: mean.slice(), reward: -Infinity };

  const evaluate = (theta: Float64Array): number | null => {
    const policy = mlpPolicy(TRAINED_POLICY_NAME, layersFromParameters(theta, hidden));
    let sum = 0;
    for (const seed of options.trainSeeds) {
      if (options.isCancelled?.() === true) return null;
      const episode: EpisodeOptions = {
        seed,
        models: { [TRAINED_POLICY_NAME]: { type: 'policy', policy } },
        ...(options.durationS === undefined ? {} : { durationS: options.durationS }),
        ...(options.warmupS === undefined ? {} : { warmupS: options.warmupS }),
        ...(options.forecastSeasonS === undefined ? {} : { forecastSeasonS: options.forecastSeasonS }),
        ...(options.rateSeries === undefined ? {} : { rateSeries: options.rateSeries }),
      };
      sum += episodeReward(runEpisode(learnedDoc, episode), sloWeight, actionWeight);
      episodes++;
    }
    const reward = sum / options.trainSeeds.length;
    if (reward > best.reward) best = { theta: theta.slice(), reward };
    return reward;
  };

  for (let it = 0; it < iterations && !cancelled; it++) {
    const meanReward = evaluate(mean);
    if (meanReward === null) break;
    const scored: { theta: Float64Array; reward: number }[] = [];
    for (let p = 0; p < population; p++) {
      const theta = Float64Array.from(mean, (m, i) => m + std[i]! * rng.normal());
      const reward = evaluate(theta);
      if (reward === null) {
        cancelled = true;
        break;
      }
      scored.push({ theta, reward });
    }
    if (cancelled) break;
    scored.sort((a, b) => b.reward - a.reward);
    const elite = scored.slice(0, elites);
    const noise = NOISE_START * Math.max(0, 1 - it / Math.max(1, iterations - 1));
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (const e of elite) m += e.theta[i]!;
      m /= elite.length;
      let v = 0;
      for (const e of elite) v += (e.theta[i]! - m) ** 2;
      mean[i] = m;
      std[i] = Math.sqrt(v / elite.length + noise * noise);
    }
    const report: IterationReport = {
      iteration: it + 1,
      iterations,
      meanPolicyReward: meanReward,
      bestCandidateReward: scored[0]!.reward,
      eliteMeanReward: elite.reduce((s, e) => s + e.reward, 0) / elite.length,
      spread: std.reduce((s, x) => s + x, 0) / n,
      episodes,
    };
    history.push(report);
    options.onIteration?.(report);
  }
  if (options.isCancelled?.() === true) cancelled = true;
  return { layers: layersFromParameters(best.theta, hidden), hiddenUnits: hidden, reward: best.reward, history, episodes, cancelled };
}
