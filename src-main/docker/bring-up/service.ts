import type Dockerode from 'dockerode';
import type { BringUpPlanDto, BringUpState, ChaosActionName, ChaosEvent } from '../../../src-preload/contract/bring-up.js';
import type { EventName, EventPayload, Topology } from '../../../src-preload/contract/index.js';
import { Cancellables } from '../operations.js';
import { chaosAction } from './chaos.js';
import { scenarioChaos } from './chaos-scenario.js';
import { executeBringUp, type BringUpResult } from './execute.js';
import { planBringUp, type BringUpPlan } from './plan.js';
import { findBringUps } from './resync.js';
import { runScenario, type ScenarioRun } from './run-scenario.js';
import { tearDown, type TornDown } from './tear-down.js';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface BringUpServiceOptions {
  /** The connected engine (the Docker service's client). */
  client: () => Promise<Dockerode>;
  emit: Emit;
}

/** Chaos events kept per topology: the recent past of a lab session, not an archive. */
const MAX_CHAOS_EVENTS = 1000;

/** Bring-up, tear-down and chaos for the contract; the engine's labels are the state. */
export class BringUpService {
  private readonly running = new Cancellables();
  private readonly chaos = new Map<string, ChaosEvent[]>();

  constructor(private readonly options: BringUpServiceOptions) {}

  plan(doc: Topology): BringUpPlanDto {
    return planDto(planBringUp(doc, 'preview'));
  }

  async bringUp(bringUpId: string, doc: Topology, timeoutS: number): Promise<BringUpResult & { topologyId: string; bringUpId: string }> {
    const plan = planBringUp(doc, bringUpId);
    const signal = this.running.begin(bringUpId, `bring-up ${bringUpId}`);
    try {
      const docker = await this.options.client();
      const result = await executeBringUp(docker, plan, { signal, timeoutMs: timeoutS * 1000, onProgress: (p) => this.options.emit('bringUpProgress', p) });
      return { ...result, topologyId: plan.topology, bringUpId };
    } finally {
      this.running.end(bringUpId);
    }
  }

  cancel(bringUpId: string): { cancelled: boolean } {
    return { cancelled: this.running.cancel(bringUpId) };
  }

  async tearDown(topologyId: string): Promise<TornDown> {
    return tearDown(await this.options.client(), topologyId);
  }

  async list(): Promise<BringUpState[]> {
    return findBringUps(await this.options.client());
  }

  async chaosAction(id: string, action: ChaosActionName): Promise<ChaosEvent> {
    const event = await chaosAction(await this.options.client(), id, action);
    const list = this.chaos.get(event.topologyId) ?? [];
    list.push(event);
    if (list.length > MAX_CHAOS_EVENTS) list.splice(0, list.length - MAX_CHAOS_EVENTS);
    this.chaos.set(event.topologyId, list);
    this.options.emit('chaosRecorded', event);
    return event;
  }

  /** The document's faults on its containers; cancel with the same operation id. */
  async runScenario(operationId: string, doc: Topology, speed: number): Promise<ScenarioRun & { skipped: Array<{ fault: string; reason: string }> }> {
    const { steps, skipped } = scenarioChaos(doc, planBringUp(doc, operationId));
    const signal = this.running.begin(operationId, `chaos scenario ${operationId}`);
    try {
      await this.options.client();
      const run = await runScenario(steps, speed, (step) => this.chaosAction(step.container, step.action), signal, doc.scenario.durationS * 1000);
      return { ...run, skipped };
    } finally {
      this.running.end(operationId);
    }
  }

  chaosEvents(topologyId: string): ChaosEvent[] {
    return [...(this.chaos.get(topologyId) ?? [])];
  }

  close(): void {
    this.running.cancelAll();
  }
}

function planDto(plan: BringUpPlan): BringUpPlanDto {
  return {
    topologyId: plan.topology,
    network: plan.network.name,
    nodes: plan.nodes.map((n) => ({
      node: n.node,
      kind: n.kind,
      image: n.image,
      after: n.after,
      containers: n.containers.map((c) => c.name),
      ports: (n.containers[0]?.ports ?? []).map((p) => `${p.hostIp}:${p.hostPort}→${p.containerPort}/${p.protocol}`),
    })),
    simulatedOnly: plan.simulatedOnly,
    notes: plan.notes,
  };
}
