// A replay rate series from CSV text: `t,rate` rows, a header line allowed. Time is either
// seconds since the start of the run (0, 60, 90.5) or ISO 8601 timestamps (then measured from
// the first row); one file uses one or the other. Rates are requests per second, held until
// the next row. The text is untrusted: every refusal is a RateCsvError naming file, line, column.
import { ContractError } from '../../src-preload/contract/index.js';
import type { RatePoint } from '../kernel/index.js';

/** Larger files are refused before parsing; a day at one row per second is about 1 MB. */
export const MAX_RATE_CSV_BYTES = 16 * 1024 * 1024;
/** Rows at most (the schema's limit for inline points). */
export const MAX_RATE_POINTS = 1_000_000;
/** Rates above this are refused as a typo rather than a workload. */
export const MAX_RATE_RPS = 10_000_000;

export class RateCsvError extends ContractError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super('BAD_REQUEST', `${file}:${line}${column > 0 ? `:${column}` : ''}: ${reason}`, `${file}:${line}`);
    this.name = 'RateCsvError';
  }
}

interface Field {
  text: string;
  column: number;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SHOWN = 40;

const shown = (text: string): string => `'${text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text}'`;

/** Splits one line on commas; columns are 1-based character positions of each field. */
function splitFields(line: string): Field[] {
  const fields: Field[] = [];
  let start = 0;
  for (;;) {
    const comma = line.indexOf(',', start);
    const raw = comma < 0 ? line.slice(start) : line.slice(start, comma);
    const lead = raw.length - raw.trimStart().length;
    let text = raw.trim();
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).trim();
    fields.push({ text, column: start + lead + 1 });
    if (comma < 0) return fields;
    start = comma + 1;
  }
}

type TimeKind = 'seconds' | 'iso';

/** Parses a rate series; throws RateCsvError (and nothing else) on bad input. */
export function parseRateCsv(text: string, file: string): RatePoint[] {
  if (text.length > MAX_RATE_CSV_BYTES) {
    throw new RateCsvError(file, 0, 0, `is larger than ${MAX_RATE_CSV_BYTES / 1048576} MB; rate series are limited to that`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const points: RatePoint[] = [];
  let kind: TimeKind | undefined;
  let originMs = 0;
  let previous = -Infinity;
  let dataSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const fields = splitFields(line);
    const [t, rate] = fields;
    if (!dataSeen && isHeader(t!.text)) {
      dataSeen = true;
      continue;
    }
    dataSeen = true;
    if (fields.length !== 2 || rate === undefined) {
      throw new RateCsvError(file, lineNo, fields.length > 2 ? fields[2]!.column : line.length + 1, `expected two columns, time and rate, found ${fields.length}`);
    }
    const rowKind: TimeKind = NUMBER.test(t!.text) ? 'seconds' : 'iso';
    kind ??= rowKind;
    if (rowKind !== kind) {
      throw new RateCsvError(file, lineNo, t!.column, `time must be ${kind === 'seconds' ? 'seconds like the rows above' : 'an ISO 8601 timestamp like the rows above'}, got ${shown(t!.text)}`);
    }
    const tS = kind === 'seconds' ? parseSeconds(t!, file, lineNo) : parseIso(t!, file, lineNo, points.length === 0 ? undefined : originMs);
    if (kind === 'iso' && points.length === 0) originMs = tS * 1000;
    const relative = kind === 'iso' ? tS - originMs / 1000 : tS;
    if (!(relative > previous)) {
      throw new RateCsvError(file, lineNo, t!.column, `time must increase from row to row: ${shown(t!.text)} is not after the previous row`);
    }
    const rps = NUMBER.test(rate.text) ? Number(rate.text) : NaN;
    if (!(rps >= 0 && rps <= MAX_RATE_RPS)) {
      throw new RateCsvError(file, lineNo, rate.column, `rate must be a number ≥ 0${Number.isFinite(rps) && rps > 0 ? ` and at most ${MAX_RATE_RPS}` : ''}, got ${shown(rate.text)}`);
    }
    if (points.length >= MAX_RATE_POINTS) throw new RateCsvError(file, lineNo, 1, `has more than ${MAX_RATE_POINTS} rows; rate series are limited to that`);
    points.push({ tS: relative, rps });
    previous = relative;
  }
  if (points.length === 0) throw new RateCsvError(file, lines.length, 0, 'has no rows of data (expected lines like "0,120": seconds, requests per second)');
  return points;
}

/** A first line whose time column is neither a number nor a timestamp names the columns. */
const isHeader = (first: string): boolean => !NUMBER.test(first) && !ISO_TIME.test(first) && /^[A-Za-z_"]/.test(first);

function parseSeconds(field: Field, file: string, line: number): number {
  const value = Number(field.text);
  if (!(value >= 0 && value <= 31_536_000)) {
    throw new RateCsvError(file, line, field.column, `time must be seconds between 0 and 31536000 (a year), got ${shown(field.text)}`);
  }
  return value;
}

/** Seconds since the epoch; a timestamp more than a year after the first row is refused. */
function parseIso(field: Field, file: string, line: number, originMs: number | undefined): number {
  const ms = ISO_TIME.test(field.text) ? Date.parse(field.text.replace(' ', 'T')) : NaN;
  if (!Number.isFinite(ms)) {
    throw new RateCsvError(file, line, field.column, `time must be seconds (a number) or an ISO 8601 timestamp like 2026-01-31T12:00:00Z, got ${shown(field.text)}`);
  }
  if (originMs !== undefined && ms - originMs > 31_536_000_000) {
    throw new RateCsvError(file, line, field.column, `time is more than a year after the first row: ${shown(field.text)}`);
  }
  return ms / 1000;
}
