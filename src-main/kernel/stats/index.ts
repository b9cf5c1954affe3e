export { LatencyHistogram, HISTOGRAM_BYTES } from './histogram.js';
export { TimeWeighted } from './time-weighted.js';
