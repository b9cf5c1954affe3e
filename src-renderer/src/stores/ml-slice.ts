import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_FORECASTER_SETTINGS, DEFAULT_FORECASTER_WINDOW } from '../../../src-main/ml/models/lstm-settings.js';
import type { DevsimApi, ModelArtefact, RunInfo } from '../../../src-preload/contract/index.js';
import { startMlWorker, type MlWorkerClient } from '../ml/client.js';
import { trainSpecSchema, type EpochFigures, type TrainedFigures, type TrainSpec } from '../ml/protocol.js';
import { seriesFromCsv } from '../ml/series-from-csv.js';
import { seriesNames } from '../ml/series-from-run.js';
import type { AppState } from './app-store.js';
import { messageOf } from './errors.js';
import { trainingSource, type MlSourceKind, type MlSourceState } from './ml-source.js';

export interface MlBackendState {
  state: 'off' | 'starting' | 'ready' | 'failed';
  backend: 'wasm' | 'cpu' | null;
  /** Why each faster backend was passed over. */
  fallbacks: string[];
  error: string | null;
}

export interface MlTraining {
  /** The run id, or "csv:" and the file name. */
  runId: string;
  series: string;
  /** The worker's job id, once the series is read and sent. */
  jobId: string | null;
  state: 'loading' | 'training' | 'cancelling' | 'trained' | 'cancelled' | 'failed';
  epochs: number;
  /** Loss and validation loss per finished epoch, in order. */
  history: EpochFigures[];
  /** What the series held: points filled, points labelled anomalous by the run's faults and alerts. */
  data: { points: number; filled: number; anomalousPoints: number; episodes: number } | null;
  result: TrainedFigures | null;
  /** The trained model, ready to save. */
  artefact: ModelArtefact | null;
  message: string | null;
  /** Where saving the model stands: "saving", the stored name and version, or why it failed. */
  saved: { state: 'saving' } | { state: 'saved'; name: string; version: number } | { state: 'failed'; message: string } | null;
}

/** The ML layer's default forecaster (sized to train 2,000 windows in seconds here), with a 70/15/15 split by time. */
export const DEFAULT_ML_SPEC: TrainSpec = {
  purpose: 'forecaster',
  window: DEFAULT_FORECASTER_WINDOW,
  horizon: 1,
  normalisation: 'zscore',
  trainFraction: 0.7,
  validationFraction: 0.15,
  epochs: DEFAULT_FORECASTER_SETTINGS.epochs,
  patience: DEFAULT_FORECASTER_SETTINGS.patience,
  units: DEFAULT_FORECASTER_SETTINGS.units,
  batchSize: DEFAULT_FORECASTER_SETTINGS.batchSize,
};
export interface MlSlice extends Omit<MlSourceState, 'runs'> {
  mlCsvError: string | null;
  mlSpec: TrainSpec;
  mlBackend: MlBackendState;
  mlTraining: MlTraining | null;
  setMlSource(source: MlSourceKind): void;
  /** Parses an imported `timestamp,value` file; a bad row is named by its line in mlCsvError. */
  loadMlCsv(fileName: string, text: string): void;
  pickMlRun(id: string | null): void;
  pickMlSeries(name: string): void;
  setMlSpec(patch: Partial<TrainSpec>): void;
  /** Starts the worker (if not going) and learns which backend it runs on. */
  startMlBackend(): Promise<void>;
  trainMl(): Promise<void>;
  cancelMl(): void;
  /** Stores the trained model through the contract (a name already stored gets the next version). */
  saveMlModel(): Promise<void>;
}

/** Runs worth training on: finished (not failed) and with series recorded. */
export const trainableRuns = (runs: readonly RunInfo[] | null): RunInfo[] =>
  (runs ?? []).filter((r) => (r.state === 'completed' || r.state === 'stopped' || r.state === 'cancelled') && r.layout.nodes.length > 0 && r.layout.metrics.length > 0);

/** A first series to offer: a latency if the run has one (faults show there), else the first. */
export const defaultSeries = (run: RunInfo): string | null => {
  const names = seriesNames(run);
  return names.find((n) => n.endsWith('/latency_p95_ms') && !n.startsWith('(')) ?? names[0] ?? null;
};

export const isTraining = (t: MlTraining | null): boolean => t !== null && (t.state === 'loading' || t.state === 'training' || t.state === 'cancelling');

export const createMlSlice =
  (api: DevsimApi, startWorker: () => MlWorkerClient = startMlWorker): StateCreator<AppState, [], [], MlSlice> =>
  (set, get) => {
    let client: MlWorkerClient | null = null;

    /** The worker, started afresh when the last one stopped (e.g. it ran out of memory). */
    const worker = (): MlWorkerClient => {
      if (client === null || client.failure !== null) {
        client = startWorker();
        const mine = client;
        set({ mlBackend: { state: 'starting', backend: null, fallbacks: [], error: null } });
        mine.backend.then(
          (b) => {
            if (client === mine) set({ mlBackend: { state: 'ready', backend: b.backend, fallbacks: b.fallbacks, error: null } });
          },
          (err: unknown) => {
            if (client === mine) set({ mlBackend: { state: 'failed', backend: null, fallbacks: [], error: messageOf(err) } });
          },
        );
      }
      return client;
    };

    const patchTraining = (runId: string, patch: Partial<MlTraining>): void => {
      const t = get().mlTraining;
      if (t && t.runId === runId) set({ mlTraining: { ...t, ...patch } });
    };

    return {
      mlSource: 'run',
      mlRunId: null,
      mlSeries: null,
      mlCsv: null,
      mlCsvError: null,
      mlSpec: DEFAULT_ML_SPEC,
      mlBackend: { state: 'off', backend: null, fallbacks: [], error: null },
      mlTraining: null,

      setMlSource: (mlSource) => set({ mlSource }),
      loadMlCsv: (fileName, text) => {
        try {
          set({ mlCsv: seriesFromCsv(fileName, text), mlCsvError: null });
        } catch (err) {
          set({ mlCsv: null, mlCsvError: messageOf(err) });
        }
      },
      pickMlRun: (id) => {
        const run = id === null ? undefined : get().runs?.find((r) => r.id === id);
        set({ mlRunId: run ? run.id : null, mlSeries: run ? defaultSeries(run) : null });
      },
      pickMlSeries: (name) => set({ mlSeries: name }),
      setMlSpec: (patch) => set({ mlSpec: { ...get().mlSpec, ...patch } }),

      startMlBackend: async () => {
        await worker().backend.catch(() => {}); // the state says why
      },

      trainMl: async () => {
        if (isTraining(get().mlTraining)) return;
        const state = get();
        const source = trainingSource(state, api);
        const blank = { jobId: null, epochs: state.mlSpec.epochs, history: [], data: null, result: null, artefact: null, message: null, saved: null };
        const fail = (message: string): void => set({ mlTraining: { ...blank, runId: typeof source === 'string' ? '' : source.key, series: typeof source === 'string' ? '' : source.series, state: 'failed', message } });
        if (typeof source === 'string') return fail(source);
        const spec = trainSpecSchema.safeParse(state.mlSpec);
        if (!spec.success) {
          const issue = spec.error.issues[0];
          return fail(`Check ${issue?.path.join('.') || 'the settings'}: ${issue?.message ?? 'not valid'}`);
        }
        const key = source.key;
        set({ mlTraining: { ...blank, runId: key, series: source.series, state: 'loading' } });
        try {
          const input = await source.read();
          patchTraining(key, { data: { points: input.series.values.length, filled: input.filled, anomalousPoints: input.anomalousPoints, episodes: input.episodes } });
          const { id, done } = worker().train(input.series, spec.data, (figures) => {
            const t = get().mlTraining;
            if (t?.jobId === id) set({ mlTraining: { ...t, history: [...t.history, figures] } });
          });
          patchTraining(key, { jobId: id, state: 'training' });
          const end = await done;
          if (end.kind === 'trained') patchTraining(key, { state: 'trained', result: end.result, artefact: end.artefact });
          else {
            patchTraining(key, { state: 'cancelled', message: `Cancelled after ${end.epochsDone} of ${spec.data.epochs} epochs.` });
            // A worker stopped to end the training (it did not answer the cancel): start its successor now.
            if (client?.failure) worker();
          }
        } catch (err) {
          patchTraining(key, { state: 'failed', message: messageOf(err) });
          // A worker that died is replaced on the next training; say so meanwhile.
          if (client?.failure) set({ mlBackend: { state: 'failed', backend: null, fallbacks: [], error: client.failure } });
        }
      },

      cancelMl: () => {
        const t = get().mlTraining;
        if (!t || t.state !== 'training' || t.jobId === null) return;
        client?.cancel(t.jobId);
        set({ mlTraining: { ...t, state: 'cancelling' } });
      },

      saveMlModel: async () => {
        const t = get().mlTraining;
        if (!t?.artefact || t.saved?.state === 'saving') return;
        const artefact = t.artefact;
        const mark = (saved: MlTraining['saved']): void => {
          const now = get().mlTraining;
          if (now?.artefact === artefact) set({ mlTraining: { ...now, saved } });
        };
        mark({ state: 'saving' });
        try {
          const stored = await api.saveModel({ artefact });
          mark({ state: 'saved', name: stored.name, version: stored.version });
          await get().loadMlModels();
        } catch (err) {
          mark({ state: 'failed', message: messageOf(err) });
        }
      },
    };
  };
