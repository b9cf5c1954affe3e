// Window models (an LSTM predictor or forecaster, ML-MODELS) as streaming detectors and
// forecasters. A model reads the last `window` normalised values and predicts one value:
// the next point (detectors) or the point `horizon` steps ahead (forecasters).
// - Detector: the score is how unusual the prediction error is, a rolling z-score of the
//   errors (as Malhotra et al. 2015 score LSTM predictors: errors modelled as Gaussian),
//   so a model that predicts well makes a sharp detector and the score stays in [0, 1].
// - Both: `fit` sees only the probationary rows and returns the normalisation it fitted.
import type { Normalisation } from '../../../src-preload/contract/ml-models.js';
import { RollingZScoreDetector } from '../baselines/rolling-zscore.js';
import type { DetectorOutput, ProbationData, StreamingDetector, StreamingForecaster } from './interfaces.js';
import { RollingWindow } from './rolling-window.js';

export interface WindowModel {
  /** Points of history one prediction reads. */
  readonly window: number;
  /** Trains on the probationary rows (only them); returns the normalisation its inputs use. */
  fit(probation: ProbationData): Normalisation | Promise<Normalisation>;
  /** One prediction from a normalised window (oldest first), in normalised units. */
  predict(window: Float32Array): number;
}

export interface WindowDetectorOptions {
  probationRows: number;
  /** Past errors the z-score reads (default 200). */
  errorWindow?: number;
  /** |z| of an error at or above which a point is anomalous (default 4). */
  zLimit?: number;
}

export class WindowModelDetector implements StreamingDetector {
  private readonly history: RollingWindow;
  private readonly input: Float32Array;
  private readonly errors: RollingZScoreDetector;
  private normalisation: Normalisation = { method: 'none', offset: 0, scale: 1 };

  constructor(
    private readonly model: WindowModel,
    options: WindowDetectorOptions,
  ) {
    this.history = new RollingWindow(model.window);
    this.input = new Float32Array(model.window);
    const errorWindow = options.errorWindow ?? 200;
    this.errors = new RollingZScoreDetector({ window: errorWindow, warmup: Math.min(10, errorWindow), zLimit: options.zLimit ?? 4, probationRows: options.probationRows - model.window });
  }

  async prepare(probation: ProbationData): Promise<void> {
    this.normalisation = await this.model.fit(probation);
  }

  observe(tMs: number, value: number): DetectorOutput {
    const n = this.normalisation;
    let out: DetectorOutput = { score: 0, anomaly: false };
    if (this.history.full) {
      this.history.copyTo(this.input, (v) => (v - n.offset) / n.scale);
      const error = (value - n.offset) / n.scale - this.model.predict(this.input);
      out = this.errors.observe(tMs, error);
    }
    this.history.push(value);
    return out;
  }
}

export class WindowModelForecaster implements StreamingForecaster {
  private readonly history: RollingWindow;
  private readonly input: Float32Array;
  private normalisation: Normalisation = { method: 'none', offset: 0, scale: 1 };

  constructor(
    private readonly model: WindowModel,
    readonly horizon: number,
  ) {
    this.history = new RollingWindow(model.window);
    this.input = new Float32Array(model.window);
  }

  async prepare(probation: ProbationData): Promise<void> {
    this.normalisation = await this.model.fit(probation);
  }

  /** Null until a full window of history is in. */
  observe(_tMs: number, value: number): number | null {
    this.history.push(value);
    if (!this.history.full) return null;
    const n = this.normalisation;
    this.history.copyTo(this.input, (v) => (v - n.offset) / n.scale);
    return this.model.predict(this.input) * n.scale + n.offset;
  }
}
