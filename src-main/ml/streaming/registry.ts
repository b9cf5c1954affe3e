// Streaming detectors and forecasters by name, for the CLI and the lab. ML-MODELS adds the
// LSTM ones here (a factory per name); each factory is told the probationary row count.
import { RollingZScoreDetector } from '../baselines/rolling-zscore.js';
import { SeasonalNaiveForecaster } from '../baselines/seasonal-naive.js';
import type { StreamingDetector, StreamingForecaster } from './interfaces.js';
import { GbtWindowModel } from '../models/gbt/gbt-window-model.js';
import { LstmWindowModel } from '../models/lstm-window-model.js';
import { DEFAULT_ONLINE_LEARNING } from '../models/online-learner.js';
import { WindowModelDetector, WindowModelForecaster } from './window-model.js';

export interface DetectorSettings {
  probationRows: number;
  /** Detector-specific numbers, e.g. window, zLimit. */
  parameters?: Readonly<Record<string, number>>;
}

export interface ForecasterSettings {
  horizon: number;
  /** Season length in steps (1: none). */
  season: number;
  probationRows: number;
  parameters?: Readonly<Record<string, number>>;
}

export const DETECTORS: Readonly<Record<string, (s: DetectorSettings) => StreamingDetector>> = {
  zscore: (s) =>
    new RollingZScoreDetector({
      probationRows: s.probationRows,
      ...(s.parameters?.['window'] === undefined ? {} : { window: s.parameters['window'] }),
      ...(s.parameters?.['warmup'] === undefined ? {} : { warmup: s.parameters['warmup'] }),
      ...(s.parameters?.['zLimit'] === undefined ? {} : { zLimit: s.parameters['zLimit'] }),
    }),
  // LSTM predictor trained on the probationary rows, then learning online from the rows seen
  // (tfjs: start a backend first, src-main/models/ml-backend.ts); `modelWindow` sets its window.
  lstm: (s) =>
    new WindowModelDetector(
      new LstmWindowModel({ purpose: 'detector', horizon: 1, online: DEFAULT_ONLINE_LEARNING, ...(s.parameters?.['modelWindow'] === undefined ? {} : { window: s.parameters['modelWindow'] }) }),
      { probationRows: s.probationRows, ...(s.parameters?.['zLimit'] === undefined ? {} : { zLimit: s.parameters['zLimit'] }) },
    ),
};

/** Detectors and forecasters that run TensorFlow.js: start a backend before making them (src-main/models/ml-backend.ts). */
export const NEEDS_TFJS: ReadonlySet<string> = new Set(['lstm']);

export const FORECASTERS: Readonly<Record<string, (s: ForecasterSettings) => StreamingForecaster>> = {
  'seasonal-naive': (s) => new SeasonalNaiveForecaster(s.horizon, s.season),
  // Trained on the probationary rows; the LSTM learns online after it and needs a tfjs backend started first, the trees do not.
  lstm: (s) =>
    new WindowModelForecaster(
      new LstmWindowModel({ purpose: 'forecaster', horizon: s.horizon, online: DEFAULT_ONLINE_LEARNING, ...(s.parameters?.['modelWindow'] === undefined ? {} : { window: s.parameters['modelWindow'] }) }),
      s.horizon,
    ),
  gbt: (s) => new WindowModelForecaster(new GbtWindowModel({ horizon: s.horizon, ...(s.parameters?.['modelWindow'] === undefined ? {} : { window: s.parameters['modelWindow'] }) }), s.horizon),
};

export function detectorNamed(name: string, settings: DetectorSettings): StreamingDetector {
  const make = DETECTORS[name];
  if (make === undefined) throw new Error(`there is no detector "${name}" (detectors: ${Object.keys(DETECTORS).join(', ')})`);
  return make(settings);
}

export function forecasterNamed(name: string, settings: ForecasterSettings): StreamingForecaster {
  const make = FORECASTERS[name];
  if (make === undefined) throw new Error(`there is no forecaster "${name}" (forecasters: ${Object.keys(FORECASTERS).join(', ')})`);
  return make(settings);
}
