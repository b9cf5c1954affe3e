import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportPrometheusRules } from '../../../src-main/files/export-prometheus.js';
import { metricExpr } from '../../../src-main/files/export-prometheus-metrics.js';
import { ALERT_METRICS, type Topology } from '../../../src-preload/contract/topology/index.js';
import { TEMPLATE_NAMES, documentOf, everyKind, template } from './export-fixtures.js';
import { errorsOf, prometheusRulesValidator } from './export-schemas.js';

type Rule = { alert: string; expr: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> };
type RulesFile = { groups: Array<{ name: string; rules: Rule[] }> };

const validate = prometheusRulesValidator();
const rulesOf = (doc: Topology): RulesFile => parse(exportPrometheusRules(doc).yaml) as RulesFile;

/** Syntax errors in a PromQL expression, by the Prometheus project's own grammar. */
function promqlErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.type.isError) errors.push(`at ${n.from}: …${expr.slice(Math.max(0, n.from - 20), n.from + 20)}…`);
    },
  });
  return errors;
}

const withRules = (alertRules: unknown[], nodes: Record<string, unknown> = { api: { kind: 'container', image: 'busybox', resources: { cpu: 2, memoryMiB: 1024 } } }): Topology =>
  documentOf({ metadata: { name: 'Rules' }, nodes: nodes as never, settings: { monitoring: { alertRules: alertRules as never } } });

describe('exportPrometheusRules: the file format', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`the ${name} template's rules fit the rules-file schema and every expr parses as PromQL`, () => {
      const doc = template(name);
      const file = rulesOf(doc);
      expect(validate(file), errorsOf(validate)).toBe(true);
      expect(file.groups).toHaveLength(1);
      expect(file.groups[0]!.rules.map((r) => r.alert)).toEqual(doc.settings.monitoring.alertRules.map((r) => r.name));
      for (const rule of file.groups[0]!.rules) expect(promqlErrors(rule.expr), rule.expr).toEqual([]);
    });
  }

  it('every metric the schema knows, for one node and for all, gives PromQL that parses', () => {
    const alertRules = ALERT_METRICS.flatMap((metric, i) => [
      { name: `One${i}`, target: 'api', metric, op: '>', threshold: 1.5 },
      { name: `All${i}`, target: '*', metric, op: '<=', threshold: -2 },
    ]);
    const file = rulesOf(withRules(alertRules, { api: { kind: 'container', image: 'a', resources: { cpu: 2 } }, db: { kind: 'postgres', image: 'postgres:14' } }));
    expect(validate(file), errorsOf(validate)).toBe(true);
    expect(file.groups[0]!.rules).toHaveLength(ALERT_METRICS.length * 2);
    for (const rule of file.groups[0]!.rules) expect(promqlErrors(rule.expr), rule.expr).toEqual([]);
  });

  it('the checks are live: the grammar refuses broken PromQL and the schema a bad duration', () => {
    expect(promqlErrors('sum(rate(x[5m]) >')).not.toEqual([]);
    expect(promqlErrors('up{job="a"} == ')).not.toEqual([]);
    const file = rulesOf(template('production'));
    file.groups[0]!.rules[0]!.for = '5 minutes';
    expect(validate(file)).toBe(false);
  });

  it('an empty rule list still gives a valid file, and says so', () => {
    const { yaml, notes } = exportPrometheusRules(withRules([]));
    const file = parse(yaml) as RulesFile;
    expect(validate(file), errorsOf(validate)).toBe(true);
    expect(file.groups[0]!.rules).toEqual([]);
    expect(notes.map((n) => n.code)).toContain('prometheus-no-rules');
  });
});

describe('exportPrometheusRules: mapping', () => {
  it('one node: a devsim_node selector, the threshold, for as a duration, severity and summary', () => {
    const file = rulesOf(template('production'));
    const latency = file.groups[0]!.rules.find((r) => r.alert === 'ApiLatencyHigh')!;
    expect(latency.expr).toBe('1000 * histogram_quantile(0.99, sum by (devsim_node, le) (rate(http_request_duration_seconds_bucket{devsim_node="api"}[1m]))) > 500');
    expect(latency.for).toBe('2m');
    expect(latency.labels).toEqual({ severity: 'critical', notify: 'email' });
    expect(latency.annotations.summary).toBe('latency_p99_ms > 500 on api');
    const errors = file.groups[0]!.rules.find((r) => r.alert === 'ApiErrors')!;
    expect(errors.expr).toContain('http_requests_total{devsim_node="api", code=~"5.."}');
    expect(file.groups[0]!.name).toBe('devsim-production');
  });

  it('CPU and memory are shares of the node\'s own size', () => {
    const file = rulesOf(withRules([
      { name: 'Cpu', target: 'api', metric: 'cpu_percent', op: '>', threshold: 80, forS: 300 },
      { name: 'Mem', target: 'api', metric: 'memory_percent', op: '>', threshold: 90, forS: 90 },
    ]));
    const [cpu, mem] = file.groups[0]!.rules;
    expect(cpu!.expr).toBe('100 * avg by (devsim_node) (rate(process_cpu_seconds_total{devsim_node="api"}[1m])) / 2 > 80');
    expect(cpu!.for).toBe('5m');
    expect(mem!.expr).toBe(`100 * avg by (devsim_node) (process_resident_memory_bytes{devsim_node="api"}) / ${1024 * 1024 * 1024} > 90`);
    expect(mem!.for).toBe('1m30s');
  });

  it('target * has no node selector and groups by node; per-node sizes become a union in parentheses', () => {
    const file = rulesOf(everyKind());
    const cpu = file.groups[0]!.rules.find((r) => r.alert === 'HighCpu')!;
    expect(cpu.expr.startsWith('((100 * avg by (devsim_node) (rate(process_cpu_seconds_total{devsim_node="bus"}')).toBe(true);
    expect(cpu.expr.endsWith(') > 85')).toBe(true);
    expect(cpu.expr.split(' or ')).toHaveLength(15); // the 15 nodes with an image
    expect(cpu.annotations.summary).toBe('cpu_percent > 85 on {{ $labels.devsim_node }}');
    const down = file.groups[0]!.rules.find((r) => r.alert === 'WebDown')!;
    expect(down.expr).toBe('min by (devsim_node) (up{devsim_node="web"}) == 0');
    expect(down.annotations.summary).toBe('The web tier is down');
    const all = rulesOf(template('experimental')).groups[0]!.rules.find((r) => r.alert === 'AnomalyDetected')!;
    expect(all.expr).toBe('max by (devsim_node) (devsim_anomaly_score) > 0.9');
    expect(all.labels).toEqual({ severity: 'critical', notify: 'slack,pagerduty' });
  });

  it('for: 0 s leaves `for` out; rate windows cover four scrapes, at least a minute', () => {
    const doc = withRules([{ name: 'Now', target: 'api', metric: 'throughput_rps', op: '<', threshold: 1, forS: 0 }]);
    expect(rulesOf(doc).groups[0]!.rules[0]!.for).toBeUndefined();
    const slow = { ...doc, settings: { ...doc.settings, monitoring: { ...doc.settings.monitoring, scrapeIntervalS: 60 } } };
    expect(rulesOf(slow).groups[0]!.rules[0]!.expr).toContain('[4m]');
    expect(metricExpr('throughput_rps', undefined, '1m')).toBe('sum by (devsim_node) (rate(http_requests_total[1m]))');
  });

  it('notes: a rule on a simulated-only node, metrics that need an exporter, email receivers', () => {
    const { notes } = exportPrometheusRules(template('production'));
    expect(notes.filter((n) => n.code === 'prometheus-exporter').map((n) => n.path)).toEqual([
      'settings.monitoring.alertRules[2].metric',
      'settings.monitoring.alertRules[3].metric',
    ]);
    expect(notes.map((n) => n.code)).toContain('prometheus-receivers');
    const sim = exportPrometheusRules(withRules([{ name: 'X', target: 'ghost', metric: 'up', op: '==', threshold: 0 }], { ghost: { kind: 'geodns' } }));
    expect(sim.notes.map((n) => n.code)).toContain('prometheus-simulated-target');
  });

  it('the same document gives byte-identical text', () => {
    const doc = template('experimental');
    expect(exportPrometheusRules(doc)).toEqual(exportPrometheusRules(structuredClone(doc)));
  });
});
