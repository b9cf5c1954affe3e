// Streaming detectors and forecasters by name, for the CLI and the lab. ML-MODELS adds the
// LSTM ones here (a factory per name); each factory is told the probationary row count.
import { RollingZScoreDetector } from '../baselines/rolling-zscore.js';
import { SeasonalNaiveForecaster } from '../baselines/seasonal-naive.js';
import type { StreamingDetector, StreamingForecaster } from './interfaces.js';

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
};

export const FORECASTERS: Readonly<Record<string, (s: ForecasterSettings) => StreamingForecaster>> = {
  'seasonal-naive': (s) => new SeasonalNaiveForecaster(s.horizon, s.season),
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
