// The ML lab's sample (resources/samples/latency-faults.*): it is what the kernel records for
// its document (the first half hour re-run here matches the CSV), its labels mark the two
// injected faults, and devsim detect with its defaults finds the API instance failure. The
// z-score baseline misses the database slowdown, a rise at the quiet phase of the hour that
// stays below the hourly peaks (test/bench/baselines-sample.mjs has its figures): the kind of
// anomaly left for the learned models.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src-main/documents/load-document.js';
import { createRun } from '../../../src-main/kernel/index.js';
import { parseTimestampValueCsv } from '../../../src-main/ml/data/csv.js';
import { episodesOf } from '../../../src-main/ml/data/episodes.js';
import { pickRunSeries } from '../../../src-main/ml/data/run-series.js';
import { eventWiseScores } from '../../../src-main/ml/metrics/event-wise.js';
import { cli } from '../cli/run.js';

const samples = resolve(import.meta.dirname, '../../../resources/samples');
const csvFile = join(samples, 'latency-faults.csv');
const series = parseTimestampValueCsv(readFileSync(csvFile, 'utf8'), csvFile);
const labels = Uint8Array.from(readFileSync(join(samples, 'latency-faults.labels.csv'), 'utf8').trim().split('\n').slice(1), (r) => Number(r.split(',')[1]));
const dir = mkdtempSync(join(tmpdir(), 'devsim-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the latency-faults sample', () => {
  it('is the kernel run of its document: the first half hour re-run gives the same values', () => {
    const file = join(samples, 'latency-faults.devsim.yaml');
    const { document } = loadDocument(readFileSync(file, 'utf8'), file);
    const run = createRun(document!, { seriesIntervalS: 30 });
    run.advance({ untilMs: 1_800_000 });
    const picked = pickRunSeries(run.seriesLayout, run.drain().frames, ['users/latency_p95_ms']);
    expect(Array.from(picked.values[0]!, (v) => Number(v.toFixed(3)))).toEqual([...series.values.subarray(0, picked.timesMs.length)]);
    expect(series.timesMs[1]! - series.timesMs[0]!).toBe(30_000);
  });

  it('labels two episodes: the API instance failure and the database slowdown', () => {
    expect(labels).toHaveLength(series.values.length);
    const episodes = episodesOf(labels, series.timesMs);
    expect(episodes.map((e) => [new Date(e.startMs).toISOString(), e.end - e.start + 1])).toEqual([
      ['2024-05-01T05:10:30.000Z', 6],
      ['2024-05-01T07:00:30.000Z', 10],
    ]);
  });

  it('devsim detect finds the API instance failure within a step of its start, flagging nothing in probation', async () => {
    const out = join(dir, 'scores.csv');
    const r = await cli('detect', csvFile, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('960 rows, 144 probationary');
    const flags = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((row) => Number(row.split(',')[3]));
    expect(flags.slice(0, 144).every((f) => f === 0)).toBe(true);
    const [instanceFailure] = episodesOf(labels, series.timesMs);
    const s = eventWiseScores(flags, [instanceFailure!], series.timesMs);
    expect(s.detected).toBe(1);
    expect(s.delaysSteps[0]).toBeLessThanOrEqual(1);
  });
});
