import { describe, expect, it, vi } from 'vitest';
import { MlWorkerClient } from '../../../src-renderer/src/ml/client.js';
import { DEFAULT_ML_SPEC } from '../../../src-renderer/src/stores/ml-slice.js';
import { ARTEFACT, FakeWorker, RESULT } from './ml-fake-worker.js';

const series = { source: 'run' as const, name: 'api/latency_p95_ms', origin: 'run-1', stepMs: 5000, timesMs: [0, 5000, 10000], values: [1, 2, 3], labels: [0, 0, 0] as (0 | 1)[] };
const figures = (epoch: number) => ({ epoch, loss: 1 / epoch, valLoss: 1.1 / epoch, elapsedMs: epoch * 10 });

describe('the ML worker client', () => {
  it('learns the backend, passes progress on, and settles a training with its outcome', async () => {
    const worker = new FakeWorker();
    const client = new MlWorkerClient(worker);
    worker.reply({ type: 'backend', backend: 'cpu', fallbacks: ['wasm: did not initialise'] });
    await expect(client.backend).resolves.toEqual({ backend: 'cpu', fallbacks: ['wasm: did not initialise'] });

    const progress = vi.fn();
    const { id, done } = client.train(series, DEFAULT_ML_SPEC, progress);
    expect(worker.last()).toEqual({ type: 'train', id, series, spec: DEFAULT_ML_SPEC });
    worker.reply({ type: 'progress', id, epochs: 20, figures: figures(1) });
    worker.reply({ type: 'progress', id: 'someone-else', epochs: 20, figures: figures(1) });
    expect(progress).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledWith(figures(1), 20);
    worker.reply({ type: 'trained', id, result: RESULT, artefact: ARTEFACT });
    await expect(done).resolves.toEqual({ kind: 'trained', result: RESULT, artefact: ARTEFACT });
  });

  it('posts a cancel for a training that goes, and settles it as cancelled', async () => {
    const worker = new FakeWorker();
    const client = new MlWorkerClient(worker);
    const { id, done } = client.train(series, DEFAULT_ML_SPEC, undefined);
    client.cancel(id);
    expect(worker.last()).toEqual({ type: 'cancel', id });
    worker.reply({ type: 'cancelled', id, epochsDone: 3 });
    await expect(done).resolves.toEqual({ kind: 'cancelled', epochsDone: 3 });
    client.cancel(id); // no longer going: nothing posted
    expect(worker.posted).toHaveLength(2);
  });

  it('stops a worker that does not answer a cancel in time: the training ends cancelled and the next call says the worker is gone', async () => {
    vi.useFakeTimers();
    try {
      const worker = new FakeWorker();
      const client = new MlWorkerClient(worker, 500);
      const { id, done } = client.train(series, DEFAULT_ML_SPEC, undefined);
      worker.reply({ type: 'progress', id, epochs: 20, figures: figures(3) });
      client.cancel(id);
      await vi.advanceTimersByTimeAsync(499);
      expect(worker.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(done).resolves.toEqual({ kind: 'cancelled', epochsDone: 3 });
      expect(worker.terminated).toBe(true);
      expect(client.failure).toBe('The ML worker was restarted to stop a training that did not answer its cancel');
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects a training with the worker's message, and one whose reply is malformed with what was wrong", async () => {
    const worker = new FakeWorker();
    const client = new MlWorkerClient(worker);
    const first = client.train(series, DEFAULT_ML_SPEC, undefined);
    worker.reply({ type: 'failed', id: first.id, message: 'Series api/latency_p95_ms is too short' });
    await expect(first.done).rejects.toThrow('Series api/latency_p95_ms is too short');
    const second = client.train(series, DEFAULT_ML_SPEC, undefined);
    worker.reply({ type: 'trained', id: second.id, result: { windows: { train: -1 } } });
    await expect(second.done).rejects.toThrow(/^A malformed reply from the ML worker at result\./);
  });

  it('fails every pending call and the backend when the worker dies, and refuses new calls saying why', async () => {
    const worker = new FakeWorker();
    const client = new MlWorkerClient(worker);
    const { done } = client.train(series, DEFAULT_ML_SPEC, undefined);
    const predicted = client.predict([[1, 2]]);
    worker.crash('Out of memory');
    await expect(done).rejects.toThrow('The ML worker stopped: Out of memory');
    await expect(predicted).rejects.toThrow('The ML worker stopped: Out of memory');
    await expect(client.backend).rejects.toThrow('The ML worker stopped: Out of memory');
    expect(client.failure).toBe('The ML worker stopped: Out of memory');
    await expect(client.predict([[1]])).rejects.toThrow('The ML worker stopped');
  });

  it('reports a backend that could not start', async () => {
    const worker = new FakeWorker();
    const client = new MlWorkerClient(worker);
    worker.reply({ type: 'backend-failed', message: 'No TensorFlow.js backend could start (wasm: x; cpu: y)' });
    await expect(client.backend).rejects.toThrow('No TensorFlow.js backend could start (wasm: x; cpu: y)');
  });

  it('asks for predictions and anomaly scores and settles with them', async () => {
    const worker = new FakeWorker();
    const client = new MlWorkerClient(worker);
    const predicted = client.predict([[1, 2]]);
    const p = worker.last();
    expect(p).toMatchObject({ type: 'predict', windows: [[1, 2]] });
    worker.reply({ type: 'predicted', id: (p as { id: string }).id, values: [3] });
    await expect(predicted).resolves.toEqual([3]);
    const scored = client.score([[1, 2]], [9]);
    const s = worker.last();
    expect(s).toMatchObject({ type: 'score', windows: [[1, 2]], actual: [9] });
    worker.reply({ type: 'scored', id: (s as { id: string }).id, scores: [0.97] });
    await expect(scored).resolves.toEqual([0.97]);
  });

  it('dispose terminates the worker', () => {
    const worker = new FakeWorker();
    new MlWorkerClient(worker).dispose();
    expect(worker.terminated).toBe(true);
  });
});
