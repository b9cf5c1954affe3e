import { describe, expect, it } from 'vitest';
import { parseArtefact } from '../../../src-main/ml/artefact/parse-artefact.js';
import { MODEL_FORMAT_VERSION } from '../../../src-preload/contract/ml-models.js';
import { datasetInfo } from './models-series.js';

const seasonalNaive = {
  format: 'devsim-model',
  formatVersion: MODEL_FORMAT_VERSION,
  name: 'daily',
  purpose: 'forecaster',
  architecture: 'seasonal-naive',
  window: 24,
  horizon: 1,
  normalisation: { method: 'none', offset: 0, scale: 1 },
  parameters: { season: 24 },
  dataset: datasetInfo(24, 1, 100),
  evaluation: {},
};

describe('reading an artefact', () => {
  it('accepts a well-formed one', () => {
    expect(parseArtefact(seasonalNaive).architecture).toBe('seasonal-naive');
  });

  it('refuses another format version, naming the field and both versions', () => {
    expect(() => parseArtefact({ ...seasonalNaive, formatVersion: 2 }, 'model.json')).toThrow(
      `model.json: formatVersion is 2; this version of the app reads format ${MODEL_FORMAT_VERSION} only`,
    );
  });

  it('refuses an unknown architecture, naming the field and what is known', () => {
    expect(() => parseArtefact({ ...seasonalNaive, architecture: 'transformer' })).toThrow(/^model: architecture "transformer" is not one this app knows \(lstm-predictor, /);
  });

  it('refuses something that is not a devsim model', () => {
    expect(() => parseArtefact({ format: 'layers-model' })).toThrow('model: format is "layers-model", not "devsim-model"');
    expect(() => parseArtefact([1, 2])).toThrow('model is not a JSON object');
  });

  it('names the first bad field deeper down', () => {
    expect(() => parseArtefact({ ...seasonalNaive, normalisation: { method: 'zscore', offset: 0, scale: 0 } })).toThrow(/^model: normalisation\.scale /);
  });

  it('refuses a network model without its network, and trees without trees', () => {
    expect(() => parseArtefact({ ...seasonalNaive, architecture: 'lstm-forecaster' })).toThrow('model: tfjs is missing');
    expect(() => parseArtefact({ ...seasonalNaive, architecture: 'gradient-boosted-trees' })).toThrow('model: trees is missing');
  });
});
