import type { Topology } from '../../src-preload/contract/topology/index.js';
import { deployable, formatDuration, note, slugify, toYaml, type ExportNote, type Notes } from './export-common.js';
import { EXPORTER, NODE_LABEL, metricFor } from './export-prometheus-metrics.js';

export interface PrometheusExport {
  yaml: string;
  notes: ExportNote[];
}

/** Rate windows cover at least four scrapes, as Prometheus advises, and never under a minute. */
const rateWindow = (scrapeIntervalS: number): string => formatDuration(Math.max(60, 4 * scrapeIntervalS));

/** A number as PromQL reads it (JavaScript's shortest round-trip form is valid PromQL). */
const num = (n: number): string => String(n);

/**
 * A Prometheus rules file (the `groups:` format of alerting rules) with one alert per rule
 * in `settings.monitoring.alertRules`. Pure: the same document always gives the same text.
 */
export function exportPrometheusRules(doc: Topology): PrometheusExport {
  const notes: Notes = [];
  const project = slugify(doc.metadata.name);
  const window = rateWindow(doc.settings.monitoring.scrapeIntervalS);
  const deployed = deployable(doc).map(([id]) => id);
  const rules = doc.settings.monitoring.alertRules.map((rule, i) => {
    const path = `settings.monitoring.alertRules[${i}]`;
    if (rule.target !== '*' && doc.nodes[rule.target]?.image === undefined) {
      note(notes, 'warning', 'prometheus-simulated-target', `${path}.target`, `Alert ${rule.name} watches "${rule.target}", which has no image and so is never scraped; it fires only in the simulator.`);
    }
    const exporter = EXPORTER[rule.metric];
    if (exporter) note(notes, 'info', 'prometheus-exporter', `${path}.metric`, `Alert ${rule.name} reads ${rule.metric} from ${exporter}.`);
    const where = rule.target === '*' ? `{{ $labels.${NODE_LABEL} }}` : rule.target;
    const labels: Record<string, string> = { severity: rule.severity };
    // Routing is Alertmanager's job; the channels travel as a label it can match on.
    if (rule.notify.length > 0) labels.notify = rule.notify.join(',');
    const alert: Record<string, unknown> = {
      alert: rule.name,
      expr: `${wrap(metricFor(doc, rule.metric, rule.target, window, deployed))} ${rule.op} ${num(rule.threshold)}`,
    };
    if (rule.forS > 0) alert.for = formatDuration(rule.forS);
    alert.labels = labels;
    alert.annotations = {
      summary: rule.summary ?? `${rule.metric} ${rule.op} ${num(rule.threshold)} on ${where}`,
      description: `${rule.metric} on ${where} is {{ $value }} (threshold ${rule.op} ${num(rule.threshold)}).`,
    };
    return alert;
  });
  if (rules.length === 0) note(notes, 'info', 'prometheus-no-rules', 'settings.monitoring.alertRules', 'The document has no alert rules; the file has an empty group.');
  if (doc.settings.monitoring.emailTo.length > 0) {
    note(notes, 'info', 'prometheus-receivers', 'settings.monitoring.emailTo', `Alertmanager sends the alerts; configure a receiver for ${doc.settings.monitoring.emailTo.join(', ')} there.`);
  }
  const comment = [
    `Prometheus alerting rules exported by DevOps Simulator from "${doc.metadata.name}".`,
    `Series are selected by the ${NODE_LABEL} label (the devsim node id); set it in the scrape`,
    `configuration, e.g. relabel __meta_kubernetes_pod_label_io_devsim_node to ${NODE_LABEL}.`,
  ].join('\n');
  return { yaml: toYaml({ groups: [{ name: `devsim-${project}`, rules }] }, comment), notes };
}

/** A union of per-node expressions binds looser than the comparison, so it goes in parentheses. */
const wrap = (expr: string): string => (expr.includes(' or ') ? `(${expr})` : expr);
