// Chaos experiments, as Chaos Toolkit runs them: every fault (planned or injected) is an
// experiment whose steady-state hypothesis is the scenario's SLO (slo-check.ts) holding for
// slo.steadyStateS. The hypothesis is checked on the scrapes before the fault (its baseline)
// and again after it: the system tolerated the fault when no scrape broke the SLO from the
// fault's start until a steady state after its end; it recovered when the SLO broke but a
// steady state came back (recovered_after_s counts from the fault's end, 0 when it came back
// while the fault went on); it did not recover when the run ended first. Without a baseline
// (the SLO broken just before, or too little run before the fault) the experiment is
// inconclusive, though its figures are still measured. The first alert to fire after the fault
// began (an alert rule or an anomaly detector) says whether, and how fast, monitoring noticed.
// Both checks are on the timeline (steady-state events) and every experiment is in the run's
// summary.
import type { Fault } from '../../../../src-preload/contract/topology/index.js';
import type { EventLog, RunEvent } from '../records.js';
import { maxKnown, type SloCheck } from './slo-check.js';

export type Baseline = 'held' | 'broken' | 'no-baseline';
export type ExperimentVerdict = 'tolerated' | 'recovered' | 'not-recovered' | 'inconclusive';

/** One fault's experiment in the run's summary (snake_case as the summary's other fields). */
export interface ExperimentSummary {
  fault: Fault['type'];
  target: string;
  injected: boolean;
  start_s: number;
  /** When the fault stopped acting (its start for pod-kill, db-primary-failure, cache-flush); null: it lasted to the end of the run. */
  end_s: number | null;
  before: Baseline;
  verdict: ExperimentVerdict;
  /** Seconds from the fault's end until the steady state began again; null when it never broke or never came back. */
  recovered_after_s: number | null;
  /** Scrape seconds that broke the SLO from the fault's start until the steady state came back (or the run ended). */
  violating_seconds: number;
  /** The worst p99 (ms) and error rate (%) at a traffic source over the same span; null without data. */
  worst_p99_ms: number | null;
  worst_error_rate_percent: number | null;
  /** Seconds from the fault's start to the first alert that fired after it (until the steady state came back); null: none fired. */
  first_alert_after_s: number | null;
  /** That alert: its rule and node, e.g. "ApiLatencyHigh on api". */
  first_alert: string | null;
}

interface Experiment {
  readonly fault: Fault;
  readonly injected: boolean;
  readonly startMs: number;
  /** Infinity: the fault lasts to the end of the run. */
  readonly endMs: number;
  readonly before: Baseline;
  violatingMs: number;
  worstP99: number;
  worstErrors: number;
  /** Start of the current run of scrapes that met the SLO; NaN while the latest broke it. */
  streakFromMs: number;
  /** Set once the steady state came back (or the run ended, in the summary). */
  recoveredAfterMs: number | null;
  firstAlertMs: number | null;
  firstAlert: string | null;
  decided: boolean;
}

interface Scrape {
  tMs: number;
  broken: boolean;
  p99Ms: number;
  errorRatePercent: number;
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
/** Seconds from ms, to the millisecond (faults injected between scrapes start at any time). */
const seconds = (xMs: number) => Math.round(xMs) / 1000;
/** Seconds for a sentence: a tenth at most. */
const secondsText = (xMs: number) => `${Number((xMs / 1000).toFixed(1)).toLocaleString('en')} s`;
const pct = (x: number) => `${Number(x.toFixed(2))} %`;
const worstText = (p99: number, errors: number) => `worst p99 ${Number.isNaN(p99) ? '—' : ms(p99)}, errors ${Number.isNaN(errors) ? '—' : pct(errors)}`;

export class SteadyStateWatch {
  private readonly experiments: Experiment[] = [];
  /** The scrapes of the last steadyStateS (a fault's baseline). */
  private readonly recent: Scrape[] = [];
  private lastScrapeMs = 0;
  private readonly windowMs: number;

  constructor(
    private readonly slo: SloCheck,
    steadyStateS: number,
    private readonly intervalMs: number,
    private readonly events: EventLog,
  ) {
    this.windowMs = steadyStateS * 1000;
    events.listen((e) => {
      if (e.type === 'alert-firing') this.alertFired(e);
    });
  }

  /** A fault began at tMs and acts until endMs (tMs for one that acts at once; Infinity: to the end of the run). */
  faultStarted(fault: Fault, injected: boolean, tMs: number, endMs: number): void {
    const { before, reason } = this.baseline(tMs);
    const what = `${fault.type} on ${fault.target}`;
    const { latencyP99Ms, errorRatePercent } = this.slo.slo;
    const message =
      before === 'held'
        ? `steady state before ${what}: the SLO (p99 ≤ ${ms(latencyP99Ms)}, errors ≤ ${pct(errorRatePercent)}) held for ${this.windowMs / 1000} s`
        : `no steady state before ${what}: ${reason}; the experiment is inconclusive`;
    this.events.push({ tMs, type: 'steady-state', target: fault.target, message, severity: before === 'held' ? 'info' : 'warning', data: { fault: fault.type, check: 'before', before } });
    this.experiments.push({ fault, injected, startMs: tMs, endMs, before, violatingMs: 0, worstP99: NaN, worstErrors: NaN, streakFromMs: tMs, recoveredAfterMs: null, firstAlertMs: null, firstAlert: null, decided: false });
  }

  /** One scrape's values, at tMs (they cover the interval before it). */
  evaluate(tMs: number, values: Float64Array): void {
    const broken = this.slo.broken(values);
    const { p99Ms, errorRatePercent } = this.slo.worst(values);
    const fromMs = Math.max(this.lastScrapeMs, tMs - this.intervalMs);
    this.lastScrapeMs = tMs;
    this.recent.push({ tMs, broken, p99Ms, errorRatePercent });
    while (this.recent.length > 0 && this.recent[0]!.tMs <= tMs - this.windowMs - this.intervalMs) this.recent.shift();
    for (const e of this.experiments) {
      if (e.decided || tMs <= e.startMs) continue;
      e.worstP99 = maxKnown(e.worstP99, p99Ms);
      e.worstErrors = maxKnown(e.worstErrors, errorRatePercent);
      if (broken) {
        e.violatingMs += tMs - Math.max(fromMs, e.startMs);
        e.streakFromMs = NaN;
        continue;
      }
      if (Number.isNaN(e.streakFromMs)) e.streakFromMs = fromMs;
      // Back to a steady state: the SLO held for the window, all of it after the fault's end.
      if (tMs - Math.max(e.streakFromMs, e.endMs) >= this.windowMs) this.decide(e, tMs);
    }
  }

  /** Every experiment so far; one still open is judged as the run stands. */
  summary(): ExperimentSummary[] {
    const nullable = (x: number) => (Number.isNaN(x) ? null : x);
    return this.experiments.map((e) => ({
      fault: e.fault.type,
      target: e.fault.target,
      injected: e.injected,
      start_s: seconds(e.startMs),
      end_s: e.endMs === Infinity ? null : seconds(e.endMs),
      before: e.before,
      verdict: verdictOf(e),
      recovered_after_s: e.recoveredAfterMs === null || e.violatingMs === 0 ? null : seconds(e.recoveredAfterMs),
      violating_seconds: seconds(e.violatingMs),
      worst_p99_ms: nullable(e.worstP99),
      worst_error_rate_percent: nullable(e.worstErrors),
      first_alert_after_s: e.firstAlertMs === null ? null : seconds(e.firstAlertMs),
      first_alert: e.firstAlert,
    }));
  }

  /** An alert fired: the first one after an open experiment's fault began is how monitoring noticed it. */
  private alertFired(event: RunEvent): void {
    for (const e of this.experiments) {
      // One firing at the fault's own instant was pending before it.
      if (e.decided || e.firstAlertMs !== null || event.tMs <= e.startMs) continue;
      e.firstAlertMs = event.tMs - e.startMs;
      e.firstAlert = `${String(event.data?.['alert'] ?? 'an alert')} on ${event.target ?? '?'}`;
    }
  }

  /** The baseline: the last steadyStateS of scrapes before the fault (the interval it began in is not scraped yet). */
  private baseline(tMs: number): { before: Baseline; reason: string } {
    const { windowMs: w, intervalMs: i } = this;
    // The scrapes that ended inside the window, as many as fall there on the scrape grid; when
    // scrapes are further apart than the window, the latest one.
    const sparse = i >= w;
    const needed = sparse ? 1 : Math.max(1, Math.ceil(tMs / i) - 1 - Math.floor((tMs - w) / i));
    const scrapes = this.recent.filter((s) => s.tMs <= tMs && (sparse ? s.tMs >= tMs - i : s.tMs > tMs - w));
    if (scrapes.length < needed) return { before: 'no-baseline', reason: `${secondsText(tMs)} into the run, there is not ${w / 1000} s of traffic to judge it by` };
    const bad = scrapes.find((s) => s.broken);
    if (bad === undefined) return { before: 'held', reason: '' };
    const { latencyP99Ms, errorRatePercent } = this.slo.slo;
    const why = bad.p99Ms > latencyP99Ms ? `p99 ${ms(bad.p99Ms)} > ${ms(latencyP99Ms)}` : `errors ${pct(bad.errorRatePercent)} > ${pct(errorRatePercent)}`;
    return { before: 'broken', reason: `the SLO was broken at ${secondsText(bad.tMs)} (${why})` };
  }

  private decide(e: Experiment, tMs: number): void {
    e.decided = true;
    e.recoveredAfterMs = Math.max(0, e.streakFromMs - e.endMs);
    const what = `${e.fault.type} on ${e.fault.target}`;
    const worst = worstText(e.worstP99, e.worstErrors);
    const back =
      e.streakFromMs < e.endMs
        ? 'the steady state came back while the fault went on'
        : `the steady state came back ${secondsText(e.recoveredAfterMs)} after the fault${e.endMs > e.startMs ? ' ended' : ''}`;
    const alert = e.firstAlertMs === null ? 'no alert fired' : `first alert ${e.firstAlert} ${secondsText(e.firstAlertMs)} after it began`;
    const message = e.violatingMs === 0 ? `${what}: the steady state held throughout (${worst}; ${alert})` : `${what}: ${back}; the SLO was broken for ${secondsText(e.violatingMs)} (${worst}; ${alert})`;
    const verdict = verdictOf(e);
    this.events.push({
      tMs,
      type: 'steady-state',
      target: e.fault.target,
      message: verdict === 'inconclusive' ? `${message}; inconclusive without a baseline` : message,
      severity: 'info',
      data: { fault: e.fault.type, check: 'after', verdict, recoveredAfterS: seconds(e.recoveredAfterMs), violatingS: seconds(e.violatingMs) },
    });
  }
}

/** Open at the end of the run: tolerated when nothing broke while it was watched, else not recovered. */
function verdictOf(e: Experiment): ExperimentVerdict {
  if (e.before !== 'held') return 'inconclusive';
  if (e.violatingMs === 0) return 'tolerated';
  return e.decided ? 'recovered' : 'not-recovered';
}
