import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { artefactToNetwork, networkToArtefact } from '../../../src-main/ml/artefact/model-artefact.js';
import { artefactToTfjsFiles, tfjsFilesToArtefact } from '../../../src-main/ml/artefact/tfjs-files.js';
import { base64ToBytes, bytesToBase64 } from '../../../src-main/ml/artefact/base64.js';
import { parseArtefact } from '../../../src-main/ml/artefact/parse-artefact.js';
import { buildLstmRegressor, disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import type { ModelArtefact } from '../../../src-preload/contract/ml-models.js';
import { datasetInfo } from './models-series.js';
import { useWasmBackend } from './models-tf-setup.js';

beforeAll(useWasmBackend);

async function smallArtefact(): Promise<{ model: tf.LayersModel; artefact: ModelArtefact }> {
  const model = buildLstmRegressor({ window: 12, units: 5, learningRate: 0.01, seed: 9 });
  const artefact = await networkToArtefact(model, {
    name: 'round trip',
    purpose: 'forecaster',
    architecture: 'lstm-forecaster',
    window: 12,
    horizon: 1,
    normalisation: { method: 'zscore', offset: 3.5, scale: 1.25 },
    parameters: { units: 5 },
    dataset: datasetInfo(12, 1, 100),
    evaluation: { validationLoss: 0.5 },
  });
  return { model, artefact };
}

describe('model artefacts', () => {
  it('round-trip bit-identically: same topology, same weight bytes, same predictions', async () => {
    const { model, artefact } = await smallArtefact();
    const loaded = await artefactToNetwork(artefact);
    const again = await networkToArtefact(loaded, artefact);
    expect(again.tfjs).toEqual(artefact.tfjs);
    const x = tf.randomUniform([4, 12, 1], -1, 1, 'float32', 1);
    const before = (model.predict(x) as tf.Tensor).dataSync();
    const after = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(after)).toEqual(Array.from(before));
    tf.dispose(x);
    disposeModel(model);
    disposeModel(loaded);
  });

  it('round-trip through tfjs files (model.json + weights.bin) and tfjs can load those files itself', async () => {
    const { model, artefact } = await smallArtefact();
    const files = artefactToTfjsFiles(artefact);
    const json = JSON.parse(files.modelJson) as { format: string; weightsManifest: { paths: string[] }[]; userDefinedMetadata: { devsim: { name: string; tfjs?: unknown } } };
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);
    expect(json.userDefinedMetadata.devsim.name).toBe('round trip');
    expect(json.userDefinedMetadata.devsim.tfjs).toBeUndefined();
    expect(tfjsFilesToArtefact(files.modelJson, files.weightsBin)).toEqual(artefact);
    // tfjs's own loader reads the same two files (as a browser would fetch them).
    const weightData = files.weightsBin.slice().buffer;
    const viaTfjs = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: (json as unknown as { modelTopology: object }).modelTopology, weightSpecs: artefact.tfjs!.weightSpecs, weightData }));
    expect(viaTfjs.countParams()).toBe(model.countParams());
    disposeModel(model);
    viaTfjs.dispose();
  });

  it('refuses tfjs files whose weights.bin is the wrong size, or that DevOps Simulator did not write', async () => {
    const { model, artefact } = await smallArtefact();
    disposeModel(model);
    const files = artefactToTfjsFiles(artefact);
    expect(() => tfjsFilesToArtefact(files.modelJson, files.weightsBin.subarray(8))).toThrow(/weights\.bin holds \d+ bytes; model\.json's weights need \d+/);
    const foreign = JSON.parse(files.modelJson) as Record<string, unknown>;
    delete foreign['userDefinedMetadata'];
    expect(() => tfjsFilesToArtefact(foreign, files.weightsBin)).toThrow(/model\.json: userDefinedMetadata\.devsim is missing/);
    expect(() => tfjsFilesToArtefact('{not json', files.weightsBin)).toThrow(/model\.json is not JSON/);
  });

  it('refuses an artefact whose weights do not match its weight specs (a damaged store row or file)', async () => {
    const { model, artefact } = await smallArtefact();
    disposeModel(model);
    const cut = { ...artefact, tfjs: { ...artefact.tfjs!, weightsBase64: artefact.tfjs!.weightsBase64.slice(0, -8) } };
    expect(() => parseArtefact(cut)).toThrow(/^model: tfjs\.weightsBase64 holds \d+ bytes of weights; tfjs\.weightSpecs need \d+$/);
  });

  it('base64 matches Node\'s encoder both ways, for every length mod 3', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 10_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
    }
    expect(() => base64ToBytes('AB$D', 'tfjs.weightsBase64')).toThrow('tfjs.weightsBase64: character 3 ("$") is not base64');
  });
});
