// Scaling during a run. manual: the replicas stay. hpa: every sync period the Kubernetes HPA
// controller (../autoscaling) reads each pod's CPU: the station's busy servers averaged over
// the period divided by its ready servers, a fully busy instance using 100 % of its CPU
// request. Pods not yet ready are set aside as the controller does (hpa-readiness.ts);
// stopping ones are being deleted. predictive: the HPA's decision with the forecast as a
// floor (predictive-scaler.ts). learned: a policy's replica change (learned-scaler.ts), or
// the HPA when the run has no policy for it. Each 'scaled' event says which part decided.
import { hpaFromScaling, hpaSync, initialHpaState, runningPodState, type HpaConfig, type HpaDecision, type HpaPod, type HpaState } from '../autoscaling/index.js';
import { PRIORITY_NORMAL, type EventKind, type Simulator } from '../engine/simulator.js';
import type { InstanceManager } from './instances.js';
import type { NodeMetrics } from './node-metrics.js';
import type { Plan } from './plan.js';
import type { RunEvent } from './records.js';
import { nodeScaling, type NodeScaling, type ScalingModelOptions } from './scaling-setup.js';
import { ScalingPeriod, type PeriodMeasure } from './scaling-period.js';
import { INST_DOWN, INST_READY, INST_STARTING, INST_STOPPING, type Station } from './station.js';

/** CPU request of one instance in milli-cores: utilisation is measured against it. */
const CPU_REQUEST_MILLI = 1000;

interface Controlled extends NodeScaling {
  node: number;
  config: HpaConfig;
  syncMs: number;
  state: HpaState;
  period: ScalingPeriod;
  /** The predictive policy said it is still gathering history. */
  warmingUpSaid: boolean;
}

interface Choice {
  replicas: number;
  /** reactive (the HPA), forecast or learned. */
  source: string;
  why: string;
  data: Record<string, number | string>;
}

export class Autoscaler {
  private readonly controlled: Controlled[] = [];
  private readonly evSync: EventKind;

  constructor(
    private readonly sim: Simulator,
    private readonly plan: Plan,
    private readonly stations: readonly (Station | null)[],
    private readonly metrics: readonly NodeMetrics[],
    private readonly instances: InstanceManager,
    private readonly events: { push(event: RunEvent): void },
    options: ScalingModelOptions,
  ) {
    plan.nodes.forEach((node, n) => {
      const b = node.behavior;
      if (b.type !== 'station' || b.scaling.policy === 'manual') return;
      const setup = hpaFromScaling(b.scaling);
      const models = nodeScaling(node.id, b, options);
      this.controlled.push({ node: n, config: setup.config, syncMs: setup.syncPeriodMs, state: initialHpaState, period: new ScalingPeriod(), warmingUpSaid: false, ...models });
    });
    this.evSync = sim.register((j) => this.sync(j));
  }

  start(): void {
    this.controlled.forEach((c, j) => {
      if (c.note !== undefined) this.say(c, c.note, 'warning');
      this.sim.schedule(c.syncMs, PRIORITY_NORMAL, this.evSync, j);
    });
  }

  private sync(j: number): void {
    const c = this.controlled[j]!;
    const now = this.sim.now;
    this.sim.schedule(c.syncMs, PRIORITY_NORMAL, this.evSync, j);
    const st = this.stations[c.node]!;
    const measure = c.period.measure(now, this.metrics[c.node]!, st);
    const from = st.desired;
    const hpa = hpaSync(c.config, c.state, { nowMs: now, currentReplicas: from, pods: this.pods(c, st, measure) });
    c.state = hpa.state;
    const choice = this.choose(c, measure, from, hpa);
    if (choice.replicas === from) return;
    this.instances.scaleTo(c.node, choice.replicas);
    const id = this.plan.nodes[c.node]!.id;
    const cpuPercent = measure.utilisation === undefined ? -1 : Math.round(measure.utilisation * 1000) / 10;
    this.events.push({
      tMs: now,
      type: 'scaled',
      target: id,
      message: `${id}: ${from} → ${choice.replicas} replicas (${choice.why})`,
      severity: 'info',
      data: { from, to: choice.replicas, source: choice.source, cpuPercent, ...choice.data },
    });
  }

  private choose(c: Controlled, measure: PeriodMeasure, from: number, hpa: HpaDecision): Choice {
    const reactive: Choice = { replicas: hpa.replicas, source: 'reactive', why: hpa.message, data: { reason: hpa.reason } };
    if (c.learned !== undefined) {
      const d = c.learned.decide(measure, from);
      return { replicas: d.replicas, source: 'learned', why: `policy ${c.learned.policyName} chose ${d.delta >= 0 ? '+' : ''}${d.delta}`, data: { delta: d.delta } };
    }
    if (c.predictive === undefined) return reactive;
    const p = c.predictive.decide({ nowMs: this.sim.now, currentReplicas: from, reactiveReplicas: hpa.replicas, lifetimeArrivals: measure.lifetimeArrivals, serviceMs: measure.serviceMs });
    if (p.source === 'warming-up' && !c.warmingUpSaid) {
      c.warmingUpSaid = true;
      const steps = c.predictive.stepsMissing;
      this.say(c, `${this.plan.nodes[c.node]!.id}: predictive scaling is reactive (the HPA) until ${c.predictive.forecasterName} has its history (${steps} more step${steps === 1 ? '' : 's'})`, 'info');
    }
    // Reactive: the HPA's count, or, when it scales in, no lower than the forecast needs.
    if (p.source !== 'forecast') {
      if (p.forecastRps === null || p.replicas === hpa.replicas) return p.forecastRps === null ? reactive : { ...reactive, data: { ...reactive.data, forecastRps: round(p.forecastRps) } };
      return { replicas: p.replicas, source: 'reactive', why: `${hpa.message}, held at ${p.replicas} for the forecast ${round(p.forecastRps)} requests/s`, data: { reason: hpa.reason, forecastRps: round(p.forecastRps), reactiveReplicas: hpa.replicas } };
    }
    return {
      replicas: p.replicas,
      source: 'forecast',
      why: `forecast: ${round(p.forecastRps ?? 0)} requests/s expected within the buffer need ${p.neededReplicas ?? p.replicas}; the HPA asked for ${hpa.replicas}`,
      data: { forecastRps: round(p.forecastRps ?? 0), reactiveReplicas: hpa.replicas },
    };
  }

  private pods(c: Controlled, st: Station, measure: PeriodMeasure): HpaPod[] {
    const now = this.sim.now;
    // No ready server over the period: no sample (the controller treats the pods as missing).
    const cpu = measure.utilisation === undefined ? undefined : measure.utilisation * CPU_REQUEST_MILLI;
    const pods: HpaPod[] = [];
    for (let i = 0; i < st.slots; i++) {
      const s = st.state[i];
      if (s === INST_STOPPING) pods.push({ state: 'deleting', values: {} });
      else if (s === INST_STARTING || s === INST_DOWN) pods.push({ state: 'not-yet-ready', values: { cpu }, requests: { cpu: CPU_REQUEST_MILLI } });
      else if (s === INST_READY) {
        const state = runningPodState({ nowMs: now, startedAtMs: st.startedAt[i], ready: { status: true, lastTransitionAtMs: st.readyAt[i]! }, sampleAtMs: now, sampleWindowMs: c.syncMs });
        pods.push({ state, values: { cpu }, requests: { cpu: CPU_REQUEST_MILLI } });
      }
    }
    return pods;
  }

  private say(c: Controlled, message: string, severity: RunEvent['severity']): void {
    this.events.push({ tMs: this.sim.now, type: 'scaling-policy', target: this.plan.nodes[c.node]!.id, message, severity });
  }
}

const round = (x: number): number => Math.round(x * 10) / 10;
