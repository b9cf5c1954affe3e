import type * as tf from '@tensorflow/tfjs';
import type { OnlineStep } from '../../kernel/index.js';
import type { KernelNetwork } from '../../kernel/ml/index.js';
import { copyWeightsIntoKernel } from '../artefact/kernel-weights-sync.js';
import { updateOnlineSync } from '../training/online-update-sync.js';
import { TrainingError } from '../training/training-errors.js';
import { disposeModel } from './lstm-regressor.js';

export interface OnlineLearningOptions {
  /** Windows seen between two gradient steps. */
  every: number;
  /** The latest (window, target) pairs each step learns from. */
  windows: number;
}

export const DEFAULT_ONLINE_LEARNING: OnlineLearningOptions = { every: 25, windows: 64 };

/**
 * Online learning on a stream: fed every window in order (each one point later than the
 * last), it pairs the window of `horizon` calls ago with the point that has now arrived —
 * only data already seen — and every `every` windows takes one synchronous gradient step on
 * the latest pairs, then copies the weights into the kernel network that predicts.
 */
export class OnlineLearner {
  private readonly pending: (Float32Array | Float64Array)[] = [];
  private readonly inputs: Float32Array;
  private readonly targets: Float32Array;
  private pairs = 0;
  private nextSlot = 0;
  private sinceStep = 0;
  /** Steps taken, and steps undone for a non-finite loss. */
  steps = 0;
  undone = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly network: KernelNetwork,
    private readonly window: number,
    private readonly horizon: number,
    private readonly options: OnlineLearningOptions = DEFAULT_ONLINE_LEARNING,
  ) {
    this.inputs = new Float32Array(options.windows * window);
    this.targets = new Float32Array(options.windows);
  }

  /** The window ending at the newest point (normalised as the model was trained); returns the step when it took one. */
  observe(window: Float32Array | Float64Array): OnlineStep | undefined {
    if (this.pending.length === this.horizon) this.remember(this.pending.shift()!, window[this.window - 1]!);
    this.pending.push(window.slice());
    if (++this.sinceStep >= this.options.every && this.pairs >= Math.min(8, this.options.windows)) return this.step();
    return undefined;
  }

  dispose(): void {
    disposeModel(this.model);
  }

  private remember(input: Float32Array | Float64Array, target: number): void {
    this.inputs.set(input, this.nextSlot * this.window);
    this.targets[this.nextSlot] = target;
    this.nextSlot = (this.nextSlot + 1) % this.options.windows;
    this.pairs = Math.min(this.pairs + 1, this.options.windows);
  }

  private step(): OnlineStep {
    this.sinceStep = 0;
    const count = this.pairs;
    let loss = NaN;
    try {
      loss = updateOnlineSync(this.model, { inputs: this.inputs.subarray(0, count * this.window), targets: this.targets.subarray(0, count), count, window: this.window });
      copyWeightsIntoKernel(this.model, this.network);
      this.steps++;
    } catch (error) {
      // A bad stretch of data (the step was undone) must not stop the stream.
      if (!(error instanceof TrainingError)) throw error;
      this.undone++;
    }
    return { steps: this.steps, undone: this.undone, loss, windows: count };
  }
}
