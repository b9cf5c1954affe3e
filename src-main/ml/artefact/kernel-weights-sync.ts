import type * as tf from '@tensorflow/tfjs';
import type { KernelNetwork } from '../../kernel/ml/index.js';

/**
 * Copies a live tfjs model's weights into the kernel network made from it (same layers, same
 * order), synchronously: after an online step the plain-JS pass predicts with the new weights.
 */
export function copyWeightsIntoKernel(model: tf.LayersModel, network: KernelNetwork): void {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  if (layers.length !== network.layers.length) throw new RangeError(`the model has ${layers.length} layers, the kernel network ${network.layers.length}`);
  layers.forEach((layer, i) => {
    const target = network.layers[i]!;
    const weights = layer.getWeights();
    const slots = target.kind === 'lstm' ? [target.kernel, target.recurrentKernel, target.bias] : [target.kernel, target.bias];
    weights.forEach((w, k) => {
      const slot = slots[k];
      if (!slot || slot.length !== w.size) throw new RangeError(`layer ${i + 1} weight ${k + 1}: ${w.size} values do not fit the kernel network's ${slot?.length ?? 0}`);
      slot.set(w.dataSync());
    });
  });
}
