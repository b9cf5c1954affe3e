// `timestamp,value` CSV text of real metrics, parsed defensively: every bad row is reported
// with its line number, the column and what was wrong, so a person can fix the file in one go.
// The header is optional (a first line whose fields are neither a time nor a number). Blank
// lines are skipped. Timestamps must rise strictly; values must be finite numbers. Pure: the
// caller reads the file.
import { parseTimestamp, type TimestampForm } from './csv-timestamp.js';

export interface CsvLimits {
  /** Characters of text at most (default 64 MiB). */
  maxChars: number;
  /** Data rows at most (default 2,000,000). */
  maxRows: number;
  /** Problems listed in the error at most (default 20; the rest are counted). */
  maxProblems: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxChars: 64 * 1024 * 1024, maxRows: 2_000_000, maxProblems: 20 };

export interface CsvSeries {
  timesMs: Float64Array;
  values: Float64Array;
  /** The timestamp of each row as written (outputs echo it). */
  timestampTexts: string[];
  /** Line number (1-based) of each row. */
  lines: Int32Array;
  form: TimestampForm;
  header: boolean;
}

export interface CsvProblem {
  line: number;
  column: 'timestamp' | 'value' | 'row';
  message: string;
}

/** Thrown with every problem found (up to maxProblems listed). */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly source: string,
    readonly problems: CsvProblem[],
    readonly total: number,
  ) {
    const listed = problems.map((p) => `${source}:${p.line}: ${p.column === 'row' ? '' : `${p.column}: `}${p.message}`);
    if (total > problems.length) listed.push(`… and ${total - problems.length} more problems`);
    super(listed.join('\n'));
  }
}

const VALUE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const unquote = (field: string): string => {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
};

/** Parses the text; throws CsvError naming each bad line, or Error for limits and empty files. */
export function parseTimestampValueCsv(text: string, source = 'the CSV', limits: Partial<CsvLimits> = {}): CsvSeries {
  const { maxChars, maxRows, maxProblems } = { ...DEFAULT_CSV_LIMITS, ...limits };
  if (text.length > maxChars) throw new Error(`${source} is ${text.length} characters long; at most ${maxChars} are read`);
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: CsvProblem[] = [];
  let total = 0;
  const problem = (line: number, column: CsvProblem['column'], message: string) => {
    total++;
    if (problems.length < maxProblems) problems.push({ line, column, message });
  };
  const times: number[] = [];
  const values: number[] = [];
  const texts: string[] = [];
  const lines: number[] = [];
  let form: TimestampForm | undefined;
  let header = false;
  let seenContent = false;
  for (let k = 0; k < rawLines.length; k++) {
    const raw = rawLines[k]!;
    const line = k + 1;
    if (raw.trim() === '') continue;
    const fields = raw.split(',').map(unquote);
    const first = !seenContent;
    seenContent = true;
    if (first && fields.length === 2 && !VALUE.test(fields[1]!) && typeof parseTimestamp(fields[0]!) === 'string') {
      header = true;
      continue;
    }
    if (fields.length !== 2) {
      problem(line, 'row', `expected 2 columns (timestamp,value), found ${fields.length}`);
      continue;
    }
    if (values.length >= maxRows) throw new Error(`${source} has more than ${maxRows} rows; split it or keep the recent part`);
    const [tText, vText] = fields as [string, string];
    const t = parseTimestamp(tText);
    let ok = true;
    if (typeof t === 'string') {
      problem(line, 'timestamp', t);
      ok = false;
    } else if (form !== undefined && t.form !== form) {
      problem(line, 'timestamp', `"${tText}" is ${describe(t.form)}, but the file's first row uses ${describe(form)}; keep one form`);
      ok = false;
    } else {
      form ??= t.form;
      const prev = times.at(-1);
      if (prev !== undefined && t.ms === prev) {
        problem(line, 'timestamp', `"${tText}" repeats the timestamp of line ${lines.at(-1)}`);
        ok = false;
      } else if (prev !== undefined && t.ms < prev) {
        problem(line, 'timestamp', `"${tText}" is earlier than line ${lines.at(-1)} (${texts.at(-1)}); rows must be in time order`);
        ok = false;
      }
    }
    const v = Number(vText);
    if (vText === '') problem(line, 'value', 'the value is empty');
    else if (!VALUE.test(vText)) problem(line, 'value', `"${vText}" is not a number`);
    else if (!Number.isFinite(v)) problem(line, 'value', `"${vText}" is too large to be a finite number`);
    else if (ok && typeof t !== 'string') {
      times.push(t.ms);
      values.push(v);
      texts.push(tText);
      lines.push(line);
    }
  }
  if (total > 0) throw new CsvError(source, problems, total);
  if (values.length === 0) throw new Error(`${source} has no data rows (expected timestamp,value lines${header ? ' after the header' : ''})`);
  return { timesMs: Float64Array.from(times), values: Float64Array.from(values), timestampTexts: texts, lines: Int32Array.from(lines), form: form!, header };
}

const describe = (f: TimestampForm): string => (f === 'iso' ? 'an ISO 8601 time' : f === 'epoch-s' ? 'epoch seconds' : 'epoch milliseconds');
