import type { Forecaster } from './forecaster.js';

/**
 * A forecast `stepsAhead` steps past the history's end from a model trained for `horizon`
 * steps. A one-step model rolls forward, feeding its own forecasts back in; a model trained
 * for another horizon answers with its own horizon (a direct model cannot say other steps).
 */
export function forecastStepsAhead(forecaster: Forecaster, horizon: number, history: ArrayLike<number>, stepsAhead: number): number {
  if (horizon !== 1 || stepsAhead <= 1) return forecaster(history);
  const rolled = Array.from(history);
  let value = NaN;
  for (let step = 0; step < stepsAhead; step++) {
    value = forecaster(rolled);
    rolled.push(value);
  }
  return value;
}
