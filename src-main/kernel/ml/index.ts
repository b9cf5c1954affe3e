// Trained models in the kernel without TensorFlow.js: plain-JS forward passes over weights
// that src-main/ml/artefact extracts from a model artefact.
export type { KernelActivation, KernelNetwork, KernelLayerWeights, LstmLayerWeights, DenseLayerWeights } from './network-types.js';
export { networkForward } from './network.js';
export { lstmForward } from './lstm.js';
export { denseForward } from './dense.js';
export { normalisedWindow, denormalise } from './history-window.js';
export { predictTrees, type TreeEnsembleWeights } from './tree-ensemble.js';
export { forecastStepsAhead } from './forecast-ahead.js';
export { makeNetworkForecaster, makeTreeForecaster, type Forecaster, type NetworkForecasterSpec, type TreeForecasterSpec } from './forecaster.js';
export { calibrateErrors, scoreFromError, SCORE_MIDPOINT_Z, type ErrorCalibration } from './anomaly-score.js';
export { makeAnomalyScorer, type AnomalyScorer, type AnomalyScorerSpec } from './anomaly-scorer.js';
