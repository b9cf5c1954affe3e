// fast-check generators for the run methods. Runs need a live state to pause or step, which
// random input cannot have; those methods are checked for clean refusals (domain errors).
import fc from 'fast-check';
import { topologySchema, type ErrorCode, type MethodName } from '../../../src-preload/contract/index.js';
import type { Store } from '../../../src-main/store/store.js';

/** Finished runs put in the store before the fuzzing, so id lookups find something. */
export const SEEDED_RUN_IDS = ['run-fuzz-1', 'run-fuzz-2'] as const;

export function seedRuns(store: Store): void {
  for (const id of SEEDED_RUN_IDS) {
    store.runs.create({
      id,
      name: id,
      createdAt: new Date().toISOString(),
      document: topologySchema.parse({ apiVersion: 'devsim.io/v1', kind: 'Topology', metadata: { name: id }, nodes: { a: { kind: 'traffic-source', rate: { type: 'constant', rps: 1 } } } }),
      seed: 1,
      parameters: { durationS: 1, warmupS: 0, speed: 'max', seriesIntervalS: 15 },
      state: 'completed',
      endMs: 1000,
      layout: { intervalMs: 15_000, nodes: ['a'], metrics: ['up'] },
    });
    store.runs.append(id, [{ tMs: 0, values: new Float64Array([1]) }], [{ tMs: 0, type: 'run-started', message: 'started', severity: 'info' }]);
  }
}

/** Methods that only succeed on a run that is going; random input checks their refusals. */
export const LIVE_RUN_METHODS: readonly MethodName[] = ['pauseRun', 'resumeRun', 'stepRun', 'setRunSpeed', 'injectFault', 'startDeployment'];

const runId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SEEDED_RUN_IDS) }, fc.constantFrom('run-missing', 'run-', 'x', ''), fc.string({ maxLength: 12 }));
const range = { fromMs: fc.oneof(fc.nat(), fc.double()), toMs: fc.oneof(fc.nat(), fc.constant(-1)) };

export function runArgs(documentArg: fc.Arbitrary<unknown>): Partial<Record<MethodName, fc.Arbitrary<unknown>>> {
  return {
    startRun: fc.record(
      {
        document: documentArg,
        name: fc.string({ maxLength: 20 }),
        parameters: fc.record({ durationS: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(0)), warmupS: fc.constantFrom(0, 30), speed: fc.constantFrom('max', 10, -1) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['document'] },
    ),
    pauseRun: fc.record({ id: runId }),
    resumeRun: fc.record({ id: runId }),
    stepRun: fc.record({ id: runId, events: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(0)) }, { requiredKeys: ['id'] }),
    setRunSpeed: fc.record({ id: runId, speed: fc.constantFrom('max', 5, 0) }),
    cancelRun: fc.record({ id: runId }),
    injectFault: fc.record({ id: runId, fault: fc.constantFrom({ type: 'pod-kill', at: 0, target: 'api' }, { type: 'nope' }) }),
    startDeployment: fc.record({ id: runId, deployment: fc.constantFrom({ at: 0, target: 'api', version: 'v2' }, { at: 0, target: 'api', version: '' }, { target: 'api', version: 'v2', strategy: 'nope' }) }),
    getRun: fc.record({ id: runId }),
    getRunDocument: fc.record({ id: runId }),
    getRunSeries: fc.record({ id: runId, ...range, nodes: fc.array(fc.constantFrom('a', 'b')), limit: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: ['id'] }),
    getRunEvents: fc.record({ id: runId, ...range, limit: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: ['id'] }),
    deleteRun: fc.record({ id: fc.oneof(runId, fc.constant('run-x')) }),
  };
}

/** A run the world says no about: unknown ids, ended runs, parameters the document cannot run, no worker. */
export const RUN_DOMAIN_ERRORS: Partial<Record<MethodName, ErrorCode[]>> = {
  startRun: ['BAD_REQUEST'],
  pauseRun: ['NOT_FOUND', 'BAD_REQUEST'],
  resumeRun: ['NOT_FOUND', 'BAD_REQUEST'],
  stepRun: ['NOT_FOUND', 'BAD_REQUEST'],
  setRunSpeed: ['NOT_FOUND', 'BAD_REQUEST'],
  cancelRun: ['NOT_FOUND'],
  injectFault: ['NOT_FOUND', 'BAD_REQUEST', 'UNAVAILABLE'],
  startDeployment: ['NOT_FOUND', 'BAD_REQUEST', 'UNAVAILABLE'],
  getRun: ['NOT_FOUND'],
  getRunDocument: ['NOT_FOUND'],
  getRunSeries: ['NOT_FOUND'],
  getRunEvents: ['NOT_FOUND'],
};
