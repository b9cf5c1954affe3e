// The built-in forecaster of the predictive policy: the rate one season (a day) before the
// time forecast. It needs a full season of history, as AWS predictive scaling needs 24 h.
import type { KernelForecaster } from './scaling-models.js';

export const DEFAULT_SEASON_S = 86_400;

export function seasonalNaive(seasonS: number, stepMs: number): KernelForecaster {
  if (!(seasonS > 0 && stepMs > 0)) throw new RangeError(`the season (${seasonS} s) and the step (${stepMs} ms) must be positive`);
  const season = Math.max(1, Math.round((seasonS * 1000) / stepMs));
  const hours = seasonS / 3600;
  return {
    name: `seasonal naive (${Number.isInteger(hours) ? `${hours} h` : `${seasonS} s`})`,
    stepMs,
    window: season,
    forecast(history, stepsAhead) {
      // The step stepsAhead after the last one, a whole number of seasons earlier.
      const back = season * Math.ceil(stepsAhead / season) - stepsAhead;
      return history[history.length - 1 - back] ?? 0;
    },
  };
}
