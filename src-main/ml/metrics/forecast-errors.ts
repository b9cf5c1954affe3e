// Forecast errors over the points that have a forecast (NaN forecasts are skipped):
// MAE; MAPE, which cannot divide by a zero actual, so those points are skipped and counted;
// MASE as Hyndman & Koehler (2006) define it: MAE over the mean absolute error of the
// in-sample seasonal naive forecast (y_t − y_{t−m}) on the training part.

export interface ForecastErrors {
  mae: number;
  /** Percent. NaN when every actual was zero. */
  mape: number;
  /** Points MAPE skipped because the actual was 0. */
  mapeSkippedZeros: number;
  /** Points compared. */
  count: number;
}

export function forecastErrors(actual: ArrayLike<number>, forecast: ArrayLike<number>): ForecastErrors {
  if (actual.length !== forecast.length) throw new RangeError(`${actual.length} actual values but ${forecast.length} forecasts`);
  let abs = 0;
  let pct = 0;
  let count = 0;
  let pctCount = 0;
  let zeros = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const f = forecast[i]!;
    if (Number.isNaN(f) || Number.isNaN(a)) continue;
    count++;
    abs += Math.abs(a - f);
    if (a === 0) zeros++;
    else {
      pct += Math.abs((a - f) / a);
      pctCount++;
    }
  }
  if (count === 0) throw new RangeError('no point has both an actual value and a forecast');
  return { mae: abs / count, mape: pctCount === 0 ? NaN : (100 * pct) / pctCount, mapeSkippedZeros: zeros, count };
}

/** Mean |y_t − y_{t−m}| over the training values: the denominator of MASE. */
export function seasonalNaiveScale(train: ArrayLike<number>, season: number): number {
  if (!(Number.isInteger(season) && season >= 1)) throw new RangeError(`the season must be a whole number of steps ≥ 1, not ${season}`);
  if (train.length <= season) throw new RangeError(`MASE needs more than one season (${season} steps) of training data; ${train.length} points given`);
  let sum = 0;
  for (let t = season; t < train.length; t++) sum += Math.abs(train[t]! - train[t - season]!);
  return sum / (train.length - season);
}

/** MASE of forecasts against the seasonal naive scale of `train`; throws for a training part with no change at all. */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, train: ArrayLike<number>, season: number): number {
  const scale = seasonalNaiveScale(train, season);
  if (scale === 0) throw new RangeError(`MASE is undefined: the training part does not change from one season (${season} steps) to the next, so the scale is 0`);
  return forecastErrors(actual, forecast).mae / scale;
}
