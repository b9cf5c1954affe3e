// The worker's side of the protocol under Node, with the real ML layer and tfjs on wasm:
// requests validated, training one at a time with progress, cancel, predictions and scores.
import { beforeAll, describe, expect, it } from 'vitest';
import { modelArtefactSchema } from '../../../src-preload/contract/index.js';
import type { SeriesInput, WorkerReply } from '../../../src-renderer/src/ml/protocol.js';
import { createWorkerJobs } from '../../../src-renderer/src/ml/worker-jobs.js';
import { DEFAULT_ML_SPEC } from '../../../src-renderer/src/stores/ml-slice.js';
import { sineSeries } from '../ml/models-series.js';
import { useWasmBackend } from '../ml/models-tf-setup.js';

function series(): SeriesInput {
  const values = Array.from(sineSeries(300, 24, 0.05, 5));
  return { source: 'run', name: 'api/throughput_rps', origin: 'run-1', stepMs: 1000, timesMs: values.map((_, i) => i * 1000), values, labels: values.map(() => 0 as const) };
}
const spec = { ...DEFAULT_ML_SPEC, window: 12, epochs: 3, patience: 3 };

function worker(backend: Promise<unknown> = Promise.resolve()) {
  const replies: WorkerReply[] = [];
  const handle = createWorkerJobs((r) => replies.push(r), backend);
  const of = <T extends WorkerReply['type']>(type: T) => replies.filter((r): r is Extract<WorkerReply, { type: T }> => r.type === type);
  return { handle, replies, of };
}

describe('the ML worker’s jobs', () => {
  beforeAll(async () => {
    await useWasmBackend();
  });

  it('answers a malformed request with a failure that names the field, to the id it carried', async () => {
    const w = worker();
    await w.handle({ type: 'train', id: 'train-1', series: series(), spec: { ...spec, epochs: 0 } });
    await w.handle({ type: 'nonsense' });
    expect(w.replies).toEqual([
      { type: 'failed', id: 'train-1', message: expect.stringMatching(/^A malformed request to the ML worker at spec\.epochs: /) },
      { type: 'failed', id: null, message: expect.stringMatching(/^A malformed request to the ML worker at type: /) },
    ]);
  });

  it('says there is no model before one is trained', async () => {
    const w = worker();
    await w.handle({ type: 'predict', id: 'p-1', windows: [[1, 2]] });
    expect(w.replies).toEqual([{ type: 'failed', id: 'p-1', message: 'No model has been trained yet' }]);
  });

  it('trains a detector with progress, refuses a second training meanwhile, then predicts and scores with it', async () => {
    const w = worker();
    const first = w.handle({ type: 'train', id: 'train-1', series: series(), spec: { ...spec, purpose: 'anomaly-detector' } });
    await w.handle({ type: 'train', id: 'train-2', series: series(), spec });
    await first;
    expect(w.of('failed')).toEqual([{ type: 'failed', id: 'train-2', message: 'A training is already going: wait for it or cancel it first' }]);
    expect(w.of('progress').map((p) => [p.id, p.figures.epoch, p.epochs])).toEqual([
      ['train-1', 1, 3],
      ['train-1', 2, 3],
      ['train-1', 3, 3],
    ]);
    const [trained] = w.of('trained');
    expect(modelArtefactSchema.parse(trained!.artefact)).toMatchObject({ purpose: 'anomaly-detector', window: 12 });

    const values = series().values;
    const windows = [values.slice(100, 112), values.slice(200, 212)];
    await w.handle({ type: 'predict', id: 'p-1', windows });
    const [predicted] = w.of('predicted');
    expect(predicted!.values).toHaveLength(2);
    // The next point of a smooth sine is predicted within a fraction of its amplitude (20).
    expect(Math.abs(predicted!.values[0]! - values[112]!)).toBeLessThan(10);
    await w.handle({ type: 'score', id: 's-1', windows, actual: [values[112]!, values[212]! + 200] });
    const [scored] = w.of('scored');
    expect(scored!.scores[0]).toBeLessThan(0.5);
    expect(scored!.scores[1]).toBeGreaterThan(0.99);
  });

  it('stops a training that is cancelled, and a forecaster gives no anomaly scores', async () => {
    const w = worker();
    // Epochs long enough (≈1,000 windows of 32) that tfjs yields to the event loop within each (every 125 ms), as lab-sized data does.
    const long = (() => {
      const values = Array.from(sineSeries(1500, 24, 0.05, 5));
      return { ...series(), timesMs: values.map((_, i) => i * 1000), values, labels: values.map(() => 0 as const) };
    })();
    const going = w.handle({ type: 'train', id: 'train-1', series: long, spec: { ...spec, window: 32, epochs: 200, patience: 200 } });
    while (w.of('progress').length === 0) await new Promise((r) => setTimeout(r, 20));
    await w.handle({ type: 'cancel', id: 'train-1' });
    await going;
    const [cancelled] = w.of('cancelled');
    expect(cancelled!.epochsDone).toBeGreaterThanOrEqual(1);
    expect(cancelled!.epochsDone).toBeLessThan(200);

    await w.handle({ type: 'train', id: 'train-2', series: series(), spec });
    await w.handle({ type: 'score', id: 's-1', windows: [series().values.slice(0, 12)], actual: [100] });
    expect(w.of('failed').at(-1)).toEqual({ type: 'failed', id: 's-1', message: expect.stringMatching(/is a forecaster, not an anomaly detector/) });
  });

  it('fails a training with the reason no backend started', async () => {
    const backend = Promise.reject(new Error('No TensorFlow.js backend could start (wasm: x; cpu: y)'));
    backend.catch(() => {});
    const w = worker(backend);
    await w.handle({ type: 'train', id: 'train-1', series: series(), spec });
    expect(w.replies).toEqual([{ type: 'failed', id: 'train-1', message: 'No TensorFlow.js backend could start (wasm: x; cpu: y)' }]);
  });
});
