// Models that drive the predictive and learned scaling policies and score watched series for
// anomalies, as the kernel takes them:
// plain functions, already resolved by name (main reads them from the model store; the CLI
// from files), so the kernel needs no ML library and no I/O.

/**
 * Forecasts a node's arrival rate. `history` holds requests per second per step, oldest
 * first, the last entry being the step that just ended; at least `window` entries.
 */
export interface KernelForecaster {
  /** What the run's events call it (e.g. "seasonal naive (24 h)" or a model's name). */
  readonly name: string;
  /** Simulated ms one history step covers. */
  readonly stepMs: number;
  /** Steps of history one forecast reads: the policy stays reactive until it has them. */
  readonly window: number;
  /** The rate expected `stepsAhead` steps after the last history step (≥ 1). */
  forecast(history: Float64Array, stepsAhead: number): number;
}

/** Maps an observation (learned-observation.ts) to a replica change. */
export interface KernelPolicy {
  readonly name: string;
  /** Replicas to add (negative: remove); the autoscaler clamps the result to min/max. */
  act(observation: Float64Array): number;
}

/** Scores each new point of a watched series (an ml-inference node's `watch`) against the points before it. */
export interface KernelDetector {
  readonly name: string;
  /** Points before the current one a score reads: no score until the history has them. */
  readonly window: number;
  /** In [0, 1]; `history` holds the watched values before `value`, oldest first. */
  score(history: Float64Array, value: number): number;
  /** A score at or above it is an anomaly. */
  readonly threshold: number;
  /**
   * A copy of this detector that keeps learning from the stream it scores, for an ml-inference
   * node with `onlineLearning` (`by`: that node's id; each node gets its own copy). Absent, or
   * `unavailable` (why) for that node: the node scores without learning, and the run says so.
   */
  readonly learning?: (by: string) => LearningDetector | { readonly unavailable: string };
}

/** What one online learning step did (reported on the run's timeline). */
export interface OnlineStep {
  /** Steps taken so far, this one included, and steps undone for a non-finite loss. */
  readonly steps: number;
  readonly undone: number;
  /** The loss on the step's windows before it (NaN for an undone step). */
  readonly loss: number;
  /** The (window, next point) pairs the step learned from. */
  readonly windows: number;
  /** Set when learning had to stop for good (e.g. the ML backend ran out of memory): why. Scoring goes on with the weights learned so far. */
  readonly stopped?: string;
}

export interface LearningDetector extends KernelDetector {
  /**
   * Learns from the stream: `history` holds every watched value so far, the newest last (the
   * one just scored). Returns the step when this call took one.
   */
  learn(history: Float64Array): OnlineStep | undefined;
}

export type KernelModel =
  | { readonly type: 'forecaster'; readonly forecaster: KernelForecaster }
  | { readonly type: 'policy'; readonly policy: KernelPolicy }
  | { readonly type: 'detector'; readonly detector: KernelDetector };

/** Models by the name a node's `scaling.model` (or an ml-inference node's `model`) gives. */
export type KernelModels = Readonly<Record<string, KernelModel>>;
