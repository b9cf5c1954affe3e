import { forecastErrors, seasonalNaiveScale } from '../../ml/metrics/forecast-errors.js';
import { alignForecasts, runForecaster } from '../../ml/streaming/drivers.js';
import { DEFAULT_PROBATION, probationRows } from '../../ml/streaming/probation.js';
import { FORECASTERS, forecasterNamed, NEEDS_TFJS } from '../../ml/streaming/registry.js';
import { useNodeMlBackend } from '../../models/ml-backend.js';
import { csvField } from '../../runs/records-csv.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { csvNumber, numberOption, readSeriesCsv, writeCsv } from '../series-csv.js';

/**
 * Streaming forecasts over a timestamp,value file: on row t, the forecast of the value at row
 * t + H made from rows up to t only (empty where the forecaster has none yet). Prints MAE,
 * MAPE and MASE over the rows after the probationary period, MASE scaled by the seasonal naive
 * error of the probationary rows (Hyndman's in-sample scale; needs two seasons of them).
 */
export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'Forecast each row of a timestamp,value CSV H rows ahead (streaming, from the past only)',
  usage:
    `devsim forecast FILE.csv --horizon H --out PREDS.csv [--season N] [--forecaster ${Object.keys(FORECASTERS).join('|')}] [--probation ${DEFAULT_PROBATION}]` +
    '  (writes timestamp,value,forecast: on row t, the forecast for row t+H; --season in rows, default 1 = naive)',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      horizon: { type: 'string' },
      season: { type: 'string' },
      forecaster: { type: 'string' },
      probation: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one CSV file to forecast');
    if (values.out === undefined) throw new UsageError('say where the forecasts go: --out PREDS.csv');
    if (values.horizon === undefined) throw new UsageError('say how many rows ahead to forecast: --horizon H');
    const horizon = numberOption('horizon', values.horizon, 1, { min: 1, max: 100_000, integer: true });
    const season = numberOption('season', values.season, 1, { min: 1, max: 1_000_000, integer: true });
    const probation = numberOption('probation', values.probation, DEFAULT_PROBATION, { min: 0, max: 1, exclusive: true });
    const name = values.forecaster ?? 'seasonal-naive';
    if (FORECASTERS[name] === undefined) throw new UsageError(`--forecaster must be one of ${Object.keys(FORECASTERS).join(', ')}, not "${name}"`);
    const file = positionals[0]!;
    const series = readSeriesCsv(file, io);
    if (series === undefined) return EXIT.failed;
    const rows = series.values.length;
    const probationCount = probationRows(rows, probation);
    if (NEEDS_TFJS.has(name)) await useNodeMlBackend();
    const forecaster = forecasterNamed(name, { horizon, season, probationRows: probationCount });
    const made = await runForecaster(forecaster, series.timesMs, series.values, probationCount);
    writeCsv(values.out, 'timestamp,value,forecast', rows, (i) => `${csvField(series.timestampTexts[i]!)},${series.values[i]},${csvNumber(made[i]!)}`);
    io.out(`${file}: ${rows} rows, forecasts ${horizon} row${horizon === 1 ? '' : 's'} ahead (${name}, season ${season}); wrote ${values.out}\n`);
    io.out(`${evaluation(series.values, alignForecasts(made, horizon), probationCount, season)}\n`);
    return EXIT.ok;
  },
};

/** Errors over the rows after probation; MASE only when probation holds two seasons. */
function evaluation(actual: Float64Array, aligned: Float64Array, probationCount: number, season: number): string {
  const held = { actual: actual.subarray(probationCount), forecast: aligned.subarray(probationCount) };
  if (!held.forecast.some((f) => !Number.isNaN(f))) return 'no forecast has a row to compare with yet (the file is shorter than the horizon past probation)';
  const e = forecastErrors(held.actual, held.forecast);
  const parts = [`after probation (${e.count} rows): MAE ${e.mae.toPrecision(4)}`, `MAPE ${Number.isNaN(e.mape) ? 'n/a' : `${e.mape.toFixed(2)} %`}${e.mapeSkippedZeros > 0 ? ` (${e.mapeSkippedZeros} zero rows skipped)` : ''}`];
  const train = actual.subarray(0, probationCount);
  // The scale needs a season's worth of differences to mean anything (a few would make MASE noise).
  if (train.length >= 2 * season) {
    const scale = seasonalNaiveScale(train, season);
    parts.push(scale > 0 ? `MASE ${(e.mae / scale).toFixed(3)} (scale: seasonal naive, season ${season}, on the probationary rows)` : 'MASE n/a (the probationary rows do not change season to season)');
  } else parts.push(`MASE n/a (its scale needs two seasons of ${season} rows in the probationary period; raise --probation)`);
  return parts.join(', ');
}
