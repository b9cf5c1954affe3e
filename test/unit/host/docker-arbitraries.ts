// fast-check generators for the Docker methods. The fuzzed app is pointed at a socket that
// does not exist (DEAD_DOCKER_HOST), so random input never reaches a real engine; the
// methods that need one are checked for clean DOCKER_UNAVAILABLE refusals.
import fc from 'fast-check';
import type { ErrorCode, MethodName } from '../../../src-preload/contract/index.js';

export const DEAD_DOCKER_HOST = 'unix:///nonexistent/devsim-fuzz/docker.sock';

/** Methods that only succeed with an engine, which the fuzzed app never has. */
export const ENGINE_METHODS: readonly MethodName[] = [
  'listContainers',
  'containerAction',
  'inspectContainer',
  'removeContainer',
  'removeContainers',
  'listImages',
  'removeImage',
  'pullImage',
  'startLogs',
  'startStats',
];

const ref = fc.oneof(fc.constantFrom('web-1', 'a'.repeat(12), 'f'.repeat(64), '/db', '', '-x', 'a b', 'x'.repeat(300)), fc.string({ maxLength: 16 }));
const opId = fc.oneof(fc.constantFrom('op-1', 'pull_2', '', 'a/b', 'x'.repeat(65)), fc.string({ maxLength: 10 }));
const image = fc.oneof(fc.constantFrom('busybox:latest', 'registry.local/app@sha256:abc', 'sha256:0123', ':bad', ''), fc.string({ maxLength: 12 }));
const endpoint = fc.oneof(fc.constantFrom(DEAD_DOCKER_HOST, '/nonexistent/x.sock', 'tcp://127.0.0.1:1', 'npipe:////./pipe/nope', 'relative', ''), fc.string({ maxLength: 12 }));

export const dockerArgs: Partial<Record<MethodName, fc.Arbitrary<unknown>>> = {
  dockerConnect: fc.oneof(fc.constant(undefined), fc.record({ endpoint }, { requiredKeys: [] })),
  listContainers: fc.oneof(fc.constant(undefined), fc.record({ scope: fc.constantFrom('all', 'managed', 'mine') }, { requiredKeys: [] })),
  containerAction: fc.record(
    { id: ref, action: fc.constantFrom('start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'rm'), explicit: fc.boolean(), timeoutS: fc.integer({ min: -1, max: 700 }) },
    { requiredKeys: ['id', 'action'] },
  ),
  inspectContainer: fc.record({ id: ref }),
  removeContainer: fc.record({ id: ref, force: fc.boolean(), explicit: fc.boolean() }, { requiredKeys: ['id'] }),
  removeContainers: fc.record({ operationId: opId, ids: fc.array(ref, { maxLength: 3 }), topologyId: fc.string({ maxLength: 8 }) }, { requiredKeys: ['operationId'] }),
  removeImage: fc.record({ image, force: fc.boolean() }, { requiredKeys: ['image'] }),
  pullImage: fc.record({ operationId: opId, image }),
  cancelOperation: fc.record({ operationId: opId }),
  startLogs: fc.record({ streamId: opId, id: ref, tail: fc.integer({ min: -1, max: 10 }), timestamps: fc.boolean() }, { requiredKeys: ['streamId', 'id'] }),
  stopLogs: fc.record({ streamId: opId }),
  startStats: fc.record({ streamId: opId, id: ref }),
  stopStats: fc.record({ streamId: opId }),
};

export const DOCKER_DOMAIN_ERRORS: Partial<Record<MethodName, ErrorCode[]>> = {
  dockerConnect: ['DOCKER_UNAVAILABLE'],
  ...Object.fromEntries(ENGINE_METHODS.map((m) => [m, ['DOCKER_UNAVAILABLE'] as ErrorCode[]])),
};
