export { LatencyHistogram, HISTOGRAM_BYTES } from './histogram.js';
export { TimeWeighted } from './time-weighted.js';
export { CoarseHistogram, COARSE_HISTOGRAM_BYTES } from './coarse-histogram.js';
