// File glue for the ML commands (detect, forecast): read a timestamp,value CSV with its
// problems printed per line, parse the numeric options, and write result columns as CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { CsvError, parseTimestampValueCsv, type CsvSeries } from '../ml/data/csv.js';
import { UsageError, type CliIo } from './command.js';

/** The series, or undefined after printing why it cannot be read (each bad line named). */
export function readSeriesCsv(file: string, io: CliIo): CsvSeries | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`${file}: cannot read it: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    return undefined;
  }
  try {
    return parseTimestampValueCsv(text, file);
  } catch (err) {
    io.err(`${err instanceof CsvError ? err.message : `${file}: ${(err as Error).message}`}\n`);
    return undefined;
  }
}

/** A number option within [min, max] (integer when asked), or a UsageError naming the option. */
export function numberOption(name: string, text: string | undefined, fallback: number, range: { min: number; max: number; integer?: boolean; exclusive?: boolean }): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  const inRange = range.exclusive === true ? n > range.min && n < range.max : n >= range.min && n <= range.max;
  if (text.trim() === '' || !Number.isFinite(n) || !inRange || (range.integer === true && !Number.isInteger(n))) {
    const kind = range.integer === true ? 'a whole number' : 'a number';
    const bounds = range.exclusive === true ? `between ${range.min} and ${range.max} (exclusive)` : `from ${range.min} to ${range.max}`;
    throw new UsageError(`--${name} must be ${kind} ${bounds}, not "${text}"`);
  }
  return n;
}

/** Writes `header` then one line per row built by `row(i)`. */
export function writeCsv(file: string, header: string, rows: number, row: (i: number) => string): void {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(row(i));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** A CSV number: empty for NaN (no value). */
export const csvNumber = (v: number): string => (Number.isNaN(v) ? '' : String(v));
