// fast-check generators for the bring-up methods, for the dispatcher's property test. The
// fuzzed app has no engine (DEAD_DOCKER_HOST), so the methods that need one refuse with
// DOCKER_UNAVAILABLE; planning and the in-memory chaos log answer without one.
import fc from 'fast-check';
import type { ErrorCode, MethodName } from '../../../src-preload/contract/index.js';

/** Methods that only succeed with an engine. */
export const BRING_UP_ENGINE_METHODS: readonly MethodName[] = ['bringUp', 'tearDown', 'listBringUps', 'chaosAction', 'runChaosScenario'];

const opId = fc.oneof(fc.constantFrom('up-1', 'up_2', '', 'a/b', 'x'.repeat(65)), fc.string({ maxLength: 10 }));
// Valid ids weigh more: a random string rarely is one, and the property test wants >100 of
// 1,000 calls answered (it was 121 on average, and failed CI once at exactly 100).
const topologyId = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('shop-lab', 'development', 'a1-b2') },
  { weight: 1, arbitrary: fc.constantFrom('', '-x', 'A', 'x'.repeat(64)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const ref = fc.oneof(fc.constantFrom('shop-lab-web-0', 'a'.repeat(12), '', 'a b'), fc.string({ maxLength: 16 }));

export const bringUpArgs = (documentArg: fc.Arbitrary<unknown>): Partial<Record<MethodName, fc.Arbitrary<unknown>>> => ({
  planBringUp: fc.record({ document: documentArg }),
  bringUp: fc.record({ bringUpId: opId, document: documentArg, timeoutS: fc.integer({ min: 0, max: 4000 }) }, { requiredKeys: ['bringUpId', 'document'] }),
  cancelBringUp: fc.record({ bringUpId: opId }),
  tearDown: fc.record({ topologyId }),
  chaosAction: fc.record({ id: ref, action: fc.constantFrom('kill', 'pause', 'unpause', 'restart', 'stop') }),
  listChaosEvents: fc.record({ topologyId }),
  runChaosScenario: fc.record({ operationId: opId, document: documentArg, speed: fc.oneof(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.constantFrom(0, -1, 20_000)) }, { requiredKeys: ['operationId', 'document'] }),
  cancelChaosScenario: fc.record({ operationId: opId }),
});

export const BRING_UP_DOMAIN_ERRORS: Partial<Record<MethodName, ErrorCode[]>> = {
  ...Object.fromEntries(BRING_UP_ENGINE_METHODS.map((m) => [m, ['DOCKER_UNAVAILABLE'] as ErrorCode[]])),
};
