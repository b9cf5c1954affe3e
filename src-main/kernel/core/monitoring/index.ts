export { AlertEvaluator, UNMODELLED_ALERT_METRICS, type AlertSummary, type AlertValue } from './alerts.js';
export { ANOMALY_ALERT, AnomalyWatch } from './anomaly-watch.js';
export { Monitoring, type MonitoringOptions } from './monitor.js';
export { BASE_MEMORY_SHARE, IDLE_CPU_SHARE, buildResourceModel, cpuCores, instanceHourPrice, memoryMiB, type ResourceModel } from './resources.js';
export { MAX_PENDING_FRAME_BYTES, MAX_PENDING_FRAMES, SeriesRecorder, type DataTierGauges } from './series.js';
export { SloCheck, type SloThresholds } from './slo-check.js';
export { SteadyStateWatch, type Baseline, type ExperimentSummary, type ExperimentVerdict } from './steady-state.js';
