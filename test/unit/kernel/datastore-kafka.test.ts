// Kafka: publishing costs the producer only the append; consumption runs outside the
// producer's latency; consumer lag grows when consumers are slower than producers and drains
// when they are faster; each consumer group sees every message; a group's instances share
// the partitions.
import { describe, expect, it } from 'vitest';
import type { TopologyInput } from '../../../src-preload/contract/index.js';
import { createRun } from '../../../src-main/kernel/index.js';
import type { DataHost } from '../../../src-main/kernel/core/datastore/host.js';
import { BrokerModel } from '../../../src-main/kernel/core/datastore/kafka.js';
import type { BrokerBehavior } from '../../../src-main/kernel/core/datastore/plan.js';
import { VisitInts } from '../../../src-main/kernel/core/datastore/visit-ints.js';
import { NodeMetrics } from '../../../src-main/kernel/core/node-metrics.js';
import { EventLog } from '../../../src-main/kernel/core/records.js';
import { VisitPool } from '../../../src-main/kernel/core/visits.js';
import { Simulator } from '../../../src-main/kernel/engine/simulator.js';
import { dataRun } from './helpers/data-network.js';
import { topology } from './helpers/documents.js';

type Links = TopologyInput['links'];
const worker = (serviceMs: number, concurrency = 1) => ({ kind: 'container' as const, serviceTime: { default: { type: 'constant' as const, valueMs: serviceMs } }, concurrency });
const pipeline = (rps: number, partitions: number, consumers: Record<string, { serviceMs: number; instances: number; concurrency?: number; group?: string }>) => {
  const nodes: TopologyInput['nodes'] = {
    src: { kind: 'traffic-source', rate: { type: 'constant', rps }, arrivals: 'deterministic' },
    producer: worker(1),
    kafka: { kind: 'kafka', latency: { type: 'constant', valueMs: 2 }, topics: [{ name: 'events', partitions }] },
  };
  const links: Links = [
    { type: 'call', from: 'src', to: 'producer', latencyMs: 0 },
    { type: 'publish', from: 'producer', to: 'kafka', topic: 'events', latencyMs: 0.5 },
  ];
  for (const [id, c] of Object.entries(consumers)) {
    nodes[id] = worker(c.serviceMs, c.concurrency ?? c.instances);
    links.push({ type: 'consume', from: 'kafka', to: id, topic: 'events', group: c.group ?? id, consumers: c.instances, latencyMs: 0 });
  }
  return topology(nodes, links);
};

describe('Kafka', () => {
  it("the producer's latency is its own work plus the append, whatever the consumers take", () => {
    const run = createRun(pipeline(10, 1, { slow: { serviceMs: 5000, instances: 1 } }), { durationS: 60 });
    run.advance();
    const s = run.summary();
    // 1 ms of work, 0.5 ms to the broker, 2 ms append, 0.5 ms back.
    expect(s.sources.src!.latency_ms.mean).toBeCloseTo(4, 6);
    expect(s.sources.src!.latency_ms.p99).toBeLessThan(4.1);
    expect(s.nodes.kafka!.completions).toBe(s.nodes.producer!.completions);
    expect(s.nodes.slow!.completions).toBeLessThanOrEqual(12);
  });

  it('consumer lag grows at the difference of the rates when consumers are slower, and stays near zero when faster', () => {
    // 20 messages/s; one consumer at 100 ms each takes 10/s: lag grows by 10/s.
    const slow = dataRun(pipeline(20, 3, { c: { serviceMs: 100, instances: 1 } }), 1, 200);
    const kafka = slow.at('kafka');
    slow.to(100);
    const lag100 = slow.net.data.consumerLag(kafka);
    slow.to(200);
    const lag200 = slow.net.data.consumerLag(kafka);
    expect(lag100).toBeGreaterThan(990);
    expect(lag100).toBeLessThan(1010);
    expect(lag200 - lag100).toBeGreaterThan(990);
    expect(lag200 - lag100).toBeLessThan(1010);

    const fast = dataRun(pipeline(20, 3, { c: { serviceMs: 10, instances: 1 } }), 1, 200);
    let maxLag = 0;
    for (let t = 1; t <= 200; t++) {
      fast.to(t - 0.0025);
      maxLag = Math.max(maxLag, fast.net.data.consumerLag(fast.at('kafka')));
    }
    expect(maxLag).toBeLessThanOrEqual(1);
    expect(fast.net.data.consumerGroups(fast.at('kafka'))[0]!.consumed).toBeGreaterThan(3990);
  });

  it('lag built up during a burst drains once the producers slow below the consumers', () => {
    // 5/s with a burst of 30/s from 10 s to 30 s; one consumer takes 10/s: +20/s for 20 s, then −5/s.
    const doc = pipeline(5, 2, { c: { serviceMs: 100, instances: 1 } });
    const src = doc.nodes.src!;
    if (src.kind !== 'traffic-source') throw new Error('src is a traffic source');
    src.rate = { type: 'spike', baseRps: 5, spikeRps: 30, atS: 10, durationS: 20 };
    const r = dataRun(doc, 1, 200);
    const kafka = r.at('kafka');
    r.to(30);
    const peak = r.net.data.consumerLag(kafka);
    expect(peak).toBeGreaterThan(390);
    expect(peak).toBeLessThan(410);
    r.to(70);
    expect(r.net.data.consumerLag(kafka)).toBeGreaterThan(190);
    expect(r.net.data.consumerLag(kafka)).toBeLessThan(210);
    r.to(120);
    expect(r.net.data.consumerLag(kafka)).toBeLessThanOrEqual(1);
  });

  it('a consumer outage shows as lag, retried messages are not lost, and the lag drains after it', () => {
    const doc = pipeline(10, 2, { c: { serviceMs: 10, instances: 1 } });
    doc.scenario.faults = [{ type: 'pod-failure', at: 10, target: 'c', durationS: 20, count: 1 }];
    const r = dataRun(doc, 1, 120);
    const kafka = r.at('kafka');
    r.to(29.9);
    const during = r.net.data.consumerLag(kafka);
    expect(during).toBeGreaterThan(180);
    expect(during).toBeLessThan(205);
    r.to(120);
    const [group] = r.net.data.consumerGroups(kafka);
    expect(group!.failed).toBeGreaterThan(0);
    expect(group!.lag).toBeLessThanOrEqual(1);
    expect(group!.consumed + group!.lag).toBe(r.net.metrics[kafka]!.completions);
  });

  it('a group keeps up when its instances share the partitions, where one instance alone falls behind', () => {
    // Two groups on the same topic: one instance (10/s) falls behind; four instances on 4 partitions (40/s) keep up.
    const r = dataRun(pipeline(20, 4, { one: { serviceMs: 100, instances: 1 }, four: { serviceMs: 100, instances: 4 } }), 1, 100);
    r.to(100);
    const groups = r.net.data.consumerGroups(r.at('kafka'));
    const one = groups.find((g) => g.group === 'one')!;
    const four = groups.find((g) => g.group === 'four')!;
    expect(one.lag).toBeGreaterThan(950);
    expect(four.lag).toBeLessThanOrEqual(4);
  });

  it('each consumer group sees every message; within a group the instances share them', () => {
    const r = dataRun(pipeline(50, 6, { audit: { serviceMs: 1, instances: 1 }, index: { serviceMs: 1, instances: 3 } }), 1, 60);
    r.to(60);
    const kafka = r.at('kafka');
    const published = r.net.metrics[kafka]!.completions;
    const groups = r.net.data.consumerGroups(kafka);
    expect(published).toBeGreaterThan(2990);
    for (const g of groups) expect(g.consumed + g.lag).toBe(published);
    expect(r.net.metrics[r.at('audit')]!.completions).toBe(groups.find((g) => g.group === 'audit')!.consumed);
    expect(r.net.metrics[r.at('index')]!.completions).toBe(groups.find((g) => g.group === 'index')!.consumed);
  });

  it('consumption is not part of any client request: the source counts only its own requests', () => {
    const run = createRun(pipeline(10, 1, { c: { serviceMs: 1, instances: 1 } }), { durationS: 10 });
    run.advance();
    const s = run.summary();
    // Evenly at 0.1 … 9.9 s: 99 requests, 99 messages, 99 consumptions the source never sees.
    expect(s.sources.src!.requests).toBe(99);
    expect(s.sources.src!.completed).toBe(99);
    expect(s.nodes.c!.completions).toBe(99);
  });
});

describe('Kafka backlog bound', () => {
  it('drops messages for a group past the partition backlog bound, counts them and warns once', () => {
    const sim = new Simulator();
    const pool = new VisitPool();
    const events = new EventLog();
    const metrics = [new NodeMetrics(), new NodeMetrics()];
    const host: DataHost = {
      sim,
      pool,
      metrics,
      events,
      proceed: (v) => pool.release(v),
      fail: (v) => pool.release(v),
      // The consumer never finishes: the one message it took stays in process.
      dispatch: () => pool.alloc(),
    };
    const behavior: BrokerBehavior = {
      type: 'broker',
      latency: { type: 'constant', valueMs: 1 },
      topics: [{ name: 'events', partitions: 1 }],
      groups: [{ topic: 0, group: 'slow', consumer: 1, instances: 1, latencyMs: 0 }],
    };
    const appended = sim.register((v) => broker.onAppended(v));
    const retry = sim.register(() => undefined);
    const broker = new BrokerModel(0, 'kafka', behavior, 1, host, appended, retry, Int32Array.of(0), new VisitInts(), new VisitInts(), 0, 5);
    for (let i = 0; i < 20; i++) {
      const v = pool.alloc();
      pool.node[v] = 0;
      pool.link[v] = 0;
      pool.tArrive[v] = sim.now;
      broker.arrive(v);
    }
    sim.runUntil(10);
    const [group] = broker.groups;
    // One in process, five waiting, fourteen dropped.
    expect(broker.lag).toBe(6);
    expect(group!.dropped).toBe(14);
    expect(events.drain().filter((e) => e.type === 'messages-dropped')).toHaveLength(1);
  });
});
