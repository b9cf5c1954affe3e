// Alert rules on a deterministic overload: evenly spaced arrivals at a constant-service
// station (10 ms, so 100 requests/s at most) that step from 50 to 200 requests/s at 100 s and
// back at 200 s. The server is busy without a break from 100 s until the backlog of 10,000
// requests has drained at 50/s, i.e. until 400 s; the scrapes are every 10 s.
import { describe, expect, it } from 'vitest';
import { createRun, type RunEvent } from '../../../src-main/kernel/index.js';
import { topologySchema, type AlertRule } from '../../../src-preload/contract/index.js';

type RuleInput = Partial<AlertRule> & Pick<AlertRule, 'name' | 'metric' | 'op' | 'threshold'>;

function overloaded(rules: RuleInput[]) {
  return topologySchema.parse({
    apiVersion: 'devsim.io/v1',
    kind: 'Topology',
    metadata: { name: 'step overload' },
    nodes: {
      users: { kind: 'traffic-source', rate: { type: 'spike', baseRps: 50, spikeRps: 200, atS: 100, durationS: 100 }, arrivals: 'deterministic' },
      api: { kind: 'container', serviceTime: { default: { type: 'constant', valueMs: 10 } } },
    },
    links: [{ type: 'call', from: 'users', to: 'api', latencyMs: 0 }],
    settings: { monitoring: { scrapeIntervalS: 10, alertRules: rules.map((r) => ({ target: 'api', ...r })) } },
  });
}

const alertEvents = (events: RunEvent[]) => events.filter((e) => e.type === 'alert-firing' || e.type === 'alert-resolved');

describe('alert rules', () => {
  it('go pending when the condition holds, fire after `for`, and resolve at the first scrape where it no longer holds', () => {
    const doc = overloaded([{ name: 'Saturated', metric: 'utilization_percent', op: '>=', threshold: 99, forS: 30, severity: 'critical' }]);
    const r = createRun(doc, { durationS: 600, warmupS: 0 });
    r.advance();
    const events = alertEvents(r.drain().events);
    // Holds from the scrape at 110 s (interval 100–110 s fully busy); pending until 140 s.
    expect(events.map((e) => [e.type, e.tMs, e.target])).toEqual([
      ['alert-firing', 140_000, 'api'],
      ['alert-resolved', 410_000, 'api'],
    ]);
    expect(events[0]).toMatchObject({ severity: 'critical', data: { alert: 'Saturated', metric: 'utilization_percent', value: 100, threshold: 99 } });
    expect(events[1]!.severity).toBe('info');
    const s = r.summary();
    expect(s.alerts).toEqual([{ name: 'Saturated', node: 'api', severity: 'critical', fired: 1, firing_seconds: 270, firing_at_end: false }]);
    expect(s.totals.alerts_fired).toBe(1);
  });

  it('never fire when the condition does not hold for the whole `for` duration', () => {
    // The queue grows by 100/s from 100 s (1,000 at the scrape at 110 s) and drains at 50/s from
    // 10,000 at 200 s (past 100 until 398 s): the condition holds at the scrapes 110 s … 390 s, 280 s.
    const held = (forS: number) => {
      const r = createRun(overloaded([{ name: 'Backlog', metric: 'queue_length', op: '>', threshold: 100, forS }]), { durationS: 600 });
      r.advance();
      return alertEvents(r.drain().events).map((e) => [e.type, e.tMs]);
    };
    expect(held(280)).toEqual([
      ['alert-firing', 390_000],
      ['alert-resolved', 400_000],
    ]);
    expect(held(290)).toEqual([]);
  });

  it('fire at the first scrape with `for` 0, on every node for a * target, and count firing time up to the end', () => {
    const doc = overloaded([{ name: 'Busy', target: '*', metric: 'cpu_percent', op: '>', threshold: 90, forS: 0 }]);
    const r = createRun(doc, { durationS: 300, warmupS: 0 });
    r.advance();
    const events = alertEvents(r.drain().events);
    // cpu_percent = 2 % idle + 98 % × utilisation: 100 % busy from 100 s; the source has no CPU.
    expect(events.map((e) => [e.type, e.tMs, e.target])).toEqual([['alert-firing', 110_000, 'api']]);
    expect(r.summary().alerts).toEqual([{ name: 'Busy', node: 'api', severity: 'warning', fired: 1, firing_seconds: 190, firing_at_end: true }]);
  });

  it('warn about metrics without a model and about unknown targets, and never fire on them', () => {
    const doc = overloaded([
      { name: 'Disk', metric: 'disk_percent', op: '>=', threshold: 0, forS: 0 },
      { name: 'Ghost', target: 'nowhere', metric: 'up', op: '==', threshold: 1, forS: 0 },
    ]);
    const r = createRun(doc, { durationS: 60 });
    r.advance();
    expect(alertEvents(r.drain().events)).toEqual([]);
    const warnings = r.summary().warnings;
    expect(warnings).toContain('alert Disk: disk_percent is not modelled yet, so the rule never fires');
    expect(warnings).toContain('alert Ghost: no node "nowhere"; the rule is ignored');
  });

  it('are evaluated even when the series are not recorded', () => {
    const doc = overloaded([{ name: 'Saturated', metric: 'utilization_percent', op: '>=', threshold: 99, forS: 30 }]);
    const r = createRun(doc, { durationS: 600, recordSeries: false });
    r.advance();
    const records = r.drain();
    expect(records.frames).toEqual([]);
    expect(alertEvents(records.events).map((e) => e.tMs)).toEqual([140_000, 410_000]);
  });
});
