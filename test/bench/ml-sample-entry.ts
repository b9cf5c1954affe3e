// What test/bench/ml-sample.mjs needs, bundled as one module (one tfjs, one backend).
export { useNodeMlBackend } from '../../src-main/models/ml-backend.js';
export { LstmWindowModel, GbtWindowModel, DEFAULT_ONLINE_LEARNING } from '../../src-main/ml/models/index.js';
export { parseTimestampValueCsv } from '../../src-main/ml/data/csv.js';
export { episodesOf } from '../../src-main/ml/data/episodes.js';
export { runDetector, runForecaster, alignForecasts } from '../../src-main/ml/streaming/drivers.js';
export { probationRows } from '../../src-main/ml/streaming/probation.js';
export { WindowModelDetector, WindowModelForecaster } from '../../src-main/ml/streaming/window-model.js';
export { detectorNamed, forecasterNamed } from '../../src-main/ml/streaming/registry.js';
export { pointWiseScores } from '../../src-main/ml/metrics/point-wise.js';
export { eventWiseScores } from '../../src-main/ml/metrics/event-wise.js';
export { forecastErrors, mase } from '../../src-main/ml/metrics/forecast-errors.js';
