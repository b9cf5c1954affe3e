import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useEchart } from '../../charts/use-echart.js';
import { startComparison, type ComparisonJob } from '../../ml/compare-client.js';
import { compareSettingsSchema, type CompareReport, type CompareSettings } from '../../ml/compare-protocol.js';
import { useAppStore } from '../../stores/context.js';
import { download } from '../run/export.js';
import { COMPARE_FIGURES, compareOption } from './compare-option.js';
import { NumberField } from './NumberField.js';

registerEcharts([BarChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** Small enough to finish in a minute or two on a laptop: short days, a few seeds, a short search. */
const DEFAULTS: CompareSettings = { policies: ['hpa', 'predictive', 'learned'], seeds: 3, trainSeeds: 2, durationS: 2400, warmupS: 1200, dayS: 1200, rateScale: 1, iterations: 4, population: 8 };

const fmt = (v: number, digits: number): string => v.toFixed(digits);

/**
 * HPA vs predictive vs learned on the open document and the same seeds, in a Web Worker: the
 * learned policy is trained there against the kernel (cross-entropy method) on seeds kept apart
 * from the evaluation seeds. The report shows SLO-violation minutes, p99 latency, cost,
 * replica-hours and scaling actions per policy, as means with 95 % intervals, and as bars.
 */
export function AutoscaleCompare(): React.JSX.Element {
  const document = useAppStore((s) => s.doc?.document ?? null);
  const [settings, setSettings] = useState<CompareSettings>(DEFAULTS);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<{ report: CompareReport; wallMs: number } | null>(null);
  const job = useRef<ComparisonJob | null>(null);
  useEffect(() => () => job.current?.cancel(), []);
  const running = progress !== null;
  const set = (patch: Partial<CompareSettings>) => setSettings((s) => ({ ...s, ...patch }));

  const start = (): void => {
    if (!document) return;
    const parsed = compareSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path.join('.') ?? 'settings'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setError(null);
    setReport(null);
    setProgress('Starting…');
    const started = startComparison(document, parsed.data, setProgress);
    job.current = started;
    started.result.then(
      (r) => setReport(r),
      (err: unknown) => setError(err instanceof Error && err.message === 'cancelled' ? 'Cancelled.' : `The comparison failed: ${err instanceof Error ? err.message : String(err)}`),
    ).finally(() => {
      job.current = null;
      setProgress(null);
    });
  };

  return (
    <section className="ml-compare" aria-labelledby="ml-compare-title" data-testid="ml-compare">
      <h2 id="ml-compare-title">Compare autoscaling policies</h2>
      <p className="muted small">
        Each policy goes on every autoscaled node of the open document{document ? ` (${document.metadata.name})` : ''}; the scenario runs once per seed. The learned policy is trained here against the kernel on other seeds.
      </p>
      <div className="ml-fields ml-source">
        {(['hpa', 'predictive', 'learned'] as const).map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              data-testid={`ml-compare-policy-${p}`}
              checked={settings.policies.includes(p)}
              disabled={running}
              onChange={(e) => set({ policies: e.target.checked ? [...settings.policies, p] : settings.policies.filter((x) => x !== p) })}
            />{' '}
            {p}
          </label>
        ))}
      </div>
      <div className="ml-fields">
        <NumberField label="Seeds" testId="ml-compare-seeds" value={settings.seeds} min={1} max={50} disabled={running} onChange={(seeds) => set({ seeds })} />
        <NumberField label="Training seeds" testId="ml-compare-train-seeds" value={settings.trainSeeds} min={1} max={50} disabled={running} onChange={(trainSeeds) => set({ trainSeeds })} />
        <NumberField label="Duration (s)" testId="ml-compare-duration" value={settings.durationS} min={60} max={604_800} disabled={running} onChange={(durationS) => set({ durationS })} />
        <NumberField label="Warm-up (s)" testId="ml-compare-warmup" value={settings.warmupS} min={0} max={604_800} disabled={running} onChange={(warmupS) => set({ warmupS })} />
        <NumberField label="Day (s, 0: as the document)" testId="ml-compare-day" value={settings.dayS} min={0} max={86_400} disabled={running} onChange={(dayS) => set({ dayS })} />
        <NumberField label="Rate ×" testId="ml-compare-rate" value={settings.rateScale} min={0.01} max={100} step={0.1} disabled={running} onChange={(rateScale) => set({ rateScale })} />
        <NumberField label="Search iterations" testId="ml-compare-iterations" value={settings.iterations} min={1} max={100} disabled={running} onChange={(iterations) => set({ iterations })} />
        <NumberField label="Candidates per iteration" testId="ml-compare-population" value={settings.population} min={2} max={200} disabled={running} onChange={(population) => set({ population })} />
      </div>
      <div className="ml-buttons">
        <button type="button" className="primary" data-testid="ml-compare-start" disabled={running || !document} onClick={start}>
          Run comparison
        </button>
        <button type="button" data-testid="ml-compare-cancel" disabled={!running} onClick={() => job.current?.cancel()}>
          Cancel
        </button>
        {report ? (
          <button type="button" data-testid="ml-compare-download" onClick={() => download('autoscale-compare.json', 'application/json', JSON.stringify(report.report, null, 2))}>
            Download report (JSON)
          </button>
        ) : null}
      </div>
      {!document ? <p className="muted">Open a document with autoscaled nodes (hpa, predictive or learned) to compare policies on it.</p> : null}
      {progress !== null ? (
        <p className="muted" role="status" data-testid="ml-compare-progress">
          {progress}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="ml-compare-error">
          {error}
        </p>
      ) : null}
      {report ? <CompareResult report={report.report} wallMs={report.wallMs} /> : null}
    </section>
  );
}

function CompareResult({ report, wallMs }: { report: CompareReport; wallMs: number }): React.JSX.Element {
  const { host, chart } = useEchart();
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(compareOption(report), { notMerge: true });
    // What the chart now draws, read back from it (tests and people reading the DOM).
    const drawn = (c.getOption() as { series?: { id?: string; data?: unknown[] }[] }).series ?? [];
    host.current?.setAttribute('data-bars', JSON.stringify(drawn.map((s) => ({ id: s.id, values: s.data }))));
  }, [report, chart, host]);
  return (
    <div data-testid="ml-compare-result">
      <p className="muted small">
        Nodes: {report.autoscaledNodes.join(', ')}; seeds {report.seeds.join(', ')}; training seeds {report.trainSeeds.join(', ')}
        {report.changes.length > 0 ? `; ${report.changes.join('; ')}` : ''}; {(wallMs / 1000).toFixed(1)} s.
      </p>
      <table className="ml-compare-table">
        <thead>
          <tr>
            <th>Policy</th>
            {COMPARE_FIGURES.map((f) => (
              <th key={f.key}>{f.unit ? `${f.title} (${f.unit})` : f.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.policies.map((p) => (
            <tr key={p.policy} data-testid="ml-compare-row" data-policy={p.policy}>
              <th scope="row" title={p.model}>
                {p.policy}
              </th>
              {COMPARE_FIGURES.map((f) => {
                const m = p.figures[f.key];
                const scale = 'scale' in f ? f.scale : 1;
                return (
                  <td key={f.key} data-figure={f.key} data-value={m ? m.mean * scale : ''}>
                    {m ? fmt(m.mean * scale, f.digits) : '–'}
                    {m?.ci95 ? <span className="muted small"> [{fmt(m.ci95[0] * scale, f.digits)}, {fmt(m.ci95[1] * scale, f.digits)}]</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div ref={host} className="ml-chart ml-compare-chart" data-testid="ml-compare-chart" data-policies={report.policies.length} />
    </div>
  );
}
