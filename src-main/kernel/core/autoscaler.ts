// Scaling during a run. manual: the replicas stay. hpa (and, until forecasts are simulated,
// predictive and learned): every sync period the Kubernetes HPA controller (../autoscaling)
// reads each pod's CPU: the station's busy servers averaged over the period divided by its
// ready servers, a fully busy instance using 100 % of its CPU request. Pods not yet ready
// are set aside as the controller does (hpa-readiness.ts); stopping ones are being deleted.
import { hpaFromScaling, hpaSync, initialHpaState, runningPodState, type HpaConfig, type HpaPod, type HpaState } from '../autoscaling/index.js';
import { PRIORITY_NORMAL, type EventKind, type Simulator } from '../engine/simulator.js';
import type { InstanceManager } from './instances.js';
import type { NodeMetrics } from './node-metrics.js';
import type { Plan } from './plan.js';
import type { RunEvent } from './records.js';
import { INST_DOWN, INST_READY, INST_STARTING, INST_STOPPING, type Station } from './station.js';

/** CPU request of one instance in milli-cores: utilisation is measured against it. */
const CPU_REQUEST_MILLI = 1000;

interface Controlled {
  node: number;
  config: HpaConfig;
  syncMs: number;
  state: HpaState;
  busyArea: number;
  readyArea: number;
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
  ) {
    plan.nodes.forEach((node, n) => {
      const b = node.behavior;
      if (b.type !== 'station' || b.scaling.policy === 'manual') return;
      const setup = hpaFromScaling(b.scaling);
      this.controlled.push({ node: n, config: setup.config, syncMs: setup.syncPeriodMs, state: initialHpaState, busyArea: 0, readyArea: 0 });
    });
    this.evSync = sim.register((j) => this.sync(j));
  }

  start(): void {
    this.controlled.forEach((c, j) => this.sim.schedule(c.syncMs, PRIORITY_NORMAL, this.evSync, j));
  }

  private sync(j: number): void {
    const c = this.controlled[j]!;
    const sim = this.sim;
    const now = sim.now;
    sim.schedule(c.syncMs, PRIORITY_NORMAL, this.evSync, j);
    const n = c.node;
    const st = this.stations[n]!;
    const busyArea = this.metrics[n]!.busy.lifetimeAreaUntil(now);
    const readyArea = st.readyOverTime.lifetimeAreaUntil(now) * st.concurrency;
    const busy = busyArea - c.busyArea;
    const ready = readyArea - c.readyArea;
    c.busyArea = busyArea;
    c.readyArea = readyArea;
    // No ready server over the period: no sample (the controller treats the pods as missing).
    const cpu = ready > 0 ? (busy / ready) * CPU_REQUEST_MILLI : undefined;
    const pods: HpaPod[] = [];
    for (let i = 0; i < st.slots; i++) {
      const s = st.state[i];
      if (s === INST_STOPPING) pods.push({ state: 'deleting', values: {} });
      else if (s === INST_STARTING || s === INST_DOWN) pods.push({ state: 'not-yet-ready', values: { cpu }, requests: { cpu: CPU_REQUEST_MILLI } });
      else if (s === INST_READY) {
        const state = runningPodState({
          nowMs: now,
          startedAtMs: st.startedAt[i],
          ready: { status: true, lastTransitionAtMs: st.readyAt[i]! },
          sampleAtMs: now,
          sampleWindowMs: c.syncMs,
        });
        pods.push({ state, values: { cpu }, requests: { cpu: CPU_REQUEST_MILLI } });
      }
    }
    const from = st.desired;
    const decision = hpaSync(c.config, c.state, { nowMs: now, currentReplicas: from, pods });
    c.state = decision.state;
    if (decision.replicas === from) return;
    this.instances.scaleTo(n, decision.replicas);
    const id = this.plan.nodes[n]!.id;
    this.events.push({
      tMs: now,
      type: 'scaled',
      target: id,
      message: `${id}: ${from} → ${decision.replicas} replicas (${decision.message})`,
      severity: 'info',
      data: { from, to: decision.replicas, reason: decision.reason, cpuPercent: cpu === undefined ? -1 : Math.round(cpu) / 10 },
    });
  }
}
