// The ML lab's models: LSTM forecaster and LSTM-predictor anomaly detector (tfjs), and
// gradient-boosted trees (plain TS). Each trainer returns a checked contract artefact.
export { buildLstmRegressor, compileRegressor, disposeModel, type LstmRegressorShape } from './lstm-regressor.js';
export {
  DEFAULT_FORECASTER_SETTINGS,
  DEFAULT_FORECASTER_WINDOW,
  DEFAULT_DETECTOR_SETTINGS,
  DEFAULT_DETECTOR_WINDOW,
  type LstmSettings,
} from './lstm-settings.js';
export type { LstmTrainingRequest } from './training-request.js';
export { trainLstmForecaster, type TrainedModel } from './train-forecaster.js';
export { trainLstmDetector, DEFAULT_THRESHOLD_QUANTILE } from './train-detector.js';
export { loadTrainableModel } from './load-trainable.js';
export { predictWindows } from './predict-windows.js';
export { LstmWindowModel, type LstmWindowModelOptions } from './lstm-window-model.js';
export { OnlineLearner, DEFAULT_ONLINE_LEARNING, type OnlineLearningOptions } from './online-learner.js';
export { learningDetectorFromArtefact, type DisposableLearningDetector } from './learning-detector.js';
export { GbtWindowModel, type GbtWindowModelOptions } from './gbt/gbt-window-model.js';
export { probationWindows, type ProbationWindows } from './probation-windows.js';
export { trainGbtForecaster, type GbtTrainingRequest, type TrainedTrees } from './gbt/gbt-forecaster.js';
export { boostTrees, DEFAULT_BOOST_SETTINGS, type BoostSettings, type BoostResult, type Samples } from './gbt/boost.js';
