// devsim detect on CSV files in a temp folder, checked row by row: the output columns, scores
// from the past only (a truncated file scores its rows the same), a spike scored highest,
// nothing flagged in the probationary rows, a constant file, bad rows and bad options.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'devsim-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A noisy level around 100 with a spike at row 300; ISO timestamps a minute apart. */
function noisyRows(n: number, spikeAt = 300): string[] {
  let x = 11;
  return Array.from({ length: n }, (_, i) => {
    x = (1103515245 * x + 12345) % 2 ** 31;
    const v = i === spikeAt ? 190 : 100 + 10 * (x / 2 ** 31 - 0.5);
    return `${new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString()},${v.toFixed(3)}`;
  });
}

const write = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

interface ScoreRow {
  timestamp: string;
  value: number;
  score: number;
  anomaly: number;
}

function readScores(file: string): ScoreRow[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(header).toBe('timestamp,value,score,anomaly');
  return rows.map((r) => {
    const [timestamp, value, score, anomaly] = r.split(',');
    return { timestamp: timestamp!, value: Number(value), score: Number(score), anomaly: Number(anomaly) };
  });
}

describe('devsim detect', () => {
  const lines = noisyRows(400);
  const full = write('full.csv', ['timestamp,value', ...lines]);

  it('writes timestamp,value,score,anomaly for every row: scores in [0, 1], the spike highest and flagged', async () => {
    const out = join(dir, 'scores.csv');
    const r = await cli('detect', full, '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('400 rows, 60 probationary, 1 anomaly flagged (zscore)');
    const rows = readScores(out);
    expect(rows).toHaveLength(400);
    expect(rows.map((x) => x.timestamp)).toEqual(lines.map((l) => l.split(',')[0]));
    expect(rows.every((x) => x.score >= 0 && x.score <= 1 && (x.anomaly === 0 || x.anomaly === 1))).toBe(true);
    const top = rows.reduce((best, x, i) => (x.score > rows[best]!.score ? i : best), 0);
    expect(top).toBe(300);
    expect(rows.filter((x) => x.anomaly === 1).map((x) => rows.indexOf(x))).toEqual([300]);
  });

  it('with --detector lstm: an LSTM trained on the probationary rows (tfjs, wasm) then online; scores in [0, 1], the spike highest, nothing flagged in probation', async () => {
    // The LSTM's window is 32 rows: its probation (15 % of 1,000 rows) holds enough windows to train on.
    const long = write('long.csv', ['timestamp,value', ...noisyRows(1000, 800)]);
    const out = join(dir, 'lstm.csv');
    const r = await cli('detect', long, '--out', out, '--detector', 'lstm');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('1000 rows, 150 probationary');
    expect(r.out).toContain('(lstm)');
    const rows = readScores(out);
    expect(rows).toHaveLength(1000);
    expect(rows.every((x) => x.score >= 0 && x.score <= 1 && (x.anomaly === 0 || x.anomaly === 1))).toBe(true);
    expect(rows.slice(0, 150).every((x) => x.anomaly === 0)).toBe(true);
    const top = rows.reduce((best, x, i) => (x.score > rows[best]!.score ? i : best), 0);
    expect(top).toBe(800);
    expect(rows[800]!.anomaly).toBe(1);
  }, 60_000);

  it('scores each row from the rows before it only: a truncated file gives the same scores', async () => {
    const cut = write('cut.csv', ['timestamp,value', ...lines.slice(0, 320)]);
    await cli('detect', full, '--out', join(dir, 'a.csv'));
    await cli('detect', cut, '--out', join(dir, 'b.csv'));
    const a = readScores(join(dir, 'a.csv'));
    const b = readScores(join(dir, 'b.csv'));
    expect(b.map((x) => x.score)).toEqual(a.slice(0, 320).map((x) => x.score));
    // Probation is a fraction of each file (48 rows here, 60 there); past both, flags agree.
    expect(b.slice(60).map((x) => x.anomaly)).toEqual(a.slice(60, 320).map((x) => x.anomaly));
  });

  it('flags nothing in the probationary rows, even a spike', async () => {
    const early = write('early.csv', noisyRows(400, 30));
    const out = join(dir, 'early-scores.csv');
    expect((await cli('detect', early, '--out', out, '--probation', '0.1')).code).toBe(0);
    const rows = readScores(out);
    expect(rows[30]!.score).toBeGreaterThan(0.999);
    expect(rows.slice(0, 40).every((x) => x.anomaly === 0)).toBe(true);
  });

  it('scores a constant file all zeros and says so', async () => {
    const flat = write('flat.csv', Array.from({ length: 50 }, (_, i) => `${1714521600 + i * 60},7`));
    const out = join(dir, 'flat-scores.csv');
    const r = await cli('detect', flat, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('is constant (7); every score is 0');
    expect(readScores(out).every((x) => x.score === 0 && x.anomaly === 0)).toBe(true);
  });

  it('exits 1 naming each bad line and column, and writes nothing', async () => {
    const bad = write('bad.csv', ['timestamp,value', '2024-05-01T00:00:00Z,1', '2024-05-01T00:01:00Z,oops', 'soon,3']);
    const out = join(dir, 'never.csv');
    const r = await cli('detect', bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:3: value: "oops" is not a number`);
    expect(r.err).toContain(`${bad}:4: timestamp: "soon" is neither an ISO 8601 time`);
    expect(() => readFileSync(out)).toThrow();
    expect((await cli('detect', join(dir, 'missing.csv'), '--out', out)).err).toContain('missing.csv: cannot read it: no such file');
  });

  it('is a usage error without --out, with a bad --probation or an unknown detector', async () => {
    expect(await cli('detect', full)).toMatchObject({ code: 2, err: expect.stringContaining('--out SCORES.csv') });
    expect(await cli('detect', full, '--out', join(dir, 'x.csv'), '--probation', '1.5')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--probation must be a number between 0 and 1 (exclusive), not "1.5"'),
    });
    expect(await cli('detect', full, '--out', join(dir, 'x.csv'), '--detector', 'magic')).toMatchObject({ code: 2, err: expect.stringContaining('--detector must be one of zscore') });
    expect((await cli('detect', '--help')).out).toContain('Usage: devsim detect FILE.csv --out SCORES.csv');
  });
});
