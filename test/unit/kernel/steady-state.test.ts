// Chaos experiments: every fault's steady-state hypothesis (the scenario's SLO held for
// slo.steadyStateS) checked before it and after it, on the timeline and in the summary.
import { describe, expect, it } from 'vitest';
import { SloCheck } from '../../../src-main/kernel/core/monitoring/slo-check.js';
import type { RunEvent } from '../../../src-main/kernel/core/records.js';
import { createRun, type RunSummary } from '../../../src-main/kernel/index.js';
import { topologySchema, type TopologyInput } from '../../../src-preload/contract/index.js';
import { topology } from './helpers/documents.js';

// 10 requests/s, evenly spaced, into four instances of 100 ms work: p99 100 ms, no errors.
const nodes: TopologyInput['nodes'] = {
  src: { kind: 'traffic-source', rate: { type: 'constant', rps: 10 }, arrivals: 'deterministic' },
  api: { kind: 'container', replicas: 4, startupS: 5, serviceTime: { default: { type: 'constant', valueMs: 100 } } },
};
const links: TopologyInput['links'] = [{ type: 'call', from: 'src', to: 'api', latencyMs: 0 }];
const slo = { latencyP99Ms: 500, errorRatePercent: 1, steadyStateS: 60 };

function run(faults: NonNullable<TopologyInput['scenario']>['faults'], durationS = 900, recordSeries = true): { summary: RunSummary; events: RunEvent[] } {
  const r = createRun(topology(nodes, links, { faults, slo }), { durationS, seriesIntervalS: 10, recordSeries });
  r.advance();
  return { summary: r.summary(), events: r.drain().events.filter((e) => e.type === 'steady-state') };
}

describe('steady-state checks of chaos experiments', () => {
  it('a pod-kill the spare instances absorb is tolerated: the baseline held, the SLO never broke, "held throughout" one window later', () => {
    const { summary, events } = run([{ type: 'pod-kill', at: 300, target: 'api', count: 1 }]);
    expect(summary.experiments).toEqual([
      {
        fault: 'pod-kill',
        target: 'api',
        injected: false,
        start_s: 300,
        end_s: 300,
        before: 'held',
        verdict: 'tolerated',
        recovered_after_s: null,
        violating_seconds: 0,
        worst_p99_ms: expect.closeTo(100, 0) as number,
        worst_error_rate_percent: expect.any(Number) as number,
        first_alert_after_s: null,
        first_alert: null,
      },
    ]);
    // The killed instance's request in service fails: one in a hundred, within the 1 % target.
    expect(summary.experiments[0]!.worst_error_rate_percent).toBeLessThanOrEqual(1);
    expect(events.map((e) => [e.tMs, e.data?.['check']])).toEqual([
      [300_000, 'before'],
      [360_000, 'after'],
    ]);
    expect(events[0]!.message).toBe('steady state before pod-kill on api: the SLO (p99 ≤ 500 ms, errors ≤ 1 %) held for 60 s');
    expect(events[1]!.message).toMatch(/^pod-kill on api: the steady state held throughout \(worst p99 10\d ms, errors /);
  });

  it('a network delay past the SLO breaks it while it lasts; the steady state comes back once the delayed requests are out, and the summary says when', () => {
    const { summary, events } = run([{ type: 'network-delay', at: 300, target: 'api', durationS: 60, delayMs: 1000 }]);
    const e = summary.experiments[0]!;
    expect(e).toMatchObject({ fault: 'network-delay', start_s: 300, end_s: 360, before: 'held', verdict: 'recovered' });
    // Requests sent in the last second of the delay are answered after it: at most one scrape more.
    expect(e.recovered_after_s).toBeGreaterThanOrEqual(0);
    expect(e.recovered_after_s).toBeLessThanOrEqual(10);
    expect(e.violating_seconds).toBeGreaterThanOrEqual(60);
    expect(e.violating_seconds).toBeLessThanOrEqual(70);
    expect(e.worst_p99_ms).toBeGreaterThan(1000);
    const after = events.find((x) => x.data?.['check'] === 'after')!;
    // Back after a full window of scrapes that met the SLO, all after the fault's end.
    expect(after.tMs).toBe(360_000 + e.recovered_after_s! * 1000 + 60_000);
    expect(after.message).toContain(`the steady state came back ${e.recovered_after_s} s after the fault ended; the SLO was broken for ${e.violating_seconds} s`);
    expect(after.data).toMatchObject({ verdict: 'recovered', recoveredAfterS: e.recovered_after_s, violatingS: e.violating_seconds });
  });

  it('a fault that lasts to the end and breaks the SLO is not recovered; its end is null', () => {
    const { summary, events } = run([{ type: 'pod-failure', at: 300, target: 'api', count: 4 }]);
    expect(summary.experiments[0]).toMatchObject({ fault: 'pod-failure', end_s: null, before: 'held', verdict: 'not-recovered', recovered_after_s: null, worst_error_rate_percent: 100 });
    // Broken from the fault to the end of the run (900 s).
    expect(summary.experiments[0]!.violating_seconds).toBe(600);
    expect(events.filter((e) => e.data?.['check'] === 'after')).toEqual([]);
  });

  it('a fault too early for a baseline is inconclusive, with a warning that says why; its figures are still measured', () => {
    const { summary, events } = run([{ type: 'network-delay', at: 20, target: 'api', durationS: 30, delayMs: 1000 }]);
    expect(summary.experiments[0]).toMatchObject({ before: 'no-baseline', verdict: 'inconclusive' });
    expect(summary.experiments[0]!.violating_seconds).toBeGreaterThanOrEqual(30);
    expect(events[0]).toMatchObject({ severity: 'warning', message: 'no steady state before network-delay on api: 20 s into the run, there is not 60 s of traffic to judge it by; the experiment is inconclusive' });
    expect(events[1]!.message).toMatch(/inconclusive without a baseline$/);
  });

  it('a fault while the SLO is already broken is inconclusive: the baseline names the scrape and the figure that broke it', () => {
    const { summary, events } = run([
      { type: 'network-delay', at: 200, target: 'api', durationS: 200, delayMs: 1000 },
      { type: 'pod-kill', at: 300, target: 'api', count: 1 },
    ]);
    expect(summary.experiments.map((e) => [e.fault, e.before, e.verdict])).toEqual([
      ['network-delay', 'held', 'recovered'],
      ['pod-kill', 'broken', 'inconclusive'],
    ]);
    expect(events[1]!.message).toMatch(/^no steady state before pod-kill on api: the SLO was broken at 2\d0 s \(p99 1,1\d\d ms > 500 ms\); the experiment is inconclusive$/);
  });

  it('the baseline is the scrapes that ended in the window: a breach just before it does not count, off the scrape grid too', () => {
    // The delay's last broken scrape ends at 210 s; the window before 274.9 s starts at 214.9 s.
    const r = createRun(topology(nodes, links, { faults: [{ type: 'network-delay', at: 100, target: 'api', durationS: 100, delayMs: 1000 }], slo }), { durationS: 600, seriesIntervalS: 10 });
    r.advance({ untilMs: 274_900 });
    r.inject({ type: 'pod-kill', at: 0, target: 'api', count: 1 });
    r.advance();
    const [delay, kill] = r.summary().experiments;
    expect(delay!.violating_seconds).toBe(110);
    expect(kill).toMatchObject({ start_s: 274.9, before: 'held' });
    // 3.6 s later the breach at 210 s is inside the window.
    const early = createRun(topology(nodes, links, { faults: [{ type: 'network-delay', at: 100, target: 'api', durationS: 100, delayMs: 1000 }], slo }), { durationS: 600, seriesIntervalS: 10 });
    early.advance({ untilMs: 265_000 });
    early.inject({ type: 'pod-kill', at: 0, target: 'api', count: 1 });
    early.advance();
    expect(early.summary().experiments[1]).toMatchObject({ before: 'broken', verdict: 'inconclusive' });
    expect(early.drain().events.filter((e) => e.type === 'steady-state')[1]!.message).toContain('the SLO was broken at 210 s');
  });

  it('with scrapes further apart than the window, the baseline is the latest scrape', () => {
    const r = createRun(topology(nodes, links, { faults: [{ type: 'pod-kill', at: 300, target: 'api', count: 1 }], slo: { ...slo, steadyStateS: 30 } }), { durationS: 600, seriesIntervalS: 60 });
    r.advance();
    expect(r.summary().experiments[0]).toMatchObject({ before: 'held', verdict: 'tolerated' });
  });

  it('a fault injected while the run goes is an experiment too, marked injected', () => {
    const r = createRun(topology(nodes, links, { slo }), { durationS: 600, seriesIntervalS: 10 });
    r.advance({ untilMs: 250_000 });
    r.inject({ type: 'network-loss', at: 0, target: 'api', durationS: 30, lossPercent: 50 });
    r.advance();
    expect(r.summary().experiments[0]).toMatchObject({ fault: 'network-loss', injected: true, start_s: 250, end_s: 280, before: 'held', verdict: 'recovered' });
  });

  it('runs that keep no series (benchmarks) still check planned faults', () => {
    const { summary } = run([{ type: 'pod-kill', at: 300, target: 'api', count: 1 }], 900, false);
    expect(summary.experiments.map((e) => e.verdict)).toEqual(['tolerated']);
  });

  it('a repeated fault (a chaos monkey) acts at each of its times, and each time is an experiment of its own', () => {
    const { summary, events } = run([{ type: 'pod-kill', at: 200, target: 'api', count: 1, repeat: { everyS: 200, times: 3 } }]);
    expect(summary.experiments.map((e) => [e.start_s, e.before, e.verdict])).toEqual([
      [200, 'held', 'tolerated'],
      [400, 'held', 'tolerated'],
      [600, 'held', 'tolerated'],
    ]);
    expect(events.filter((e) => e.data?.['check'] === 'before').map((e) => e.tMs)).toEqual([200_000, 400_000, 600_000]);
  });

  it('the first alert to fire after the fault began is how monitoring noticed it; a quiet one says no alert fired', () => {
    // An alert on the end-to-end p99, pending 20 s: the first broken scrape is at 310 s.
    const alertRules = [{ name: 'SlowUsers', target: 'src', metric: 'latency_p99_ms', op: '>', threshold: 500, forS: 20, severity: 'critical', notify: [] }];
    const doc = topologySchema.parse({
      apiVersion: 'devsim.io/v1',
      kind: 'Topology',
      metadata: { name: 'alerting' },
      nodes,
      links,
      scenario: { slo, faults: [{ type: 'network-delay', at: 300, target: 'api', durationS: 60, delayMs: 1000 }, { type: 'pod-kill', at: 600, target: 'api', count: 1 }] },
      settings: { monitoring: { alertRules } },
    });
    const r = createRun(doc, { durationS: 900, seriesIntervalS: 10 });
    r.advance();
    const [delay, kill] = r.summary().experiments;
    expect(delay).toMatchObject({ verdict: 'recovered', first_alert_after_s: 30, first_alert: 'SlowUsers on src' });
    expect(kill).toMatchObject({ verdict: 'tolerated', first_alert_after_s: null, first_alert: null });
    const after = r.drain().events.filter((e) => e.type === 'steady-state' && e.data?.['check'] === 'after');
    expect(after[0]!.message).toMatch(/; first alert SlowUsers on src 30 s after it began\)$/);
    expect(after[1]!.message).toMatch(/; no alert fired\)$/);
  });

  it('a run without faults has no experiments', () => {
    expect(run([]).summary.experiments).toEqual([]);
  });
});

describe('SloCheck', () => {
  const layout = { intervalMs: 10_000, nodes: ['a', 'b'], metrics: ['latency_p99_ms', 'error_rate_percent'] as never };
  const check = new SloCheck(layout, ['a', 'b'], { latencyP99Ms: 500, errorRatePercent: 1 });
  const frame = (...v: number[]) => Float64Array.from(v);

  it('breaks when any source is over either target; NaN (nothing finished) breaks nothing', () => {
    expect(check.broken(frame(100, 0, 200, 0.5))).toBe(false);
    expect(check.broken(frame(100, 0, 501, 0))).toBe(true);
    expect(check.broken(frame(100, 1.5, 200, 0))).toBe(true);
    expect(check.broken(frame(NaN, NaN, 200, 0))).toBe(false);
  });

  it('worst takes the highest p99 and error rate over the sources with data', () => {
    expect(check.worst(frame(100, 2, NaN, NaN))).toEqual({ p99Ms: 100, errorRatePercent: 2 });
    expect(check.worst(frame(100, 0, 300, 0.5))).toEqual({ p99Ms: 300, errorRatePercent: 0.5 });
    expect(check.worst(frame(NaN, NaN, NaN, NaN))).toEqual({ p99Ms: NaN, errorRatePercent: NaN });
  });
});
