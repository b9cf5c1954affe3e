// A real TensorFlow.js network through the store and out as files: tfjs itself loads the
// exported folder (model.json fetched, weights.bin resolved beside it) and predicts the same.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightSpecSchema } from '../../../src-preload/contract/index.js';
import { ModelService } from '../../../src-main/models/model-service.js';
import { Store } from '../../../src-main/store/store.js';
import { networkArtefact } from './fixtures/artefact.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'devsim-tfjs-load-'));
  store = Store.open(join(dir, 'data'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    }),
  );
  return saved!;
}

describe('exported files load in TensorFlow.js', () => {
  it('a stored network exported as model.json + weights.bin loads with tf.loadLayersModel and predicts identically', async () => {
    const net = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3], activation: 'tanh' }), tf.layers.dense({ units: 1 })] });
    const artifacts = await artifactsOf(net);
    const models = new ModelService(store.models);
    const saved = models.save({
      ...networkArtefact('tfjs-net'),
      tfjs: {
        modelTopology: artifacts.modelTopology as Record<string, unknown>,
        weightSpecs: artifacts.weightSpecs!.map((s) => weightSpecSchema.parse(s)),
        weightsBase64: Buffer.from(artifacts.weightData as ArrayBuffer).toString('base64'),
      },
    });
    const folder = join(dir, 'export');
    models.exportFiles(saved.id, folder);

    // tfjs's own HTTP loader, served from the folder: it reads the manifest and fetches weights.bin beside model.json.
    const fetched: string[] = [];
    const fetchFunc = (input: string | URL | Request): Promise<Response> => {
      const file = basename(new URL(input instanceof Request ? input.url : input).pathname);
      fetched.push(file);
      return Promise.resolve(new Response(readFileSync(join(folder, file))));
    };
    const loaded = await tf.loadLayersModel('http://export.invalid/model.json', { fetchFunc });
    expect(fetched).toEqual(['model.json', 'weights.bin']);
    expect((loaded.getUserDefinedMetadata() as { devsim: { name: string } }).devsim.name).toBe('tfjs-net');

    const input = tf.tensor2d([[0.1, -2, 3.5], [0, 0, 0], [7, 1e-3, -0.25]]);
    expect(Array.from(await (loaded.predict(input) as tf.Tensor).data())).toEqual(Array.from(await (net.predict(input) as tf.Tensor).data()));
    const bits = async (m: tf.LayersModel) => Promise.all(m.getWeights().map(async (w) => Array.from(new Uint32Array((await w.data()).buffer))));
    expect(await bits(loaded)).toEqual(await bits(net));
    tf.dispose([input]);
    loaded.dispose();
    net.dispose();
  });
});
