// A run's predictive and learned nodes get the models they name from the model store (a real
// SQLite file): the worker forecasts with the stored model; a model of the wrong purpose is
// refused with the node's field; a name not in the store leaves the node on its baseline.
import { describe, expect, it } from 'vitest';
import { resolveRunModels } from '../../../src-main/runs/run-models.js';
import { MODEL_FORMAT_VERSION, type ModelArtefact } from '../../../src-preload/contract/index.js';
import { dailyDoc, reactiveFields } from '../kernel/predictive-helpers.js';
import { runServices, type ServiceFixture } from './service-fixture.js';

const serve = runServices();

const span = { fromMs: 0, toMs: 1, count: 1 };
/** A forecaster that always says 150 requests/s: trees with no splits, only their base. */
function constantForecaster(name: string, purpose: ModelArtefact['purpose'] = 'forecaster'): ModelArtefact {
  return {
    format: 'devsim-model',
    formatVersion: MODEL_FORMAT_VERSION,
    name,
    purpose,
    architecture: 'gradient-boosted-trees',
    window: 10,
    horizon: 1,
    normalisation: { method: 'none', offset: 0, scale: 1 },
    parameters: {},
    dataset: { source: 'csv', origin: 'test', series: ['value'], window: 10, horizon: 1, stepMs: 60_000, train: span, validation: span, test: span, anomalousPoints: 0 },
    evaluation: {},
    trees: { base: 150, learningRate: 1, trees: [] },
  };
}

const predictiveDoc = (model: string) => dailyDoc({ policy: 'predictive', ...reactiveFields, bufferS: 120, model });

describe('models for a run, from the store', () => {
  it('runs a predictive node on the stored forecaster it names', async () => {
    // The lookup is called at start, by then fx is set.
    const fx: ServiceFixture = serve({ models: { getLatest: (name) => fx.store.models.getLatest(name) } });
    fx.store.models.save(constantForecaster('shop-forecast'));
    const { id } = fx.service.start({ document: predictiveDoc('shop-forecast'), parameters: { speed: 'max', durationS: 900, warmupS: 0 } });
    expect((await fx.finished(id)).state).toBe('completed');
    const events = fx.service.events({ id, limit: 100_000 }).events;
    expect(events.find((e) => e.type === 'scaling-policy')?.message).toMatch(/until shop-forecast has its history \(10 more steps\)/);
    const forecast = events.find((e) => e.type === 'scaled' && e.data?.['source'] === 'forecast');
    expect(forecast?.data?.['forecastRps']).toBe(150);
    expect(forecast!.tMs).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses a model of the wrong purpose with the field that names it, and leaves a missing one to the baseline', () => {
    const detector = { ...constantForecaster('shop-forecast', 'anomaly-detector') };
    const lookup = (artefact: ModelArtefact | undefined) => ({
      getLatest: (name: string) => (artefact && artefact.name === name ? { ...artefact, id: 'm-1', version: 1, createdAt: '2026-01-01T00:00:00Z' } : undefined),
    });
    expect(() => resolveRunModels(predictiveDoc('shop-forecast'), lookup(detector))).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', where: 'document.nodes.api.scaling.model', message: expect.stringContaining('anomaly-detector') }),
    );
    expect(resolveRunModels(predictiveDoc('not-trained-yet'), lookup(constantForecaster('shop-forecast')))).toEqual({});
    expect(Object.keys(resolveRunModels(predictiveDoc('shop-forecast'), lookup(constantForecaster('shop-forecast'))))).toEqual(['shop-forecast']);
  });

  it('says so when the store cannot be read', () => {
    const broken = { getLatest: () => { throw new Error('database disk image is malformed'); } };
    expect(() => resolveRunModels(predictiveDoc('shop-forecast'), broken)).toThrow(expect.objectContaining({ code: 'STORAGE', message: expect.stringContaining('malformed') }));
  });
});
