// A run's records as CSV files, written as batches arrive so memory stays flat:
// series.csv in long form, one row per frame and node (time_s,node,<one column per metric>),
// and events.csv (time_s,type,target,severity,message,data with data as JSON).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecords, SeriesLayout } from '../kernel/index.js';

export const SERIES_CSV = 'series.csv';
export const EVENTS_CSV = 'events.csv';

/** RFC 4180: quote a field with a comma, quote or line break, doubling quotes. */
export const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvNumber = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '' : String(v));

export class RecordsCsv {
  private readonly series: number;
  private readonly events: number;
  readonly files: string[];

  constructor(
    dir: string,
    private readonly layout: SeriesLayout,
  ) {
    mkdirSync(dir, { recursive: true });
    this.files = [join(dir, SERIES_CSV), join(dir, EVENTS_CSV)];
    this.series = openSync(this.files[0]!, 'w');
    this.events = openSync(this.files[1]!, 'w');
    writeSync(this.series, `time_s,node,${layout.metrics.map(csvField).join(',')}\n`);
    writeSync(this.events, 'time_s,type,target,severity,message,data\n');
  }

  write(records: RunRecords): void {
    const { nodes, metrics } = this.layout;
    const m = metrics.length;
    let text = '';
    for (const frame of records.frames) {
      const t = String(frame.tMs / 1000);
      nodes.forEach((node, n) => {
        let row = `${t},${csvField(node)}`;
        for (let k = 0; k < m; k++) row += `,${csvNumber(frame.values[n * m + k])}`;
        text += `${row}\n`;
      });
    }
    if (text !== '') writeSync(this.series, text);
    text = '';
    for (const e of records.events) {
      const data = e.data === undefined ? '' : csvField(JSON.stringify(e.data));
      text += `${e.tMs / 1000},${e.type},${csvField(e.target ?? '')},${e.severity},${csvField(e.message)},${data}\n`;
    }
    if (text !== '') writeSync(this.events, text);
  }

  close(): void {
    closeSync(this.series);
    closeSync(this.events);
  }
}
