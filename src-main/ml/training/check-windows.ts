import { TrainingError } from './training-errors.js';
import type { WindowSet } from './window-set.js';

/** Below these a fit says nothing useful (and early stopping has nothing to judge by). */
export const MIN_TRAIN_WINDOWS = 32;
export const MIN_VALIDATION_WINDOWS = 8;

/** Refuses too few windows or a NaN/Infinity in them, naming which part and which window. */
export function checkWindows(train: WindowSet, validation: WindowSet): void {
  if (train.count < MIN_TRAIN_WINDOWS) {
    throw new TrainingError(
      'too-few-windows',
      `too few windows to train: ${train.count} training windows, at least ${MIN_TRAIN_WINDOWS} are needed (use a longer series, a shorter window or a larger training share)`,
    );
  }
  if (validation.count < MIN_VALIDATION_WINDOWS) {
    throw new TrainingError(
      'too-few-windows',
      `too few windows to validate: ${validation.count} validation windows, at least ${MIN_VALIDATION_WINDOWS} are needed (use a longer series or a larger validation share)`,
    );
  }
  for (const [part, set] of [['training', train], ['validation', validation]] as const) {
    if (set.inputs.length !== set.count * set.window || set.targets.length !== set.count) {
      throw new RangeError(`${part} windows: ${set.count} windows of ${set.window} need ${set.count * set.window} inputs and ${set.count} targets`);
    }
    const badInput = set.inputs.findIndex((v) => !Number.isFinite(v));
    const badTarget = set.targets.findIndex((v) => !Number.isFinite(v));
    if (badInput >= 0 || badTarget >= 0) {
      const window = badInput >= 0 ? Math.floor(badInput / set.window) : badTarget;
      throw new TrainingError('non-finite-data', `${part} window ${window} holds NaN or Infinity: clean or fill the series before training`);
    }
  }
}
