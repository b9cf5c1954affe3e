import { describe, expect, it } from 'vitest';
import { forecasterFromArtefact } from '../../../src-main/ml/artefact/kernel-models.js';
import { parseArtefact } from '../../../src-main/ml/artefact/parse-artefact.js';
import { artefactToTfjsFiles, tfjsFilesToArtefact } from '../../../src-main/ml/artefact/tfjs-files.js';
import { binFeatures, binOf } from '../../../src-main/ml/models/gbt/binning.js';
import { boostTrees } from '../../../src-main/ml/models/gbt/boost.js';
import { trainGbtForecaster } from '../../../src-main/ml/models/gbt/gbt-forecaster.js';
import { seededRandom } from '../../../src-main/ml/training/seeded-random.js';
import { treeEnsembleSchema } from '../../../src-preload/contract/ml-models.js';
import { datasetInfo, sineSeries, windowsOf, zscore } from './models-series.js';

describe('gradient-boosted trees', () => {
  it('bins so that "bin <= b" is exactly "x <= edges[b]"', () => {
    const values = Float32Array.from([5, 1, 3, 3, 3, 9, 7, 2, 8, 4]);
    const { edges, binned } = binFeatures(values, 10, 1, 4);
    const e = edges[0]!;
    for (let i = 0; i < 10; i++) {
      for (let b = 0; b < e.length; b++) expect(binned[0]![i]! <= b).toBe(values[i]! <= e[b]!);
      expect(binOf(e, values[i]!)).toBe(binned[0]![i]);
    }
  });

  it('fits a step function of one feature among noise features almost exactly', () => {
    const random = seededRandom(3);
    const rows = 400;
    const features = Float32Array.from({ length: rows * 3 }, () => random());
    const targets = Float32Array.from({ length: rows }, (_, i) => (features[i * 3 + 1]! > 0.5 ? 10 : -10));
    const { ensemble } = boostTrees({ features, targets, rows, cols: 3 }, undefined, { rounds: 30, learningRate: 0.3, maxDepth: 2, minSamplesLeaf: 5, lambda: 1, maxBins: 32, subsample: 1, patience: 5, seed: 1 });
    expect(treeEnsembleSchema.safeParse(ensemble).success).toBe(true);
    expect(ensemble.trees[0]!.feature[0]).toBe(1); // the first split is on the feature that matters
    expect(Math.abs(ensemble.trees[0]!.threshold[0]! - 0.5)).toBeLessThan(0.05);
  });

  it('forecasts a sine from its lags, beats predicting the mean, and round-trips as an artefact and tfjs files', () => {
    const series = sineSeries(900);
    const n = zscore(series.subarray(0, 600));
    const { artefact, validationRmse } = trainGbtForecaster({
      name: 'trees',
      train: windowsOf(series, 24, 1, n, 0, 600),
      validation: windowsOf(series, 24, 1, n, 600, 900),
      normalisation: n,
      dataset: datasetInfo(24, 1, 900),
      settings: { rounds: 60 },
    });
    expect(Math.min(...validationRmse)).toBeLessThan(0.25); // predicting the mean: ~1
    expect(artefact.trees!.trees.length).toBe(artefact.parameters['treesKept']);
    expect(parseArtefact(JSON.parse(JSON.stringify(artefact)))).toEqual(artefact);
    const files = artefactToTfjsFiles(artefact);
    expect(files.weightsBin.length).toBe(0);
    expect(tfjsFilesToArtefact(files.modelJson, files.weightsBin)).toEqual(artefact);
    const forecast = forecasterFromArtefact(artefact);
    let absError = 0;
    for (let t = 700; t < 800; t++) absError += Math.abs(forecast(series.subarray(0, t + 1)) - series[t + 1]!);
    expect(absError / 100).toBeLessThan(4); // amplitude 20
  });

  it('refuses too few rows', () => {
    const series = sineSeries(100);
    const n = zscore(series);
    expect(() => trainGbtForecaster({ name: 't', train: windowsOf(series, 24, 1, n, 0, 40), validation: windowsOf(series, 24, 1, n, 40, 100), normalisation: n, dataset: datasetInfo(24, 1, 100) })).toThrow(
      /^too few windows to train: 16 training windows/,
    );
  });
});
