import type { ModelArtefact, Normalisation } from '../../../../src-preload/contract/ml-models.js';
import { predictTrees } from '../../../kernel/ml/index.js';
import type { ProbationData } from '../../streaming/interfaces.js';
import type { WindowModel } from '../../streaming/window-model.js';
import { probationWindows } from '../probation-windows.js';
import type { BoostSettings } from './boost.js';
import { trainGbtForecaster } from './gbt-forecaster.js';

export interface GbtWindowModelOptions {
  horizon: number;
  /** Lags the trees read (default 24). */
  window?: number;
  settings?: Partial<BoostSettings>;
  validationShare?: number;
  origin?: string;
}

/** Gradient-boosted trees as a streaming forecaster's window model (ML-DATA's WindowModel), trained on the probationary rows only. */
export class GbtWindowModel implements WindowModel {
  readonly window: number;
  artefact: ModelArtefact | undefined;

  constructor(private readonly options: GbtWindowModelOptions) {
    this.window = options.window ?? 24;
  }

  fit(probation: ProbationData): Normalisation {
    const origin = this.options.origin ?? 'stream';
    const { normalisation, train, validation, dataset } = probationWindows(probation, this.window, this.options.horizon, this.options.validationShare ?? 0.2, origin);
    this.artefact = trainGbtForecaster({ name: `gradient-boosted trees (${origin})`, train, validation, normalisation, dataset, ...(this.options.settings ? { settings: this.options.settings } : {}) }).artefact;
    return normalisation;
  }

  predict(window: Float32Array): number {
    if (!this.artefact?.trees) throw new Error('the trees predict only after fit has trained them');
    return predictTrees(this.artefact.trees, window);
  }
}
