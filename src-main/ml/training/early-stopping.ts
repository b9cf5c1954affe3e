import type * as tf from '@tensorflow/tfjs';

/**
 * Early stopping on validation loss that keeps the best epoch's weights (tfjs's own
 * EarlyStopping callback stops but leaves the last epoch's weights, which are worse).
 */
export class BestWeights {
  private best = Infinity;
  private bestEpoch = 0;
  private waited = 0;
  private weights: tf.Tensor[] | undefined;

  constructor(
    private readonly patience: number,
    private readonly minDelta: number,
  ) {}

  /** Records an epoch's validation loss; true when training should stop. */
  observe(model: tf.LayersModel, epoch: number, validationLoss: number): boolean {
    if (validationLoss < this.best - this.minDelta) {
      this.best = validationLoss;
      this.bestEpoch = epoch;
      this.waited = 0;
      this.release();
      this.weights = model.getWeights().map((w) => w.clone());
      return false;
    }
    this.waited++;
    return this.waited >= this.patience;
  }

  get bestLoss(): number {
    return this.best;
  }

  get epoch(): number {
    return this.bestEpoch;
  }

  /** Puts the best epoch's weights back into the model (no-op when the last epoch was the best). */
  restore(model: tf.LayersModel, lastEpoch: number): void {
    if (this.weights && this.bestEpoch !== lastEpoch) model.setWeights(this.weights);
  }

  release(): void {
    this.weights?.forEach((w) => w.dispose());
    this.weights = undefined;
  }
}
