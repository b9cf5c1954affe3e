// devsim run: a document through the kernel, in this process, with a progress bar on a
// terminal; the summary JSON to --out or stdout, the records as CSV with --csv.
import { resolve } from 'node:path';
import { ContractError, type RunSpeed } from '../../../src-preload/contract/index.js';
import { writeFileAtomic } from '../../app/write-file-atomic.js';
import { createRun, type ExperimentSummary } from '../../kernel/index.js';
import { prepareRun } from '../../runs/prepare-run.js';
import { RecordsCsv } from '../../runs/records-csv.js';
import { RunDriver } from '../../runs/run-driver.js';
import { withWallTime, type HostSummary } from '../../runs/summary-totals.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type CliIo, type Command } from '../command.js';
import { formatClock, parseDuration } from '../duration.js';
import { createProgressBar } from '../progress-bar.js';
import { readDocumentForCommand } from '../read-document.js';

/** Exit code when a budget (events, requests in flight) stopped the run before its end. */
export const EXIT_STOPPED = 2;

const OPTIONS = {
  duration: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  warmup: { type: 'string' },
  'max-events': { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'Simulate a topology and write the summary JSON (exit 2 when a budget stopped it)',
  usage:
    'devsim run FILE [--duration 1h] [--seed N] [--speed max|Nx] [--warmup 5m] [--max-events N] [--out results.json] [--csv DIR] [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('name exactly one document to run');
    const parameters = {
      speed: parseSpeed(values.speed ?? 'max'),
      ...optional('durationS', values.duration, (v) => positiveDuration('--duration', v)),
      ...optional('warmupS', values.warmup, (v) => duration('--warmup', v)),
      ...optional('seed', values.seed, (v) => integer('--seed', v, 0, 2 ** 32 - 1)),
      ...optional('maxEvents', values['max-events'], (v) => integer('--max-events', v, 1, 1e12)),
    };
    const file = positionals[0]!;
    const doc = readDocumentForCommand(file, io);
    if (!doc) return EXIT.failed;
    let prepared;
    try {
      prepared = prepareRun(doc, parameters, resolve(file));
    } catch (err) {
      if (!(err instanceof ContractError)) throw err;
      io.err(`devsim run: ${err.message}${err.where && !err.message.startsWith(err.where.split(':')[0]!) ? ` (${err.where})` : ''}\n`);
      return EXIT.failed;
    }
    const run = createRun(prepared.document, prepared.options);
    const csv = values.csv === undefined ? undefined : new RecordsCsv(values.csv, run.seriesLayout);
    const bar = io.errTTY ? createProgressBar((t) => io.err(t), prepared.endMs) : undefined;
    const began = performance.now();
    try {
      await new RunDriver(run, { speed: parameters.speed, maxEventsPerTick: 200_000, batchIntervalMs: 100 }, {
        batch(records, progress) {
          csv?.write(records);
          bar?.update(progress.simulatedMs, progress.events);
        },
      }).start();
    } finally {
      bar?.clear();
      csv?.close();
    }
    const summary = withWallTime(run.summary(), performance.now() - began);
    report(summary, values, io);
    if (csv) io.err(`wrote ${csv.files.join(' and ')}\n`);
    if (run.state === 'stopped') {
      io.err(`devsim run: stopped early at ${formatClock(run.now / 1000)} of simulated time: ${run.stopReason ?? 'a budget ran out'}\n`);
      return EXIT_STOPPED;
    }
    return EXIT.ok;
  },
};

function report(summary: HostSummary, values: { out?: string | undefined; json?: boolean | undefined }, io: CliIo): void {
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  if (values.out === undefined) {
    io.out(json);
    return;
  }
  writeFileAtomic(values.out, json);
  if (values.json === true) io.out(json);
  else {
    const t = summary.totals;
    io.out(
      `simulated ${formatClock(t.simulated_seconds)} in ${t.wall_seconds.toFixed(2)} s: ${t.events} events (${Math.round(t.events_per_second)}/s); summary in ${values.out}\n`,
    );
    for (const e of summary.experiments) io.out(`${experimentLine(e)}\n`);
  }
  for (const w of summary.warnings) io.err(`warning: ${w}\n`);
}

/** One chaos experiment as a line: the fault, when, and its verdict with the figures that go with it. */
export function experimentLine(e: ExperimentSummary): string {
  const what = `chaos: ${e.fault} on ${e.target} at ${formatClock(e.start_s)}${e.injected ? ' (injected)' : ''}`;
  const broken = `SLO broken ${e.violating_seconds} s`;
  const alert = e.first_alert === null ? 'no alert' : `first alert ${e.first_alert} after ${e.first_alert_after_s} s`;
  switch (e.verdict) {
    case 'tolerated':
      return `${what}: tolerated (${alert})`;
    case 'recovered':
      return `${what}: recovered ${e.recovered_after_s} s after it ended (${broken}; ${alert})`;
    case 'not-recovered':
      return `${what}: not recovered by the end of the run (${broken}; ${alert})`;
    case 'inconclusive':
      return `${what}: inconclusive, no steady state before it (${e.before === 'broken' ? 'the SLO was broken' : 'too early in the run'})`;
  }
}

function optional<K extends string, T>(key: K, text: string | undefined, parse: (text: string) => T): { [P in K]?: T } {
  return text === undefined ? {} : ({ [key]: parse(text) } as { [P in K]: T });
}

function duration(flag: string, text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds > 31_536_000) throw new UsageError(`${flag} takes a duration like 90s, 15m, 1h, 2h30m or 24h (at most a year), not "${text}"`);
  return seconds;
}

function positiveDuration(flag: string, text: string): number {
  const seconds = duration(flag, text);
  if (seconds <= 0) throw new UsageError(`${flag} must be longer than 0`);
  return seconds;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** max, or a multiple of wall time: 10x, 10 or 0.5x (1 simulated second per wall second is 1x). */
function parseSpeed(text: string): RunSpeed {
  if (text === 'max') return 'max';
  const n = /^\d+(\.\d+)?x?$/.test(text) ? Number(text.replace(/x$/, '')) : NaN;
  if (!(n > 0 && n <= 10_000)) throw new UsageError(`--speed takes max or a multiple of wall time like 10x (up to 10000x), not "${text}"`);
  return n;
}
