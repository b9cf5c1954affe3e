// A run's anomaly-detection node gets the detector it names from the model store (a real
// SQLite file): the worker scores the watched series with the stored LSTM predictor and raises
// AnomalyDetected at a traffic spike; a model of another purpose is refused with the node's field.
import { beforeAll, describe, expect, it } from 'vitest';
import { networkToArtefact } from '../../../src-main/ml/artefact/index.js';
import { buildLstmRegressor, disposeModel } from '../../../src-main/ml/models/lstm-regressor.js';
import { resolveRunModels } from '../../../src-main/runs/run-models.js';
import type { ModelArtefact } from '../../../src-preload/contract/index.js';
import { topology } from '../kernel/helpers/documents.js';
import { datasetInfo } from '../ml/models-series.js';
import { useWasmBackend } from '../ml/models-tf-setup.js';
import { runServices, type ServiceFixture } from './service-fixture.js';

const serve = runServices();
let detector: ModelArtefact;

beforeAll(async () => {
  await useWasmBackend();
  // An untrained LSTM predictor: its predictions stay near the normal level (0 once normalised,
  // give or take a little), so only a point many spreads away from 20 requests/s scores over
  // the threshold: the spike to 200/s does, Poisson noise around 20/s does not.
  const model = buildLstmRegressor({ window: 6, units: 3, learningRate: 0.01, seed: 1 });
  detector = await networkToArtefact(model, {
    name: 'arrivals-detector',
    purpose: 'anomaly-detector',
    architecture: 'lstm-predictor',
    window: 6,
    horizon: 1,
    normalisation: { method: 'zscore', offset: 20, scale: 5 },
    threshold: 0.9,
    parameters: { errorCentre: 1, errorSpread: 1 },
    dataset: datasetInfo(6, 1, 100),
    evaluation: {},
  });
  disposeModel(model);
});

const spikeDoc = (model: string, onlineLearning = false) =>
  topology(
    {
      src: { kind: 'traffic-source', rate: { type: 'spike', baseRps: 20, spikeRps: 200, atS: 300, durationS: 120 } },
      api: { kind: 'container', replicas: 50, serviceTime: { default: { type: 'constant', valueMs: 5 } } },
      watcher: { kind: 'ml-inference', purpose: 'anomaly-detection', model, watch: 'api/arrivals_rps', onlineLearning, serviceTime: { default: { type: 'constant', valueMs: 2 } } },
    },
    [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }],
    { durationS: 600, warmupS: 0 },
  );

describe('anomaly detectors for a run, from the store', () => {
  it('raises AnomalyDetected at the spike with the stored detector, and resolves it after', async () => {
    const fx: ServiceFixture = serve({ models: { getLatest: (name) => fx.store.models.getLatest(name) } });
    fx.store.models.save(detector);
    const { id } = fx.service.start({ document: spikeDoc('arrivals-detector'), parameters: { speed: 'max' } });
    expect((await fx.finished(id)).state).toBe('completed');
    const alerts = fx.service.events({ id, limit: 100_000 }).events.filter((e) => e.type === 'alert-firing' || e.type === 'alert-resolved');
    expect(alerts.map((e) => e.type)).toEqual(['alert-firing', 'alert-resolved']);
    expect(alerts[0]).toMatchObject({ target: 'api', severity: 'warning', data: { alert: 'AnomalyDetected', model: 'arrivals-detector', metric: 'arrivals_rps', threshold: 0.9 } });
    expect(alerts[0]!.tMs).toBeGreaterThan(300_000);
    expect(alerts[0]!.tMs).toBeLessThanOrEqual(330_000);
    expect(alerts[1]!.tMs).toBeGreaterThan(420_000);
  });

  it('with onlineLearning, the worker loads TensorFlow.js and the node learns from the stream as it scores (its first step on the timeline)', async () => {
    const fx: ServiceFixture = serve({ models: { getLatest: (name) => fx.store.models.getLatest(name) } });
    fx.store.models.save(detector);
    const { id } = fx.service.start({ document: spikeDoc('arrivals-detector', true), parameters: { speed: 'max' } });
    expect((await fx.finished(id)).state).toBe('completed');
    const events = fx.service.events({ id, limit: 100_000 }).events;
    const steps = events.filter((e) => e.type === 'anomaly-detector');
    expect(steps[0]).toMatchObject({ target: 'watcher', severity: 'info', data: { model: 'arrivals-detector', onlineSteps: 1, undone: 0 } });
    expect(steps[0]!.data!['loss']).toBeGreaterThanOrEqual(0);
    expect(steps[0]!.message).toMatch(/^watcher: online learning step 1 on the latest \d+ windows, loss /);
    expect(events.filter((e) => e.type === 'alert-firing')[0]).toMatchObject({ target: 'api', data: { alert: 'AnomalyDetected' } });
  });

  it('refuses a stored model of another purpose with the field that names it, and leaves a missing one out', () => {
    const lookup = (artefact: ModelArtefact) => ({ getLatest: (name: string) => (name === artefact.name ? { ...artefact, id: 'm-1', version: 1, createdAt: '2026-01-01T00:00:00Z' } : undefined) });
    const forecaster: ModelArtefact = { ...detector, purpose: 'forecaster', architecture: 'lstm-forecaster' };
    expect(() => resolveRunModels(spikeDoc('arrivals-detector'), lookup(forecaster))).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', where: 'document.nodes.watcher.model', message: 'model "arrivals-detector" is a forecaster; watching a series takes an anomaly detector' }),
    );
    expect(resolveRunModels(spikeDoc('not-trained-yet'), lookup(detector))).toEqual({});
    expect(Object.keys(resolveRunModels(spikeDoc('arrivals-detector'), lookup(detector)))).toEqual(['arrivals-detector']);
  });

  it('refuses a detector without a threshold, naming the field', () => {
    const { threshold: _t, ...noThreshold } = detector;
    const lookup = { getLatest: (name: string) => (name === detector.name ? { ...noThreshold, id: 'm-1', version: 1, createdAt: '2026-01-01T00:00:00Z' } : undefined) };
    expect(() => resolveRunModels(spikeDoc('arrivals-detector'), lookup)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', where: 'document.nodes.watcher.model', message: expect.stringContaining('threshold is missing') }));
  });
});
