import type * as tf from '@tensorflow/tfjs';
import type { KernelNetwork } from '../../kernel/ml/index.js';
import { captureTfjs } from './io-handler.js';
import { kernelNetworkFromTfjs } from './kernel-network.js';

/** The kernel's plain-JS copy of a live tfjs model, e.g. after an online update changed its weights. */
export async function kernelNetworkFromModel(model: tf.LayersModel): Promise<KernelNetwork> {
  return kernelNetworkFromTfjs(await captureTfjs(model), `model ${model.name}`);
}
