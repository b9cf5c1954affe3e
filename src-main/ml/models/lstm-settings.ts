/** Hyperparameters of the LSTM models; every field lands in the artefact's `parameters`. */
export interface LstmSettings {
  units: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without a better validation loss before early stopping. */
  patience: number;
  seed: number;
}

/**
 * The default forecaster: sized so 2,000 windows of 32 train in a few seconds under Node's
 * wasm backend on 2 cores (npm run bench:ml; the ceiling is 15 s). tfjs's cost is per
 * timestep and op, so window length matters far more than units.
 */
export const DEFAULT_FORECASTER_SETTINGS: LstmSettings = { units: 16, epochs: 8, batchSize: 64, learningRate: 0.01, patience: 2, seed: 7 };
export const DEFAULT_FORECASTER_WINDOW = 32;

/** The default LSTM predictor (anomaly detector): the same network predicting the next point. */
export const DEFAULT_DETECTOR_SETTINGS: LstmSettings = { units: 16, epochs: 8, batchSize: 64, learningRate: 0.01, patience: 2, seed: 11 };
export const DEFAULT_DETECTOR_WINDOW = 32;

export function settingsAsParameters(settings: LstmSettings): Record<string, number> {
  return { ...settings };
}
