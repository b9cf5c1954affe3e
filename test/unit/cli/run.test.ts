import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src-main/cli/duration.js';
import { createProgressBar } from '../../../src-main/cli/progress-bar.js';
import { runCli } from '../../../src-main/cli/run-cli.js';
import { cli } from './run.js';

const templates = resolve(import.meta.dirname, '../../../resources/templates');
const mm1 = join(templates, 'single-queue.devsim.yaml');
const dir = mkdtempSync(join(tmpdir(), 'devsim-run-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Summary {
  nodes: Record<string, { arrivals: number; throughput_rps: number; latency_ms: { p99: number } }>;
  sources: Record<string, { latency_ms: { mean: number }; error_rate: number }>;
  totals: { simulated_seconds: number; seed: number; events: number; wall_seconds: number; events_per_second: number; complete: boolean; stop_reason: string | null };
}

describe('devsim run', () => {
  it('runs a template and prints the summary JSON with wall-clock totals', async () => {
    const { code, out, err } = await cli('run', mm1, '--duration', '10m', '--warmup', '1m', '--seed', '9');
    expect(code).toBe(0);
    expect(err).toBe(''); // not a terminal: no progress bar
    const summary = JSON.parse(out) as Summary;
    expect(summary.totals).toMatchObject({ simulated_seconds: 600, seed: 9, complete: true, stop_reason: null });
    expect(summary.totals.events).toBeGreaterThan(0);
    expect(summary.totals.wall_seconds).toBeGreaterThan(0);
    expect(summary.totals.events_per_second).toBeCloseTo(summary.totals.events / summary.totals.wall_seconds, 6);
    expect(summary.nodes.server!.arrivals).toBeGreaterThan(0);
    expect(summary.nodes.server!.latency_ms.p99).toBeGreaterThan(0);
    expect(summary.sources.arrivals!.error_rate).toBe(0);
  });

  it('is deterministic: the same seed gives the same summary apart from wall time', async () => {
    const strip = (text: string) => {
      const s = JSON.parse(text) as Summary;
      return { ...s, totals: { ...s.totals, wall_seconds: 0, events_per_second: 0 } };
    };
    const a = await cli('run', mm1, '--duration', '5m', '--warmup', '30s', '--seed', '3');
    const b = await cli('run', mm1, '--duration', '5m', '--warmup', '30s', '--seed', '3');
    expect(strip(a.out)).toEqual(strip(b.out));
  });

  it('with --out, prints a line per chaos experiment: the fault, when, and its verdict', async () => {
    const doc = join(dir, 'chaos.devsim.yaml');
    const faults = `scenario:
  durationS: 600
  seed: 1
  slo: { latencyP99Ms: 5000, errorRatePercent: 1 }
  faults:
    - { type: network-delay, at: 20, target: server, durationS: 30, delayMs: 10000 }
    - { type: network-delay, at: 300, target: server, durationS: 60, delayMs: 10000 }
`;
    writeFileSync(doc, readFileSync(mm1, 'utf8').replace(/^scenario:[\s\S]*$/m, faults));
    const out = join(dir, 'chaos.json');
    const { code, out: printed } = await cli('run', doc, '--warmup', '0s', '--out', out);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(out, 'utf8')) as { experiments: { recovered_after_s: number; violating_seconds: number }[] };
    const [early, late] = summary.experiments;
    expect(printed.split('\n').filter((l) => l.startsWith('chaos: '))).toEqual([
      'chaos: network-delay on server at 0:00:20: inconclusive, no steady state before it (too early in the run)',
      `chaos: network-delay on server at 0:05:00: recovered ${late!.recovered_after_s} s after it ended (SLO broken ${late!.violating_seconds} s; no alert)`,
    ]);
    expect(early!.violating_seconds).toBeGreaterThan(0);
    expect(late!.violating_seconds).toBeGreaterThanOrEqual(60);
  });

  it('writes the summary to --out and the records to --csv DIR', async () => {
    const out = join(dir, 'results.json');
    const csvDir = join(dir, 'csv');
    const { code, out: printed, err } = await cli('run', mm1, '--duration', '2m', '--warmup', '0s', '--out', out, '--csv', csvDir);
    expect(code).toBe(0);
    expect(printed).toMatch(/^simulated 0:02:00 in .* events .*; summary in /);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Summary).totals.simulated_seconds).toBe(120);
    expect(err).toContain(`wrote ${join(csvDir, 'series.csv')} and ${join(csvDir, 'events.csv')}`);
    const series = readFileSync(join(csvDir, 'series.csv'), 'utf8').trim().split('\n');
    expect(series[0]).toMatch(/^time_s,node,arrivals_rps,/);
    const columns = series[0]!.split(',').length;
    for (const row of series.slice(1)) expect(row.split(',')).toHaveLength(columns);
    expect(readFileSync(join(csvDir, 'events.csv'), 'utf8').split('\n')[0]).toBe('time_s,type,target,severity,message,data');
  });

  it('exits 2 with the reason when a budget stops the run', async () => {
    const { code, out, err } = await cli('run', mm1, '--duration', '1h', '--warmup', '0s', '--max-events', '5000');
    expect(code).toBe(2);
    expect(err).toMatch(/stopped early at .* the event budget \(5000\) was used up/);
    expect((JSON.parse(out) as Summary).totals).toMatchObject({ complete: false, events: 5000 });
  });

  it('exits 1 with the findings as devsim validate prints them for an invalid document', async () => {
    const broken = join(dir, 'broken.devsim.yaml');
    writeFileSync(broken, ['apiVersion: devsim.io/v1', 'kind: Topology', 'metadata: { name: x }', 'nodes:', '  a: { kind: traffic-source, rate: { type: constant, rps: 1 } }', 'links:', '  - { type: call, from: a, to: b }', ''].join('\n'));
    const { code, out, err } = await cli('run', broken);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${broken}:7:32: error: The link goes to "b", which is not a node in this document. [link-missing-node] (links[0].to)`);
  });

  it('exits 1 naming the line of a bad replay CSV', async () => {
    const doc = readFileSync(mm1, 'utf8').replace('rate: { type: constant, rps: 8 }', 'rate: { type: replay, file: rates.csv }');
    const file = join(dir, 'replay.devsim.yaml');
    writeFileSync(file, doc);
    writeFileSync(join(dir, 'rates.csv'), 't,rate\n0,5\n60,oops\n');
    const bad = await cli('run', file, '--duration', '2m', '--warmup', '0s');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("devsim run: rates.csv:3:4: rate must be a number ≥ 0, got 'oops'");
    writeFileSync(join(dir, 'rates.csv'), 't,rate\n0,5\n60,20\n');
    const good = await cli('run', file, '--duration', '2m', '--warmup', '0s');
    expect(good.code).toBe(0);
    const requests = (JSON.parse(good.out) as { sources: Record<string, { requests: number }> }).sources.arrivals!.requests;
    expect(requests).toBeGreaterThan(5 * 60 + 20 * 60 - 200); // 1500 expected
    expect(requests).toBeLessThan(5 * 60 + 20 * 60 + 200);
  });

  it('refuses a wrong command line with usage (exit 2) before reading anything', async () => {
    for (const args of [['--duration', 'soon'], ['--speed', 'fast'], ['--seed', '-1'], ['--duration', '0s']]) {
      const { code, err } = await cli('run', mm1, ...args);
      expect(code).toBe(2);
      expect(err).toMatch(/Usage: devsim run FILE/);
    }
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});

describe('the progress bar', () => {
  it('draws on a terminal: simulated time, percent and events per second, then clears itself', async () => {
    let err = '';
    let out = '';
    const code = await runCli(['run', mm1, '--duration', '1h', '--warmup', '0s'], { out: (t) => (out += t), err: (t) => (err += t), errTTY: true });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveProperty('totals');
    expect(err).toMatch(/\r\[=*>? *\] +\d+% {2}\d:\d\d:\d\d \/ 1:00:00 {2}[\d.]+( k| M)? events\/s/);
    expect(err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('redraws at most ten times a second', () => {
    let now = 0;
    const lines: string[] = [];
    const bar = createProgressBar((t) => lines.push(t), 60_000, () => now);
    for (let i = 0; i <= 100; i++) {
      now = i * 10; // a second of wall time in 10 ms steps
      bar.update(i * 600, i * 1000);
    }
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toContain('100%  0:01:00 / 0:01:00  100.0 k events/s');
  });
});

describe('parseDuration', () => {
  it('reads 90s, 15m, 1h, 2h30m, 24h, 1.5h and plain seconds', () => {
    expect(['90s', '15m', '1h', '2h30m', '24h', '1.5h', '45', '1d2h', '250ms'].map(parseDuration)).toEqual([90, 900, 3600, 9000, 86_400, 5400, 45, 93_600, 0.25]);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'h', '1x', '1h1h', '-5s', '1 h', '2h30']) expect(parseDuration(text)).toBeUndefined();
  });
});
