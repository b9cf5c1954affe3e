// A saved autoscaling policy (the contract's ModelArtefact, architecture mlp-policy) as the
// kernel's policy: its tfjs weights are Dense kernels and biases in layer order.
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { base64ToFloat32 } from './float32-base64.js';
import { mlpPolicy, type DenseLayer } from './learned-mlp.js';
import { OBSERVATION_SIZE } from './learned-observation.js';
import type { KernelPolicy } from './scaling-models.js';

export function policyFromArtefact(artefact: ModelArtefact): KernelPolicy {
  const where = `model "${artefact.name}"`;
  if (artefact.purpose !== 'autoscaler-policy' || artefact.architecture !== 'mlp-policy') {
    throw new Error(`${where} is a ${artefact.architecture} ${artefact.purpose}, not an mlp-policy autoscaler policy`);
  }
  if (artefact.tfjs === undefined) throw new Error(`${where} carries no weights (tfjs)`);
  const values = base64ToFloat32(artefact.tfjs.weightsBase64);
  const specs = artefact.tfjs.weightSpecs;
  if (specs.length === 0 || specs.length % 2 !== 0) throw new Error(`${where}: expected kernel and bias weights per layer, found ${specs.length} weight arrays`);
  const layers: DenseLayer[] = [];
  let offset = 0;
  const take = (count: number): Float32Array => {
    if (offset + count > values.length) throw new Error(`${where}: the weight specs need more values than the ${values.length} stored`);
    const out = values.subarray(offset, offset + count);
    offset += count;
    return out;
  };
  for (let i = 0; i < specs.length; i += 2) {
    const kernel = specs[i]!;
    const bias = specs[i + 1]!;
    const [inputs, units] = kernel.shape;
    if (kernel.shape.length !== 2 || inputs === undefined || units === undefined || bias.shape.length !== 1 || bias.shape[0] !== units) {
      throw new Error(`${where}: ${kernel.name} and ${bias.name} are not a Dense layer's kernel [inputs, units] and bias [units]`);
    }
    const expected = layers.length === 0 ? OBSERVATION_SIZE : layers.at(-1)!.units;
    if (inputs !== expected) throw new Error(`${where}: ${kernel.name} takes ${inputs} inputs where ${expected} come`);
    layers.push({ inputs, units, kernel: take(inputs * units), bias: take(units) });
  }
  if (offset !== values.length) throw new Error(`${where}: ${values.length - offset} stored weight values are not described by the weight specs`);
  return mlpPolicy(artefact.name, layers);
}
