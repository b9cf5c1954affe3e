import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DevsimApi, RunInfo, SeriesFrameDto } from '../../../src-preload/contract/index.js';
import { CANCEL_GRACE_MS, MlWorkerClient } from '../../../src-renderer/src/ml/client.js';
import type { AppState } from '../../../src-renderer/src/stores/app-store.js';
import { createMlModelsSlice } from '../../../src-renderer/src/stores/ml-models-slice.js';
import { createMlSlice, DEFAULT_ML_SPEC, trainableRuns } from '../../../src-renderer/src/stores/ml-slice.js';
import { ARTEFACT, FakeWorker, RESULT, settle } from './ml-fake-worker.js';

const NODES = ['(end to end)', 'users', 'api'];
const METRICS = ['throughput_rps', 'latency_p95_ms'];

const run = (over: Partial<RunInfo> = {}): RunInfo => ({
  id: 'run-1',
  name: 'Shop',
  createdAt: '2025-01-01T00:00:00Z',
  state: 'completed',
  seed: 1,
  parameters: { durationS: 60, warmupS: 0, speed: 'max', seriesIntervalS: 5 },
  simulatedMs: 60_000,
  endMs: 60_000,
  events: 10,
  layout: { intervalMs: 5000, nodes: NODES, metrics: METRICS },
  summary: null,
  error: null,
  stopReason: null,
  dropped: { frames: 0, events: 0 },
  ...over,
});

/** Frames of api only (the host answers the nodes asked for): throughput k, latency 100 + k, one gap at k = 2. */
const frames: SeriesFrameDto[] = Array.from({ length: 6 }, (_, k) => ({ tMs: k * 5000, values: [k, k === 2 ? null : 100 + k] }));

function setup(runs: RunInfo[] = [run()]) {
  const getRunSeries = vi.fn(async (args: { nodes?: string[] }) => ({ layout: { intervalMs: 5000, nodes: args.nodes ?? NODES, metrics: METRICS }, frames, truncated: false }));
  const getRunEvents = vi.fn(async () => ({ events: [], truncated: false }));
  const saveModel = vi.fn(async (args: { artefact: { name: string } }) => ({ ...args.artefact, id: 'model-1', version: 3, createdAt: '2025-01-01T00:00:00Z', weightBytes: 0 }));
  const listModels = vi.fn(async () => ({ models: [], damaged: [] }));
  const api = { getRunSeries, getRunEvents, saveModel, listModels } as unknown as DevsimApi;
  const workers: FakeWorker[] = [];
  const start = (): MlWorkerClient => {
    const w = new FakeWorker();
    workers.push(w);
    return new MlWorkerClient(w);
  };
  const store = createStore<AppState>()((set, get, store) => ({ runs, ...createMlSlice(api, start)(set, get, store), ...createMlModelsSlice(api)(set, get, store) }) as unknown as AppState);
  return { store, workers, getRunSeries, saveModel, listModels };
}

const figures = (epoch: number) => ({ epoch, loss: 1 / epoch, valLoss: 1.2 / epoch, elapsedMs: epoch });

describe('the ML lab slice', () => {
  it('offers finished runs with series, and picks a latency series of a service by default', () => {
    const { store } = setup();
    expect(trainableRuns([run(), run({ id: 'run-2', state: 'running' }), run({ id: 'run-3', state: 'failed' }), run({ id: 'run-4', layout: { intervalMs: 1, nodes: [], metrics: [] } })]).map((r) => r.id)).toEqual(['run-1']);
    store.getState().pickMlRun('run-1');
    expect(store.getState().mlSeries).toBe('users/latency_p95_ms');
    store.getState().pickMlRun('run-unknown');
    expect([store.getState().mlRunId, store.getState().mlSeries]).toEqual([null, null]);
  });

  it('starts the worker and shows its backend with the reasons a faster one was passed over', async () => {
    const { store, workers } = setup();
    const started = store.getState().startMlBackend();
    expect(store.getState().mlBackend.state).toBe('starting');
    workers[0]!.reply({ type: 'backend', backend: 'cpu', fallbacks: ['wasm: failed to fetch'] });
    await started;
    expect(store.getState().mlBackend).toEqual({ state: 'ready', backend: 'cpu', fallbacks: ['wasm: failed to fetch'], error: null });
  });

  it('trains on the picked series: reads it from the run (gaps filled), records each epoch, ends with the figures and a model to save', async () => {
    const { store, workers, getRunSeries, saveModel, listModels } = setup();
    store.getState().pickMlRun('run-1');
    store.getState().pickMlSeries('api/latency_p95_ms');
    store.getState().setMlSpec({ epochs: 2, window: 3 });
    const training = store.getState().trainMl();
    expect(store.getState().mlTraining?.state).toBe('loading');
    await settle();
    expect(getRunSeries).toHaveBeenCalledWith(expect.objectContaining({ id: 'run-1', nodes: ['api'] }));
    const request = workers[0]!.last();
    expect(request).toMatchObject({ type: 'train', spec: { ...DEFAULT_ML_SPEC, epochs: 2, window: 3 }, series: { name: 'api/latency_p95_ms', origin: 'run-1', stepMs: 5000, values: [100, 101, 101, 103, 104, 105], labels: [0, 0, 0, 0, 0, 0] } });
    expect(store.getState().mlTraining?.data).toEqual({ points: 6, filled: 1, anomalousPoints: 0, episodes: 0 });
    const id = (request as { id: string }).id;
    expect(store.getState().mlTraining).toMatchObject({ state: 'training', jobId: id });
    workers[0]!.reply({ type: 'progress', id, epochs: 2, figures: figures(1) });
    workers[0]!.reply({ type: 'progress', id, epochs: 2, figures: figures(2) });
    expect(store.getState().mlTraining?.history).toEqual([figures(1), figures(2)]);
    workers[0]!.reply({ type: 'trained', id, result: RESULT, artefact: ARTEFACT });
    await training;
    expect(store.getState().mlTraining).toMatchObject({ state: 'trained', result: RESULT, artefact: ARTEFACT, message: null });

    const saving = store.getState().saveMlModel();
    expect(store.getState().mlTraining?.saved).toEqual({ state: 'saving' });
    await saving;
    expect(saveModel).toHaveBeenCalledWith({ artefact: ARTEFACT });
    expect(store.getState().mlTraining?.saved).toEqual({ state: 'saved', name: 'api/latency_p95_ms forecaster', version: 3 });
    // The saved models list is read again, so the new version shows.
    expect(listModels).toHaveBeenCalledTimes(1);
  });

  it('cancels the training that goes: cancelling at once, cancelled with the epochs done when the worker stops', async () => {
    const { store, workers } = setup();
    store.getState().pickMlRun('run-1');
    const training = store.getState().trainMl();
    await settle();
    const id = (workers[0]!.last() as { id: string }).id;
    workers[0]!.reply({ type: 'progress', id, epochs: DEFAULT_ML_SPEC.epochs, figures: figures(1) });
    store.getState().cancelMl();
    expect(workers[0]!.last()).toEqual({ type: 'cancel', id });
    expect(store.getState().mlTraining?.state).toBe('cancelling');
    workers[0]!.reply({ type: 'cancelled', id, epochsDone: 1 });
    await training;
    expect(store.getState().mlTraining).toMatchObject({ state: 'cancelled', message: `Cancelled after 1 of ${DEFAULT_ML_SPEC.epochs} epochs.`, history: [figures(1)] });
  });

  it("refuses settings that do not add up, naming the field, without asking the worker", async () => {
    const { store, workers, getRunSeries } = setup();
    store.getState().pickMlRun('run-1');
    store.getState().setMlSpec({ window: NaN });
    await store.getState().trainMl();
    expect(store.getState().mlTraining).toMatchObject({ state: 'failed', message: expect.stringMatching(/^Check window: /) });
    store.getState().setMlSpec({ window: 8, trainFraction: 0.9, validationFraction: 0.1 });
    await store.getState().trainMl();
    expect(store.getState().mlTraining?.message).toMatch(/^Check validationFraction: .*test part/);
    expect(getRunSeries).not.toHaveBeenCalled();
    expect(workers).toHaveLength(0);
  });

  it('says so when no run is picked', async () => {
    const { store } = setup();
    await store.getState().trainMl();
    expect(store.getState().mlTraining).toMatchObject({ state: 'failed', message: 'Pick a finished run to train on.' });
  });

  it("shows the worker's failure, and a worker that died is replaced by a fresh one on the next training", async () => {
    const { store, workers } = setup();
    store.getState().pickMlRun('run-1');
    let training = store.getState().trainMl();
    await settle();
    let id = (workers[0]!.last() as { id: string }).id;
    workers[0]!.reply({ type: 'failed', id, message: 'Series users/latency_p95_ms is too short: 6 points' });
    await training;
    expect(store.getState().mlTraining).toMatchObject({ state: 'failed', message: 'Series users/latency_p95_ms is too short: 6 points' });

    training = store.getState().trainMl();
    await settle();
    workers[0]!.crash('Out of memory');
    await training;
    expect(store.getState().mlTraining?.message).toBe('The ML worker stopped: Out of memory');
    expect(store.getState().mlBackend).toMatchObject({ state: 'failed', error: 'The ML worker stopped: Out of memory' });

    training = store.getState().trainMl();
    await settle();
    expect(workers).toHaveLength(2);
    expect(store.getState().mlBackend.state).toBe('starting');
    id = (workers[1]!.last() as { id: string }).id;
    workers[1]!.reply({ type: 'backend', backend: 'wasm', fallbacks: [] });
    workers[1]!.reply({ type: 'trained', id, result: RESULT, artefact: ARTEFACT });
    await training;
    expect(store.getState().mlTraining?.state).toBe('trained');
    expect(store.getState().mlBackend).toMatchObject({ state: 'ready', backend: 'wasm' });
  });

  it('says why a model could not be saved, and keeps it to try again', async () => {
    const { store, workers, saveModel } = setup();
    store.getState().pickMlRun('run-1');
    const training = store.getState().trainMl();
    await settle();
    workers[0]!.reply({ type: 'trained', id: (workers[0]!.last() as { id: string }).id, result: RESULT, artefact: ARTEFACT });
    await training;
    saveModel.mockRejectedValueOnce(new Error('The model store is read-only'));
    await store.getState().saveMlModel();
    expect(store.getState().mlTraining?.saved).toEqual({ state: 'failed', message: 'The model store is read-only' });
    await store.getState().saveMlModel();
    expect(store.getState().mlTraining?.saved).toMatchObject({ state: 'saved', version: 3 });
  });

  it('trains on an imported CSV file, unlabelled, and names a bad row by its line', async () => {
    const { store, workers, getRunSeries } = setup();
    store.getState().setMlSource('csv');
    await store.getState().trainMl();
    expect(store.getState().mlTraining?.message).toBe('Pick a CSV file of timestamp,value rows to train on.');
    store.getState().loadMlCsv('load.csv', 'timestamp,value\n1714521600,5\n1714521660,oops\n');
    expect(store.getState().mlCsvError).toMatch(/^load\.csv:3: value: /);
    expect(store.getState().mlCsv).toBeNull();
    store.getState().loadMlCsv('load.csv', 'timestamp,value\n1714521600,5\n1714521660,6\n1714521720,7\n');
    expect(store.getState().mlCsvError).toBeNull();
    const training = store.getState().trainMl();
    await settle();
    expect(getRunSeries).not.toHaveBeenCalled();
    expect(workers[0]!.last()).toMatchObject({ type: 'train', series: { source: 'csv', name: 'load.csv', origin: 'load.csv', stepMs: 60_000, values: [5, 6, 7], labels: [0, 0, 0] } });
    expect(store.getState().mlTraining).toMatchObject({ runId: 'csv:load.csv', series: 'load.csv', data: { points: 3, filled: 0, anomalousPoints: 0, episodes: 0 } });
    workers[0]!.reply({ type: 'failed', id: (workers[0]!.last() as { id: string }).id, message: 'too few windows to train' });
    await training;
    expect(store.getState().mlTraining).toMatchObject({ state: 'failed', message: 'too few windows to train' });
  });

  it('a training whose worker had to be stopped to cancel it ends cancelled, and a fresh worker starts at once', async () => {
    vi.useFakeTimers();
    try {
      const { store, workers } = setup();
      store.getState().pickMlRun('run-1');
      const training = store.getState().trainMl();
      await vi.advanceTimersByTimeAsync(0);
      const id = (workers[0]!.last() as { id: string }).id;
      workers[0]!.reply({ type: 'progress', id, epochs: DEFAULT_ML_SPEC.epochs, figures: figures(1) });
      store.getState().cancelMl();
      await vi.advanceTimersByTimeAsync(CANCEL_GRACE_MS);
      await training;
      expect(workers[0]!.terminated).toBe(true);
      expect(store.getState().mlTraining).toMatchObject({ state: 'cancelled', message: `Cancelled after 1 of ${DEFAULT_ML_SPEC.epochs} epochs.` });
      expect(workers).toHaveLength(2);
      expect(store.getState().mlBackend.state).toBe('starting');
    } finally {
      vi.useRealTimers();
    }
  });
});
