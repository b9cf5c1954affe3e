// The load analysis for Kafka consumer groups: every group of a topic gets every message, and
// each of its consumers that owns a partition takes one message at a time
// (core/datastore/kafka.ts), so a group finishes at most active consumers / mean service time.
import { distributionMean } from '../../../src-preload/contract/topology/index.js';
import type { Plan } from './plan.js';

/** A Kafka consumer group: the messages it gets and what its consumers can process. */
export interface GroupLoad {
  /** The Kafka node. */
  broker: string;
  topic: string;
  group: string;
  /** The consuming node. */
  consumer: string;
  /** Consumers that own partitions: min(consumers, partitions). */
  activeConsumers: number;
  /** Messages per second into the topic, mean over the run and at the peak. */
  meanRps: number;
  peakRps: number;
  /** Each consumer takes one message at a time: active consumers / mean service time; Infinity without one. */
  capacityRps: number;
  rho: number;
  peakRho: number;
}

/** Kafka consumer groups against the rate their consumers finish messages at (service time only, so an upper bound). */
export function groupLoads(plan: Plan, topicMean: Map<number, Float64Array>, topicPeak: Map<number, Float64Array>): GroupLoad[] {
  const groups: GroupLoad[] = [];
  plan.nodes.forEach((node, b) => {
    const behavior = node.behavior;
    if (behavior.type !== 'broker') return;
    for (const g of behavior.groups) {
      const topic = behavior.topics[g.topic]!;
      const consumer = plan.nodes[g.consumer]!;
      const service = consumer.behavior.type === 'station' ? consumer.behavior.serviceTime[0] : undefined;
      const meanMs = service === undefined ? 0 : distributionMean(service);
      const activeConsumers = Math.min(g.instances, topic.partitions);
      const capacityRps = meanMs > 0 ? (activeConsumers * 1000) / meanMs : Infinity;
      const meanRps = topicMean.get(b)?.[g.topic] ?? 0;
      const peakRps = topicPeak.get(b)?.[g.topic] ?? 0;
      groups.push({ broker: node.id, topic: topic.name, group: g.group, consumer: consumer.id, activeConsumers, meanRps, peakRps, capacityRps, rho: meanRps / capacityRps, peakRho: peakRps / capacityRps });
    }
  });
  return groups;
}
