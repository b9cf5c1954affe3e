// CSV import of timestamp,value text: the forms of timestamp, the optional header, and an
// error for every bad row that names its line, its column and what was wrong.
import { describe, expect, it } from 'vitest';
import { CsvError, parseTimestampValueCsv } from '../../../src-main/ml/data/csv.js';
import { parseTimestamp } from '../../../src-main/ml/data/csv-timestamp.js';

const problemsOf = (text: string): string[] => {
  try {
    parseTimestampValueCsv(text, 'm.csv');
  } catch (err) {
    if (err instanceof CsvError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected the CSV to be refused');
};

describe('parseTimestampValueCsv', () => {
  it('reads ISO 8601 times with a header, CRLF and blank lines', () => {
    const s = parseTimestampValueCsv('timestamp,value\r\n2024-05-01T00:00:00Z,1.5\r\n\r\n2024-05-01T03:01:00+02:00,-2e3\r\n', 'm.csv');
    expect(s.header).toBe(true);
    expect(s.form).toBe('iso');
    expect([...s.timesMs]).toEqual([Date.UTC(2024, 4, 1, 0, 0), Date.UTC(2024, 4, 1, 1, 1)]);
    expect([...s.values]).toEqual([1.5, -2000]);
    expect([...s.lines]).toEqual([2, 4]);
    expect(s.timestampTexts).toEqual(['2024-05-01T00:00:00Z', '2024-05-01T03:01:00+02:00']);
  });

  it('reads epoch seconds and milliseconds without a header', () => {
    expect([...parseTimestampValueCsv('1714521600,1\n1714521660.5,2').timesMs]).toEqual([1714521600000, 1714521660500]);
    const ms = parseTimestampValueCsv('1714521600000,1\n1714521660000,2');
    expect(ms).toMatchObject({ form: 'epoch-ms', header: false });
    expect([...ms.timesMs]).toEqual([1714521600000, 1714521660000]);
  });

  it('names every bad row by line and column', () => {
    const text = ['timestamp,value', '2024-05-01T00:00:00Z,1', 'yesterday,2', '2024-05-01T00:02:00Z,abc', '2024-05-01T00:03:00Z', '2024-05-01T00:04:00Z,', '2024-05-01T00:05:00Z,1e999', '2024-05-01T00:06:00Z,NaN'].join('\n');
    expect(problemsOf(text)).toEqual([
      'm.csv:3: timestamp: "yesterday" is neither an ISO 8601 time (2024-05-01T12:00:00Z) nor epoch seconds or milliseconds',
      'm.csv:4: value: "abc" is not a number',
      'm.csv:5: expected 2 columns (timestamp,value), found 1',
      'm.csv:6: value: the value is empty',
      'm.csv:7: value: "1e999" is too large to be a finite number',
      'm.csv:8: value: "NaN" is not a number',
    ]);
  });

  it('names unsorted and duplicate timestamps and a change of timestamp form', () => {
    expect(problemsOf('10,1\n20,2\n20,3\n15,4\n2024-05-01,5')).toEqual([
      'm.csv:3: timestamp: "20" repeats the timestamp of line 2',
      'm.csv:4: timestamp: "15" is earlier than line 2 (20); rows must be in time order',
      'm.csv:5: timestamp: "2024-05-01" is an ISO 8601 time, but the file\'s first row uses epoch seconds; keep one form',
    ]);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const text = Array.from({ length: 30 }, (_, i) => `${i},x`).join('\n');
    const lines = problemsOf(text);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('… and 10 more problems');
  });

  it('refuses empty files and files past the limits', () => {
    expect(() => parseTimestampValueCsv('timestamp,value\n', 'm.csv')).toThrow('m.csv has no data rows (expected timestamp,value lines after the header)');
    expect(() => parseTimestampValueCsv('1,1\n2,2\n3,3', 'm.csv', { maxRows: 2 })).toThrow('m.csv has more than 2 rows');
    expect(() => parseTimestampValueCsv('1,1\n2,2', 'm.csv', { maxChars: 3 })).toThrow('m.csv is 7 characters long; at most 3 are read');
  });
});

describe('parseTimestamp', () => {
  it('takes dates, zones and no zone (UTC), and refuses impossible dates', () => {
    expect(parseTimestamp('2024-05-01')).toEqual({ ms: Date.UTC(2024, 4, 1), form: 'iso' });
    expect(parseTimestamp('2024-05-01 12:30')).toEqual({ ms: Date.UTC(2024, 4, 1, 12, 30), form: 'iso' });
    expect(parseTimestamp('2024-05-01T12:30:00.250-0100')).toEqual({ ms: Date.UTC(2024, 4, 1, 13, 30, 0, 250), form: 'iso' });
    expect(parseTimestamp('2024-13-45T00:00:00Z')).toBe('"2024-13-45T00:00:00Z" is not a real date and time');
    expect(parseTimestamp('')).toBe('the timestamp is empty');
  });
});
