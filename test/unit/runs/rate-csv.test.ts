import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRateCsv, RateCsvError } from '../../../src-main/runs/rate-csv.js';
import { loadRateSeries } from '../../../src-main/runs/rate-series.js';
import { topologySchema } from '../../../src-preload/contract/index.js';

const refusal = (text: string): RateCsvError => {
  try {
    parseRateCsv(text, 'rates.csv');
  } catch (err) {
    if (err instanceof RateCsvError) return err;
    throw err;
  }
  throw new Error('the text was accepted');
};

describe('parseRateCsv', () => {
  it('reads seconds with or without a header, skipping blank and comment lines', () => {
    expect(parseRateCsv('t,rate\n0,10\n60,20.5\n', 'r.csv')).toEqual([
      { tS: 0, rps: 10 },
      { tS: 60, rps: 20.5 },
    ]);
    expect(parseRateCsv('\uFEFF# a comment\r\n0, 5\r\n\r\n 30 ,"7"', 'r.csv')).toEqual([
      { tS: 0, rps: 5 },
      { tS: 30, rps: 7 },
    ]);
  });

  it('measures ISO 8601 timestamps from the first row', () => {
    const points = parseRateCsv('time,rps\n2026-01-31T12:00:00Z,100\n2026-01-31T12:01:30Z,250\n', 'r.csv');
    expect(points).toEqual([
      { tS: 0, rps: 100 },
      { tS: 90, rps: 250 },
    ]);
  });

  it('names file, line and column of a bad rate', () => {
    const lines = ['t,rate', ...Array.from({ length: 15 }, (_, i) => `${i},1`), '15,abc'];
    const err = refusal(lines.join('\n'));
    expect(err.message).toBe("rates.csv:17:4: rate must be a number ≥ 0, got 'abc'");
    expect([err.line, err.column, err.code]).toEqual([17, 4, 'BAD_REQUEST']);
  });

  it('refuses negative rates, time that goes back, mixed time forms, extra columns and empty files', () => {
    expect(refusal('0,-1').message).toMatch(/^rates\.csv:1:3: rate must be a number ≥ 0, got '-1'/);
    expect(refusal('0,1\n10,1\n5,1').message).toMatch(/^rates\.csv:3:1: time must increase from row to row/);
    expect(refusal('0,1\n0,1').message).toMatch(/^rates\.csv:2:1: time must increase/);
    expect(refusal('0,1\n2026-01-01T00:00:00Z,1').message).toMatch(/^rates\.csv:2:1: time must be seconds like the rows above/);
    expect(refusal('0,1,2').message).toMatch(/^rates\.csv:1:5: expected two columns, time and rate, found 3/);
    expect(refusal('0').message).toMatch(/^rates\.csv:1:2: expected two columns/);
    expect(refusal('t,rate\n\n# nothing\n').message).toMatch(/has no rows of data/);
    expect(refusal('').message).toMatch(/has no rows of data/);
    expect(refusal('0,1\nyesterday,1').message).toMatch(/^rates\.csv:2:1: time must be seconds like the rows above, got 'yesterday'/);
    expect(refusal('0,1e400').message).toMatch(/rate must be a number ≥ 0/);
  });

  it('throws nothing but RateCsvError on arbitrary text', () => {
    const csvish = fc.array(
      fc.tuple(fc.oneof(fc.float(), fc.string(), fc.constantFrom('t', '2026-01-01T00:00:00Z', '', '-0', '1e3')), fc.oneof(fc.double(), fc.string())),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), csvish.map((rows) => rows.map(([a, b]) => `${String(a)},${String(b)}`).join('\n'))), (text) => {
        try {
          const points = parseRateCsv(text, 'fuzz.csv');
          for (let i = 1; i < points.length; i++) expect(points[i]!.tS).toBeGreaterThan(points[i - 1]!.tS);
          for (const p of points) expect(p.rps).toBeGreaterThanOrEqual(0);
        } catch (err) {
          expect(err).toBeInstanceOf(RateCsvError);
          expect((err as Error).message.startsWith('fuzz.csv:')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('loadRateSeries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devsim-rates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const doc = (file: string) =>
    topologySchema.parse({
      apiVersion: 'devsim.io/v1',
      kind: 'Topology',
      metadata: { name: 'replay' },
      nodes: { users: { kind: 'traffic-source', rate: { type: 'replay', file } } },
    });

  it('reads the file next to the document, keyed by source id', () => {
    writeFileSync(join(dir, 'rates.csv'), 't,rate\n0,3\n10,4\n');
    expect(loadRateSeries(doc('rates.csv'), join(dir, 'x.devsim.yaml'))).toEqual({ users: [{ tS: 0, rps: 3 }, { tS: 10, rps: 4 }] });
  });

  it('names the missing file and asks an unsaved document to be saved first', () => {
    expect(() => loadRateSeries(doc('gone.csv'), join(dir, 'x.devsim.yaml'))).toThrow(/the rate series gone\.csv does not exist/);
    expect(() => loadRateSeries(doc('rates.csv'), null)).toThrow(/save the document first/);
    expect(() => loadRateSeries(doc('rates.txt'), join(dir, 'x.devsim.yaml'))).toThrow(/must be a \.csv file/);
  });
});
