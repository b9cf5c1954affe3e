// Training for the ML lab's sequence models: fit with progress, cancel and early stopping;
// online updates during a run; errors that say what went wrong.
export { fitSequenceModel, type EpochProgress, type FitOptions, type FitResult } from './fit.js';
export { updateOnline, DEFAULT_ONLINE_UPDATE, type OnlineUpdateOptions, type OnlineUpdateResult } from './online-update.js';
export { TrainingError, type TrainingFailure } from './training-errors.js';
export { MIN_TRAIN_WINDOWS, MIN_VALIDATION_WINDOWS } from './check-windows.js';
export type { CancelSignal } from './cancel-signal.js';
export { sequenceTensors, pickWindows, type WindowSet } from './window-set.js';
export { seededRandom, permutation } from './seeded-random.js';
