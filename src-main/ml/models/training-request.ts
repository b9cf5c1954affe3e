import type { DatasetInfo, Normalisation } from '../../../src-preload/contract/ml-models.js';
import type { CancelSignal } from '../training/cancel-signal.js';
import type { EpochProgress } from '../training/fit.js';
import type { WindowSet } from '../training/window-set.js';
import type { LstmSettings } from './lstm-settings.js';

/** What training an LSTM model takes: windows normalised with `normalisation`, and where they came from. */
export interface LstmTrainingRequest {
  name: string;
  train: WindowSet;
  validation: WindowSet;
  normalisation: Normalisation;
  dataset: DatasetInfo;
  settings?: Partial<LstmSettings>;
  signal?: CancelSignal;
  onEpoch?: (progress: EpochProgress) => void;
}
