import type { ModelArtefact, TfjsArtefact } from '../../../src-preload/contract/ml-models.js';
import type { DenseLayerWeights, KernelActivation, KernelNetwork, LstmLayerWeights } from '../../kernel/ml/index.js';
import { base64ToBytes } from './base64.js';
import { ArtefactError } from './parse-artefact.js';

type LayerConfig = Record<string, unknown>;

/**
 * The kernel's plain-JS form of an artefact's network: a Sequential of LSTM and Dense layers
 * (what the lab ships). Weights are read in tfjs's order (per layer: kernel, recurrent kernel,
 * bias) and each shape is checked, so a topology this cannot run is refused, not mis-run.
 */
export function kernelNetworkFromArtefact(artefact: ModelArtefact): KernelNetwork {
  if (!artefact.tfjs) throw new ArtefactError(`model "${artefact.name}"`, 'tfjs', `is missing: a ${artefact.architecture} model has no network`);
  return kernelNetworkFromTfjs(artefact.tfjs, `model "${artefact.name}"`);
}

export function kernelNetworkFromTfjs(tfjs: TfjsArtefact, where: string): KernelNetwork {
  const layers = sequentialLayers(tfjs.modelTopology, where);
  const weights = new WeightReader(tfjs, where);
  const network: KernelNetwork = { layers: [] };
  let inputDim = inputFeatures(layers[0], where);
  for (const [index, layer] of layers.entries()) {
    const config = (layer['config'] ?? {}) as LayerConfig;
    const className = layer['class_name'];
    const units = Number(config['units']);
    const useBias = config['use_bias'] !== false;
    const at = `modelTopology layer ${index + 1} (${String(className)})`;
    if (className === 'LSTM') {
      const lstm: LstmLayerWeights = {
        kind: 'lstm',
        inputDim,
        units,
        kernel: weights.next([inputDim, 4 * units], at),
        recurrentKernel: weights.next([units, 4 * units], at),
        bias: useBias ? weights.next([4 * units], at) : new Float32Array(4 * units),
        activation: activationOf(config['activation'], 'tanh', where, at),
        recurrentActivation: activationOf(config['recurrent_activation'], 'hardSigmoid', where, at),
        returnSequences: config['return_sequences'] === true,
      };
      if (lstm.returnSequences && layers[index + 1]?.['class_name'] !== 'LSTM') {
        throw new ArtefactError(where, at, 'returns sequences into a layer other than an LSTM; the kernel runs LSTM → Dense stacks only');
      }
      network.layers.push(lstm);
    } else if (className === 'Dense') {
      const dense: DenseLayerWeights = {
        kind: 'dense',
        inputDim,
        units,
        kernel: weights.next([inputDim, units], at),
        bias: useBias ? weights.next([units], at) : new Float32Array(units),
        activation: activationOf(config['activation'], 'linear', where, at),
      };
      network.layers.push(dense);
    } else {
      throw new ArtefactError(where, at, 'is a layer the kernel cannot run (it runs LSTM and Dense)');
    }
    inputDim = units;
  }
  weights.finish();
  return network;
}

function sequentialLayers(topology: Record<string, unknown>, where: string): LayerConfig[] {
  const model = (topology['model_config'] ?? topology) as LayerConfig;
  const config = model['config'] as LayerConfig | undefined;
  const layers = (Array.isArray(config) ? config : config?.['layers']) as LayerConfig[] | undefined;
  if (model['class_name'] !== 'Sequential' || !Array.isArray(layers)) {
    throw new ArtefactError(where, 'tfjs.modelTopology', 'is not a Sequential model; the kernel runs Sequential LSTM/Dense networks');
  }
  const real = layers.filter((l) => l['class_name'] !== 'InputLayer');
  if (real.length === 0) throw new ArtefactError(where, 'tfjs.modelTopology', 'has no layers');
  return real;
}

/** Features per timestep (LSTM) or inputs (Dense) of the first layer, from its batch input shape. */
function inputFeatures(first: LayerConfig | undefined, where: string): number {
  const config = (first?.['config'] ?? {}) as LayerConfig;
  const shape = config['batch_input_shape'] ?? config['batchInputShape'];
  const last = Array.isArray(shape) ? Number(shape[shape.length - 1]) : NaN;
  if (!(Number.isInteger(last) && last > 0)) throw new ArtefactError(where, 'tfjs.modelTopology', 'does not say the first layer\'s input shape');
  return last;
}

const ACTIVATIONS: Record<string, KernelActivation> = {
  linear: 'linear',
  relu: 'relu',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  hardSigmoid: 'hardSigmoid',
  hard_sigmoid: 'hardSigmoid',
};

function activationOf(value: unknown, fallback: KernelActivation, where: string, at: string): KernelActivation {
  if (value === undefined || value === null) return fallback;
  const activation = ACTIVATIONS[String(value)];
  if (!activation) throw new ArtefactError(where, at, `uses activation ${JSON.stringify(value)}, which the kernel does not run (${Object.keys(ACTIVATIONS).join(', ')})`);
  return activation;
}

/** Hands out the weights buffer spec by spec, checking each shape. */
class WeightReader {
  private index = 0;
  private offset = 0;
  private readonly view: DataView;

  constructor(
    private readonly tfjs: TfjsArtefact,
    private readonly where: string,
  ) {
    const bytes = base64ToBytes(tfjs.weightsBase64, 'tfjs.weightsBase64');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  next(shape: number[], at: string): Float32Array {
    const spec = this.tfjs.weightSpecs[this.index];
    if (!spec) throw new ArtefactError(this.where, 'tfjs.weightSpecs', `ends before ${at} has its weights`);
    if (spec.shape.join('x') !== shape.join('x')) {
      throw new ArtefactError(this.where, `tfjs.weightSpecs.${this.index}`, `(${spec.name}) has shape [${spec.shape.join(', ')}], ${at} needs [${shape.join(', ')}]`);
    }
    const count = shape.reduce((a, b) => a * b, 1);
    if (this.offset + 4 * count > this.view.byteLength) throw new ArtefactError(this.where, 'tfjs.weightsBase64', `ends inside weight ${spec.name}`);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.view.getFloat32(this.offset + 4 * i, true);
    this.offset += 4 * count;
    this.index++;
    return out;
  }

  finish(): void {
    if (this.index !== this.tfjs.weightSpecs.length) {
      throw new ArtefactError(this.where, 'tfjs.weightSpecs', `has ${this.tfjs.weightSpecs.length} weights, the layers use ${this.index}`);
    }
  }
}
