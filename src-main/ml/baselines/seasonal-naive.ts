// The seasonal-naive forecaster: the value `horizon` steps ahead is the value one season
// earlier than that target, y(t+h) = y(t + h − m·⌈h/m⌉), the latest observed point in the same
// phase of the season. Before it has that point it falls back to the last value (naive).
// Season 1 is the plain naive forecast.
import type { StreamingForecaster } from '../streaming/interfaces.js';

export class SeasonalNaiveForecaster implements StreamingForecaster {
  private readonly history: Float64Array;
  private seen = 0;
  /** How far back the same-phase point lies: m·⌈h/m⌉ − h steps before the current one. */
  private readonly lag: number;

  constructor(
    readonly horizon: number,
    readonly season = 1,
  ) {
    if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`the horizon must be a whole number of steps ≥ 1, not ${horizon}`);
    if (!(Number.isInteger(season) && season >= 1)) throw new RangeError(`the season must be a whole number of steps ≥ 1, not ${season}`);
    this.lag = season * Math.ceil(horizon / season) - horizon;
    this.history = new Float64Array(this.lag + 1);
  }

  observe(_tMs: number, value: number): number {
    this.history[this.seen % this.history.length] = value;
    this.seen++;
    if (this.seen <= this.lag) return value;
    return this.history[(this.seen - 1 - this.lag) % this.history.length]!;
  }
}
