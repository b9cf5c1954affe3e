// devsim forecast on CSV files in a temp folder, checked row by row: the forecast on row t is
// for row t+H from rows up to t only (seasonal naive, naive before a season of history), a
// truncated file forecasts its rows the same, the printed errors, and bad options.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'devsim-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A season of 4 rows (10, 20, 30, 40) with a trend of 1 per row; epoch seconds. */
const seasonal = (n: number) => Array.from({ length: n }, (_, i) => 10 * ((i % 4) + 1) + i);
const write = (name: string, values: number[]) => {
  const file = join(dir, name);
  writeFileSync(file, `timestamp,value\n${values.map((v, i) => `${1714521600 + i * 60},${v}`).join('\n')}\n`);
  return file;
};

function readForecasts(file: string): { timestamp: string; value: number; forecast: number | null }[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(header).toBe('timestamp,value,forecast');
  return rows.map((r) => {
    const [timestamp, value, forecast] = r.split(',');
    return { timestamp: timestamp!, value: Number(value), forecast: forecast === '' ? null : Number(forecast) };
  });
}

describe('devsim forecast', () => {
  const values = seasonal(60);
  const file = write('seasonal.csv', values);

  it('writes, on row t, the seasonal-naive forecast for row t+H made from rows up to t', async () => {
    const out = join(dir, 'preds.csv');
    const r = await cli('forecast', file, '--horizon', '2', '--season', '4', '--out', out);
    expect(r.code).toBe(0);
    const rows = readForecasts(out);
    expect(rows).toHaveLength(60);
    expect(rows[0]!.timestamp).toBe('1714521600');
    rows.forEach((row, t) => {
      expect(row.value).toBe(values[t]);
      // y(t+2) = y(t+2−4) = y(t−2) once two rows back exist; before that the last value.
      expect(row.forecast).toBe(t >= 2 ? values[t - 2] : values[t]);
    });
    // Every forecast misses by the trend over one season (4): MAE 4, MASE 1 against the in-sample seasonal naive.
    expect(r.out).toContain('after probation (51 rows): MAE 4.000');
    expect(r.out).toContain('MASE 1.000 (scale: seasonal naive, season 4, on the probationary rows)');
  });

  it('leaves MASE out when the probationary rows hold less than two seasons', async () => {
    const r = await cli('forecast', write('short.csv', values.slice(0, 40)), '--horizon', '1', '--season', '4', '--out', join(dir, 'short-preds.csv'));
    expect(r.out).toContain('MASE n/a (its scale needs two seasons of 4 rows in the probationary period; raise --probation)');
  });

  it('forecasts from the past only: a truncated file forecasts its rows the same', async () => {
    await cli('forecast', file, '--horizon', '3', '--season', '4', '--out', join(dir, 'a.csv'));
    await cli('forecast', write('cut.csv', values.slice(0, 25)), '--horizon', '3', '--season', '4', '--out', join(dir, 'b.csv'));
    expect(readForecasts(join(dir, 'b.csv'))).toEqual(readForecasts(join(dir, 'a.csv')).slice(0, 25));
  });

  it('is the naive last value without --season', async () => {
    const out = join(dir, 'naive.csv');
    await cli('forecast', file, '--horizon', '1', '--out', out);
    expect(readForecasts(out).map((r) => r.forecast)).toEqual(values);
  });

  it.each(['gbt', 'lstm'])('with --forecaster %s: trained on the probationary rows, it beats the naive last value on a daily wave, from the past only', async (forecaster) => {
    // A wave of 24 rows, 1,200 rows: the probation (180 rows) holds seven waves to learn from.
    const wave = Array.from({ length: 1200 }, (_, i) => 100 + 40 * Math.sin((2 * Math.PI * i) / 24) + ((i * 7919) % 13) / 13);
    const waveFile = write('wave.csv', wave);
    const out = join(dir, `${forecaster}.csv`);
    const r = await cli('forecast', waveFile, '--horizon', '1', '--forecaster', forecaster, '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    const mae = (text: string) => Number(/MAE ([0-9.]+)/.exec(text)![1]);
    const naive = await cli('forecast', waveFile, '--horizon', '1', '--out', join(dir, 'naive.csv'));
    expect(mae(r.out)).toBeLessThan(mae(naive.out) / 2);
    const rows = readForecasts(out);
    expect(rows.slice(200).every((x) => x.forecast !== null && Number.isFinite(x.forecast))).toBe(true);
    // The past only: the first 600 rows of the file forecast the same.
    const cut = write('wave-cut.csv', wave.slice(0, 600));
    const cutOut = join(dir, `${forecaster}-cut.csv`);
    // Same probation: 180 of 600 rows.
    await cli('forecast', cut, '--horizon', '1', '--forecaster', forecaster, '--probation', '0.3', '--out', cutOut);
    expect(readForecasts(cutOut).map((x) => x.forecast)).toEqual(rows.slice(0, 600).map((x) => x.forecast));
  }, 60_000);

  it('is a usage error without --horizon or --out, or with a horizon that is not a whole number ≥ 1', async () => {
    expect(await cli('forecast', file, '--out', join(dir, 'x.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('--horizon H') });
    expect(await cli('forecast', file, '--horizon', '2')).toMatchObject({ code: 2, err: expect.stringContaining('--out PREDS.csv') });
    expect(await cli('forecast', file, '--horizon', '0', '--out', join(dir, 'x.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('--horizon must be a whole number from 1 to 100000, not "0"') });
    expect(await cli('forecast', file, '--horizon', '1', '--season', '2.5', '--out', join(dir, 'x.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('--season must be a whole number') });
  });
});
