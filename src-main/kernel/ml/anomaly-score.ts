/**
 * How a prediction error becomes an anomaly score in [0, 1]. The validation errors of the
 * trained model give a robust centre (median of |error|) and spread (1.4826 × MAD, a
 * standard deviation for normal data); z = (|error| − centre) / spread passes through a
 * logistic centred at z = 3, so a typical error scores ≈ 0.05, three robust sigmas 0.5 and
 * six 0.95. Two numbers calibrate it, so they fit the artefact's `parameters`.
 */
export interface ErrorCalibration {
  errorCentre: number;
  errorSpread: number;
}

/** Where the logistic is centred, in robust sigmas. */
export const SCORE_MIDPOINT_Z = 3;

/** The spread is floored so a model with near-zero validation errors does not flag rounding noise. */
const MIN_SPREAD = 1e-6;

export function calibrateErrors(absErrors: ArrayLike<number>): ErrorCalibration {
  const sorted = Array.from(absErrors, Math.abs).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError('calibration needs at least one finite validation error');
  const centre = median(sorted);
  const mad = median(sorted.map((e) => Math.abs(e - centre)).sort((a, b) => a - b));
  // A MAD of zero (most errors equal) falls back on the mean absolute deviation.
  const spread = mad > 0 ? 1.4826 * mad : sorted.reduce((a, e) => a + Math.abs(e - centre), 0) / sorted.length;
  return { errorCentre: centre, errorSpread: Math.max(spread, MIN_SPREAD) };
}

export function scoreFromError(error: number, calibration: ErrorCalibration): number {
  if (!Number.isFinite(error)) return 1;
  const z = (Math.abs(error) - calibration.errorCentre) / calibration.errorSpread;
  return 1 / (1 + Math.exp(-(z - SCORE_MIDPOINT_Z)));
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}
