export { createRun, DEFAULT_MAX_EVENTS, DEFAULT_MAX_IN_FLIGHT, type AdvanceLimit, type Run, type RunOptions, type RunState } from './run.js';
export type { LatencySummary, NodeClassSummary, NodeSummary, RunSummary, RunTotals, SourceClassSummary, SourceSummary } from './summary.js';
export * from './monitoring/index.js';
export type { RatePoint } from './rate-profile.js';
export { MAX_CALL_DEPTH } from './network.js';
export { buildPlan, type Plan } from './plan.js';
export { analyzeLoad, LOAD_ANALYSIS_DEPTH, type GroupLoad, type LoadAnalysis, type NodeLoad } from './load-analysis.js';
export { loadWarnings } from './load-warnings.js';
export { EventLog, MAX_PENDING_EVENTS, RUN_EVENT_TYPES, SERIES_METRICS, type RunEvent, type RunEventType, type RunRecords, type SeriesFrame, type SeriesLayout, type SeriesMetric } from './records.js';
