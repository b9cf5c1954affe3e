// fast-check generators for the contract: arguments near the valid ones (so handlers run
// and the store is written), plainly wrong ones, and anything at all.
import fc from 'fast-check';
import {
  METHOD_NAMES,
  methods,
  replySchema,
  THEMES,
  type MethodName,
  type Reply,
} from '../../../src-preload/contract/index.js';

const noise = fc.oneof(fc.anything(), fc.jsonValue());

/** Strings with NUL, lone surrogates, long runs and path-like shapes. */
const pathLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^(\/[a-z.\u00e9\u4e2d -]{1,12}){1,4}\.devsim\.yaml$/),
  fc.constantFrom('', '\0', '/a\0b', '../../etc/passwd', 'C:\\labs\\x.devsim.yaml', 'x'.repeat(4096), 'x'.repeat(4097)),
);

const validPatch = fc.record(
  {
    theme: fc.constantFrom(...THEMES),
    autosaveSeconds: fc.integer({ min: 0, max: 3600 }),
    dockerHost: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })),
    showWelcome: fc.boolean(),
  },
  { requiredKeys: [] },
);

const wildPatch = fc.record(
  {
    theme: fc.oneof(fc.constantFrom(...THEMES), fc.string({ maxLength: 8 })),
    autosaveSeconds: fc.oneof(fc.integer({ min: -5, max: 4000 }), fc.double(), fc.constant(Number.NaN)),
    dockerHost: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.constant('t'.repeat(1025))),
    showWelcome: fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 'true')),
    extra: noise,
  },
  { requiredKeys: [] },
);

const settingsPatch = fc.oneof({ weight: 2, arbitrary: validPatch }, { weight: 1, arbitrary: wildPatch });

const pathArgs = fc.oneof(
  fc.record({ path: pathLike }),
  fc.record({ path: pathLike, other: noise }),
  fc.record({ path: noise }),
);

/** Arguments for one method: often valid, often subtly not, sometimes anything. */
export function argsFor(method: MethodName): fc.Arbitrary<unknown> {
  const near =
    method === 'setSettings' ? settingsPatch : method === 'addRecent' || method === 'removeRecent' ? pathArgs : fc.constant(undefined);
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: noise }, { weight: 1, arbitrary: fc.constant(undefined) });
}

export const realCall = fc.constantFrom(...METHOD_NAMES).chain((method) => fc.record({ method: fc.constant(method), args: argsFor(method) }));

/** Method names that are not the contract's, including ones an object lookup would find. */
export const unknownMethod = fc.oneof(
  fc.string({ maxLength: 100 }).filter((s) => !(METHOD_NAMES as readonly string[]).includes(s)),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'appinfo', 'APPINFO', ' appInfo', 'appInfo\0'),
);

/**
 * The oracle for one call: arguments the contract accepts get an ok reply whose result
 * parses with the method's result schema; any others get BAD_REQUEST. Returns a problem or undefined.
 */
export function checkReply(method: unknown, args: unknown, reply: Reply): string | undefined {
  if (!replySchema.safeParse(reply).success) return `not a Reply: ${JSON.stringify(reply)}`;
  if (typeof method !== 'string' || !(METHOD_NAMES as readonly string[]).includes(method)) {
    return reply.ok || reply.error.code !== 'UNKNOWN_METHOD' ? `expected UNKNOWN_METHOD for ${String(method)}` : undefined;
  }
  const contract = methods[method as MethodName];
  if (contract.args.safeParse(args).success) {
    if (!reply.ok) return `${method}: valid args refused with ${reply.error.code}: ${reply.error.message}`;
    return contract.result.safeParse(reply.result).success ? undefined : `${method}: result breaks the contract`;
  }
  if (reply.ok) return `${method}: invalid args accepted: ${JSON.stringify(args)}`;
  if (reply.error.code !== 'BAD_REQUEST') return `${method}: invalid args gave ${reply.error.code}, expected BAD_REQUEST`;
  return reply.error.message.length > 0 ? undefined : `${method}: empty error message`;
}
