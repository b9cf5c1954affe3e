import { describe, expect, it } from 'vitest';
import type { RunEventDto } from '../../../src-preload/contract/index.js';
import { alertEntries } from '../../../src-renderer/src/features/run/alerts.js';
import { activeIssues, classifyHealth, utilisationColour } from '../../../src-renderer/src/features/run/canvas/health.js';
import { linkLoads, loadWidth, workFlow } from '../../../src-renderer/src/features/run/canvas/link-load.js';
import { keyFigures } from '../../../src-renderer/src/features/run/compare.js';
import { eventsNear } from '../../../src-renderer/src/features/run/near-events.js';

const ev = (tMs: number, type: string, target: string, data: Record<string, string | number> = {}, severity: RunEventDto['severity'] = 'info'): RunEventDto => ({ tMs, type, target, message: `${type} ${target}`, severity, data });
const fine = { up: 1, replicas: 3, readyReplicas: 3, errorRatePercent: 0, frames: 5 };
const none = activeIssues([]);

describe('health classification', () => {
  it('healthy with nothing wrong; unknown before the first frame', () => {
    expect(classifyHealth('api', fine, [], none).health).toBe('healthy');
    expect(classifyHealth('api', { ...fine, frames: 0 }, [], none).health).toBe('unknown');
  });

  it('down when not up, with no ready replica, or in a region that is out', () => {
    expect(classifyHealth('api', { ...fine, up: 0 }, [], none)).toEqual({ health: 'down', reasons: ['not up'] });
    expect(classifyHealth('api', { ...fine, readyReplicas: 0 }, [], none).health).toBe('down');
    const outage = activeIssues([ev(10, 'fault-started', 'us-east-1', { fault: 'region-outage' })]);
    expect(classifyHealth('api', fine, ['zone-a', 'us-east-1'], outage)).toEqual({ health: 'down', reasons: ['us-east-1 is out'] });
    const over = activeIssues([ev(10, 'fault-started', 'us-east-1', { fault: 'region-outage' }), ev(20, 'fault-ended', 'us-east-1', { fault: 'region-outage' })]);
    expect(classifyHealth('api', fine, ['us-east-1'], over).health).toBe('healthy');
  });

  it('degraded by errors above 1 %, missing replicas, a firing alert or a fault on the node; resolved alerts no longer count', () => {
    expect(classifyHealth('api', { ...fine, errorRatePercent: 2.5 }, [], none)).toEqual({ health: 'degraded', reasons: ['errors 2.5 %'] });
    expect(classifyHealth('api', { ...fine, errorRatePercent: 0.5 }, [], none).health).toBe('healthy');
    expect(classifyHealth('api', { ...fine, readyReplicas: 2 }, [], none).reasons).toEqual(['2 of 3 replicas ready']);
    const firing = activeIssues([ev(5, 'alert-firing', 'api', { alert: 'ApiErrors' }, 'critical')]);
    expect(classifyHealth('api', fine, [], firing).reasons).toEqual(['alert ApiErrors']);
    expect(classifyHealth('db', fine, [], firing).health).toBe('healthy');
    const resolved = activeIssues([ev(5, 'alert-firing', 'api', { alert: 'ApiErrors' }), ev(9, 'alert-resolved', 'api', { alert: 'ApiErrors' })]);
    expect(classifyHealth('api', fine, [], resolved).health).toBe('healthy');
    const delay = activeIssues([ev(5, 'fault-started', 'api', { fault: 'network-delay' })]);
    expect(classifyHealth('api', fine, [], delay).reasons).toEqual(['fault network-delay']);
  });

  it('utilisation colours: green, amber past 70 %, red past 90 %', () => {
    expect(utilisationColour(20)).toBe('#30a46c');
    expect(utilisationColour(75)).toBe('#f5a524');
    expect(utilisationColour(95)).toBe('#e5484d');
    expect(utilisationColour(NaN)).toBe('transparent');
  });
});

describe('link load', () => {
  const links = [
    { type: 'call', from: 'lb', to: 'api' },
    { type: 'call', from: 'api', to: 'db' },
    { type: 'call', from: 'worker', to: 'db' },
    { type: 'scrape', from: 'prometheus', to: 'api' },
    { type: 'publish', from: 'api', to: 'topic' },
    { type: 'consume', from: 'worker', to: 'topic' }, // as documents write it: the consumer pulls from the topic
  ];
  const rps: Record<string, number> = { lb: 100, api: 100, db: 400, worker: 300, topic: 50, prometheus: NaN };

  it('a call carries the callee throughput, shared among its callers by their throughput; scrapes carry nothing', () => {
    const loads = linkLoads(links, (n) => rps[n] ?? NaN);
    expect(loads[0]).toBe(100);
    expect(loads[1]).toBe(100); // 400 · 100 / (100 + 300)
    expect(loads[2]).toBe(300);
    expect(loads[3]).toBeNaN();
    expect(loads[4]).toBe(50);
    expect(loads[5]).toBe(300); // the consumer's work, flowing topic → worker
    expect(workFlow(links[5]!)).toEqual({ caller: 'topic', callee: 'worker' });
  });

  it('callers without figures share equally; a callee without data gives no load', () => {
    const loads = linkLoads(links, (n) => (n === 'db' ? 400 : NaN));
    expect(loads[1]).toBe(200);
    expect(loads[2]).toBe(200);
    expect(loads[0]).toBeNaN();
  });

  it('edge width from 1 px idle to 8 px at the busiest link', () => {
    expect(loadWidth(0, 100)).toBe(1);
    expect(loadWidth(100, 100)).toBe(8);
    expect(loadWidth(50, 100)).toBe(4.5);
    expect(loadWidth(NaN, 100)).toBe(1);
  });
});

describe('alerts panel and timeline', () => {
  it('pairs firing with resolved per rule and node, keeps the rule severity, newest first, running duration while firing', () => {
    const log = [
      ev(60_000, 'alert-firing', 'api', { alert: 'ApiErrors' }, 'critical'),
      ev(90_000, 'alert-firing', 'db', { alert: 'HighCpu' }, 'warning'),
      ev(120_000, 'alert-resolved', 'api', { alert: 'ApiErrors' }),
      ev(130_000, 'instance-killed', 'api'),
      ev(150_000, 'alert-resolved', 'web', { alert: 'Old' }),
    ];
    const alerts = alertEntries(log, 200_000);
    expect(alerts.map((a) => [a.rule, a.node, a.severity, a.firedMs, a.resolvedMs, a.durationMs])).toEqual([
      ['HighCpu', 'db', 'warning', 90_000, null, 110_000],
      ['ApiErrors', 'api', 'critical', 60_000, 120_000, 60_000],
    ]);
  });

  it('the events near the pointer: within reach either side', () => {
    expect([...eventsNear([10, 20, 20, 28, 40], 22, 7.5)]).toEqual([1, 2, 3]);
    expect([...eventsNear([10, 20, 40], 100, 7.5)]).toEqual([]);
    expect([...eventsNear([10, 20], null, 7.5)]).toEqual([]);
  });
});

describe('compare key figures', () => {
  it('end-to-end figures side by side, throughput-weighted over sources', () => {
    const summary = (p99: number, err: number) => ({
      sources: { users: { throughput_rps: 100, error_rate: err, latency_ms: { p50: 10, p95: 20, p99 } }, mobile: { throughput_rps: 300, error_rate: 0, latency_ms: { p50: 10, p95: 20, p99: 100 } } },
      totals: { cost: 1.5, events: 1000, alerts_fired: 2, simulated_seconds: 3600 },
    });
    const rows = keyFigures({ seed: 1, summary: summary(200, 0.04) }, { seed: 2, summary: summary(100, 0) });
    const at = (label: string) => rows.find((r) => r.label === label)!;
    expect(at('Seed')).toEqual({ label: 'Seed', a: '1', b: '2' });
    expect(at('Latency p99')).toEqual({ label: 'Latency p99', a: '125 ms', b: '100 ms' });
    expect(at('Error rate')).toEqual({ label: 'Error rate', a: '1 %', b: '0 %' });
    expect(at('Throughput end to end').a).toBe('400 req/s');
    expect(keyFigures({ seed: null, summary: null }, { seed: 3, summary: null }).find((r) => r.label === 'Latency p99')).toEqual({ label: 'Latency p99', a: '—', b: '—' });
  });

  it('counts the chaos experiments by verdict and adds up the SLO-broken seconds during them', () => {
    const withFaults = {
      experiments: [
        { verdict: 'recovered', violating_seconds: 70 },
        { verdict: 'tolerated', violating_seconds: 0 },
        { verdict: 'recovered', violating_seconds: 30 },
        { verdict: 'not-recovered', violating_seconds: 600 },
      ],
    };
    const rows = keyFigures({ seed: 1, summary: withFaults }, { seed: 2, summary: { experiments: [] } });
    expect(rows.find((r) => r.label === 'Chaos experiments')).toEqual({ label: 'Chaos experiments', a: '1 tolerated, 2 recovered, 1 not recovered', b: '—' });
    expect(rows.find((r) => r.label === 'SLO broken during faults')).toEqual({ label: 'SLO broken during faults', a: '700 s', b: '—' });
  });
});
