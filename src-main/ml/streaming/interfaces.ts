// What a streaming detector or forecaster is, so the statistical baselines and the LSTM
// models (ML-MODELS) plug into the same drivers, CLI commands and lab screen.
//
// The rules every implementation keeps:
// - observe(t, v) sees points once, in time order, and answers from what it has seen so far
//   (that point included) — never from later points, and never from labels;
// - `prepare`, when present, is called once before the first observe with the probationary
//   rows (the first 15 % by default): the only data a model may be trained on up front. After
//   that it may keep learning online from what observe has shown it.

export interface DetectorOutput {
  /** In [0, 1]: how unusual the point is given what came before. */
  score: number;
  /** score ≥ the detector's threshold, and never during the probationary period. */
  anomaly: boolean;
}

export interface ProbationData {
  timesMs: Float64Array;
  values: Float64Array;
}

export interface StreamingDetector {
  /** Train on the probationary rows (optional; may be async, e.g. tfjs fitting). */
  prepare?(probation: ProbationData): void | Promise<void>;
  observe(tMs: number, value: number): DetectorOutput;
}

export interface StreamingForecaster {
  /** Steps ahead each forecast is for. */
  readonly horizon: number;
  prepare?(probation: ProbationData): void | Promise<void>;
  /** The forecast of the value `horizon` steps after this point, or null when it cannot forecast yet. */
  observe(tMs: number, value: number): number | null;
}

/** What a detector is told when it is made: how many rows are probationary. */
export interface DetectorContext {
  probationRows: number;
}
