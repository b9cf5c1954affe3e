import type { LiveRun } from '../../stores/run-slice.js';

const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvNumber = (v: number): string => (Number.isNaN(v) ? '' : String(v));

/** The run as one JSON file: summary, series (layout and frames, NaN as null) and events. */
export function runJson(run: LiveRun, name: string): string {
  const { series } = run;
  const frames = Array.from({ length: series.length }, (_, i) => ({ tMs: series.t[i]!, values: series.columns.map((c) => (Number.isFinite(c[i]!) ? c[i]! : null)) }));
  return JSON.stringify(
    {
      id: run.id,
      name,
      state: run.state,
      simulatedMs: run.simulatedMs,
      endMs: run.endMs,
      summary: run.summary,
      series: { nodes: series.nodes, metrics: series.metrics, frames },
      events: run.log,
    },
    null,
    2,
  );
}

/** The series in long form as `devsim run --csv` writes series.csv: time_s,node,<metrics>. */
export function runSeriesCsv(run: LiveRun): string {
  const { nodes, metrics, columns, t } = run.series;
  const m = metrics.length;
  let text = `time_s,node,${metrics.map(csvField).join(',')}\n`;
  for (let i = 0; i < run.series.length; i++) {
    const time = String(t[i]! / 1000);
    nodes.forEach((node, n) => {
      let row = `${time},${csvField(node)}`;
      for (let k = 0; k < m; k++) row += `,${csvNumber(columns[n * m + k]![i]!)}`;
      text += `${row}\n`;
    });
  }
  return text;
}

/** Hands a text or bytes to the browser as a download (the desktop app asks where to save it). */
export function download(fileName: string, type: string, content: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
