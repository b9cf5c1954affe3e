// A run of a topology document: build the network, advance it in slices (the host decides
// how far: to a time, by a number of events, or paced), and summarise. Budgets stop a run
// with a reason instead of hanging or exhausting memory.
import type { Deployment, Fault, Topology } from '../../../src-preload/contract/topology/index.js';
import { Simulator } from '../engine/simulator.js';
import { Network } from './network.js';
import { Monitoring } from './monitoring/monitor.js';
import { buildPlan } from './plan.js';
import type { RatePoint } from './rate-profile.js';
import type { RunRecords, SeriesLayout } from './records.js';
import type { KernelModels } from './scaling-models.js';
import { summarize, type RunSummary } from './summary.js';

export interface RunOptions {
  /** Default: the document's scenario.seed. */
  seed?: number;
  /** Simulated seconds; default: scenario.durationS. */
  durationS?: number;
  /** Seconds at the start left out of the statistics; default: scenario.warmupS. */
  warmupS?: number;
  /** Stop after this many events (default 2·10⁹). */
  maxEvents?: number;
  /** Stop when more requests than this are in flight at once (default 1,000,000). */
  maxInFlight?: number;
  /** Rate series of replay profiles that name a file, by traffic-source id (the host reads the CSV). */
  rateSeries?: Readonly<Record<string, readonly RatePoint[]>>;
  /** Seconds between series frames; default: settings.monitoring.scrapeIntervalS (the app may ask for 10). */
  seriesIntervalS?: number;
  /** False: record no series frames (benchmarks); alert rules are still evaluated. Default true. */
  recordSeries?: boolean;
  /** Models the nodes' `scaling.model` and ml-inference `model` name, resolved by the host (forecasters, policies, detectors). */
  models?: KernelModels;
  /** Season of the predictive policy's built-in seasonal-naive forecaster (default 86,400 s: a day). */
  forecastSeasonS?: number;
}

export interface AdvanceLimit {
  /** Simulated ms to advance to (capped at the end of the run). */
  untilMs?: number;
  /** Events to handle at most in this call. */
  maxEvents?: number;
}

export type RunState = 'running' | 'done' | 'stopped';

export interface Run {
  readonly now: number;
  readonly endMs: number;
  readonly done: boolean;
  readonly state: RunState;
  readonly eventsProcessed: number;
  /** Why a budget stopped the run; null otherwise. */
  readonly stopReason: string | null;
  /** Which node and metric each value of a series frame holds. */
  readonly seriesLayout: SeriesLayout;
  advance(limit?: AdvanceLimit): RunState;
  /** A fault now, whatever its `at` (the same effect as a planned one); throws for a target or type it cannot act on. */
  inject(fault: Fault): void;
  /** A deployment now, whatever its `at` (the same rollout as a planned one); throws for a target without instances. */
  deploy(deployment: Deployment): void;
  /** Series frames and events recorded since the previous drain (the host streams and stores them). */
  drain(): RunRecords;
  summary(): RunSummary;
}

export const DEFAULT_MAX_EVENTS = 2e9;
export const DEFAULT_MAX_IN_FLIGHT = 1_000_000;

export function createRun(doc: Topology, options: RunOptions = {}): Run {
  const seed = options.seed ?? doc.scenario.seed;
  const endMs = (options.durationS ?? doc.scenario.durationS) * 1000;
  const warmupMs = (options.warmupS ?? doc.scenario.warmupS) * 1000;
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!(endMs > 0 && endMs < Infinity)) throw new RangeError(`the duration must be a positive number of seconds, not ${endMs / 1000}`);
  if (!(warmupMs >= 0 && warmupMs < endMs)) throw new RangeError(`the warm-up (${warmupMs / 1000} s) must be shorter than the run (${endMs / 1000} s)`);
  const sim = new Simulator();
  const net = new Network(sim, buildPlan(doc), {
    seed,
    endMs,
    warmupMs,
    maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    ...(options.rateSeries === undefined ? {} : { rateSeries: options.rateSeries }),
    slo: doc.scenario.slo,
    scaling: {
      sloLatencyMs: doc.scenario.slo.latencyP99Ms,
      ...(options.models === undefined ? {} : { models: options.models }),
      ...(options.forecastSeasonS === undefined ? {} : { seasonS: options.forecastSeasonS }),
    },
  });
  const monitoring = new Monitoring(doc, sim, net, {
    endMs,
    recordSeries: options.recordSeries ?? true,
    gauges: net.data,
    ...(options.models === undefined ? {} : { models: options.models }),
    ...(options.seriesIntervalS === undefined ? {} : { intervalS: options.seriesIntervalS }),
  });
  net.start();
  monitoring.start();
  const seriesLayout: SeriesLayout = monitoring.layout;
  let state: RunState = 'running';
  let stopReason: string | null = null;

  const stopWith = (reason: string): RunState => {
    stopReason = reason;
    state = 'stopped';
    return state;
  };

  return {
    get now() {
      return sim.now;
    },
    endMs,
    get done() {
      return state !== 'running';
    },
    get state() {
      return state;
    },
    get eventsProcessed() {
      return sim.eventsProcessed;
    },
    get stopReason() {
      return stopReason;
    },
    advance(limit = {}) {
      if (state !== 'running') return state;
      const budget = maxEvents - sim.eventsProcessed;
      if (budget <= 0) return stopWith(`the event budget (${maxEvents}) was used up at ${(sim.now / 1000).toFixed(3)} s`);
      sim.runUntil(Math.min(limit.untilMs ?? Infinity, endMs), Math.min(limit.maxEvents ?? Infinity, budget));
      if (net.stopReason !== null) return stopWith(net.stopReason);
      if (sim.now >= endMs) state = 'done';
      else if (sim.eventsProcessed >= maxEvents) return stopWith(`the event budget (${maxEvents}) was used up at ${(sim.now / 1000).toFixed(3)} s`);
      return state;
    },
    inject(fault) {
      if (state !== 'running') throw new Error(`the run is ${state}; faults can only be injected while it runs`);
      net.inject(fault);
    },
    deploy(deployment) {
      if (state !== 'running') throw new Error(`the run is ${state}; a deployment can only start while it runs`);
      net.deploy(deployment);
    },
    seriesLayout,
    drain() {
      return { frames: monitoring.drainFrames(), events: net.events.drain() };
    },
    summary() {
      return summarize(net, sim.now, {
        seed,
        warmup_seconds: warmupMs / 1000,
        events: sim.eventsProcessed,
        complete: state === 'done',
        stop_reason: stopReason,
      }, monitoring);
    },
  };
}
