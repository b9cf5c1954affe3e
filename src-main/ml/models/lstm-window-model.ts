import type { ModelArtefact, Normalisation } from '../../../src-preload/contract/ml-models.js';
import { networkForward, type KernelNetwork } from '../../kernel/ml/index.js';
import { kernelNetworkFromArtefact } from '../artefact/kernel-network.js';
import type { ProbationData } from '../streaming/interfaces.js';
import type { WindowModel } from '../streaming/window-model.js';
import type { CancelSignal } from '../training/cancel-signal.js';
import type { EpochProgress } from '../training/fit.js';
import { disposeModel } from './lstm-regressor.js';
import { DEFAULT_DETECTOR_WINDOW, DEFAULT_FORECASTER_WINDOW, type LstmSettings } from './lstm-settings.js';
import { trainLstmDetector } from './train-detector.js';
import { trainLstmForecaster } from './train-forecaster.js';
import { probationWindows } from './probation-windows.js';
import { OnlineLearner, type OnlineLearningOptions } from './online-learner.js';

export interface LstmWindowModelOptions {
  /** A detector predicts the next point (horizon 1); a forecaster the point `horizon` ahead. */
  purpose: 'detector' | 'forecaster';
  horizon: number;
  window?: number;
  settings?: Partial<LstmSettings>;
  /** The last share of the probationary rows that validates (early stopping, calibration). */
  validationShare?: number;
  /** Where the rows came from, for the artefact's dataset record. */
  origin?: string;
  signal?: CancelSignal;
  onEpoch?: (progress: EpochProgress) => void;
  /** Keep learning from the stream after fit (online-learner.ts); off unless given. */
  online?: OnlineLearningOptions;
}

/**
 * An LSTM model for the streaming drivers (ML-DATA's WindowModel): `fit` trains on the
 * probationary rows only (the first part trains, the last validates) and keeps the trained
 * artefact; `predict` then runs the kernel's plain-JS pass, ~0.1 ms a point, not tfjs's ~10.
 * With `online`, it keeps learning from the points the stream has already shown it.
 */
export class LstmWindowModel implements WindowModel {
  readonly window: number;
  /** The trained model as an artefact (after fit), to save or inspect. */
  artefact: ModelArtefact | undefined;
  private network: KernelNetwork | undefined;
  /** Present when learning online (after fit). */
  learner: OnlineLearner | undefined;

  constructor(private readonly options: LstmWindowModelOptions) {
    this.window = options.window ?? (options.purpose === 'detector' ? DEFAULT_DETECTOR_WINDOW : DEFAULT_FORECASTER_WINDOW);
    if (options.purpose === 'detector' && options.horizon !== 1) throw new RangeError(`an LSTM detector predicts the next point: horizon 1, not ${options.horizon}`);
  }

  async fit(probation: ProbationData): Promise<Normalisation> {
    const origin = this.options.origin ?? 'stream';
    const { normalisation, train, validation, dataset } = probationWindows(probation, this.window, this.options.horizon, this.options.validationShare ?? 0.2, origin);
    const request = {
      name: `${this.options.purpose === 'detector' ? 'LSTM detector' : 'LSTM forecaster'} (${origin})`,
      train,
      validation,
      normalisation,
      dataset,
      ...(this.options.settings ? { settings: this.options.settings } : {}),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
      ...(this.options.onEpoch ? { onEpoch: this.options.onEpoch } : {}),
    };
    const trained = this.options.purpose === 'detector' ? await trainLstmDetector(request) : await trainLstmForecaster(request);
    this.artefact = trained.artefact;
    this.network = kernelNetworkFromArtefact(trained.artefact);
    if (this.options.online) this.learner = new OnlineLearner(trained.model, this.network, this.window, this.options.horizon, this.options.online);
    else disposeModel(trained.model);
    return normalisation;
  }

  predict(window: Float32Array): number {
    if (!this.network) throw new Error('the LSTM model predicts only after fit has trained it');
    const prediction = networkForward(this.network, window)[0]!;
    this.learner?.observe(window);
    return prediction;
  }

  /** Frees the tfjs model kept for online learning. */
  dispose(): void {
    this.learner?.dispose();
    this.learner = undefined;
  }
}

