// fast-check generators for the contract: arguments near the valid ones (so handlers run
// and the store is written), plainly wrong ones, and anything at all.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  type ErrorCode,
  METHOD_NAMES,
  methods,
  replySchema,
  THEMES,
  type MethodName,
  type Reply,
} from '../../../src-preload/contract/index.js';
import { DOCKER_DOMAIN_ERRORS, dockerArgs } from './docker-arbitraries.js';
import { BRING_UP_DOMAIN_ERRORS, bringUpArgs } from '../docker/bring-up-arbitraries.js';
import { RUN_DOMAIN_ERRORS, runArgs } from './run-arbitraries.js';
import { MODEL_DOMAIN_ERRORS, modelArgs } from './model-arbitraries.js';

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

/**
 * File methods only ever see paths inside this sandbox (or relative and odd ones, which
 * are refused before any I/O), so random input never reads or writes elsewhere.
 */
export const sandbox = mkdtempSync(join(tmpdir(), 'devsim-fuzz-files-'));
process.on('exit', () => rmSync(sandbox, { recursive: true, force: true }));
const templateText = readFileSync(resolve(import.meta.dirname, '../../../resources/templates/development.devsim.yaml'), 'utf8');
writeFileSync(join(sandbox, 'dev.devsim.yaml'), templateText);
writeFileSync(join(sandbox, 'broken.devsim.yaml'), 'nodes: [');
mkdirSync(join(sandbox, 'folder.yaml'));
const sandboxPath = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('dev.devsim.yaml', 'broken.devsim.yaml').map((f) => join(sandbox, f)) },
  fc.constantFrom('dev.devsim.yaml', 'broken.devsim.yaml', 'missing.devsim.yaml', 'folder.yaml', 'no/such/dir/x.devsim.yaml', 'x.txt').map((f) => join(sandbox, f)),
  fc.constantFrom('relative.devsim.yaml', '', 'a\0b.yaml'),
);
const templateDoc = parse(templateText) as Record<string, unknown>;
const documentArg = fc.oneof({ weight: 3, arbitrary: fc.constant(templateDoc) }, { weight: 1, arbitrary: noise });
const docText = fc.oneof(fc.constant(templateText), fc.string({ maxLength: 200 }), fc.constant('apiVersion: devsim.io/v1\nnodes: ['));
const fileName = fc.oneof(fc.constantFrom('a.devsim.yaml', '../../x.yaml', ''), fc.string({ maxLength: 30 }));
const autosave = fc.record({ key: fc.oneof(fc.constant('untitled:1'), fc.string({ maxLength: 20 })), path: fc.oneof(fc.constant(null), sandboxPath), name: fileName, text: docText });

const DOCUMENT_ARGS: Partial<Record<MethodName, fc.Arbitrary<unknown>>> = {
  newFromTemplate: fc.record({ templateId: fc.oneof(fc.constantFrom('production', 'development', 'single-queue', 'nope'), fc.string({ maxLength: 12 })) }),
  openDocument: fc.record({ path: sandboxPath }),
  openDocumentText: fc.record({ name: fileName, text: docText }),
  validateDocument: fc.record({ text: docText }),
  saveDocument: fc.record({ path: sandboxPath, document: documentArg }),
  serializeDocument: fc.record({ document: documentArg }),
  autosaveDocument: autosave,
  discardAutosave: fc.record({ key: fc.string({ maxLength: 20 }) }),
  pickSavePath: fc.record({ suggestedName: fileName }),
  exportDocument: fc.record({ document: documentArg, format: fc.constantFrom('compose', 'k8s', 'prometheus', 'helm') }),
  saveExport: fc.record({ document: documentArg, format: fc.constantFrom('compose', 'k8s', 'prometheus'), path: sandboxPath }),
  // A real PNG start, an SVG, or random base64 (refused: no PNG signature).
  saveImage: fc.oneof(
    fc.record({ path: sandboxPath, format: fc.constant('png'), data: fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail]).toString('base64')) }),
    fc.record({ path: sandboxPath, format: fc.constant('svg'), data: fc.constant('<svg xmlns="http://www.w3.org/2000/svg"/>') }),
    fc.record({ path: sandboxPath, format: fc.constantFrom('png', 'svg'), data: fc.base64String({ minLength: 4 }) }),
  ),
  importCompose: fc.record({
    name: fileName,
    text: fc.oneof(fc.constant('services:\n  web: { image: nginx, ports: ["8080:80"] }\n  db: { image: postgres:16 }\n'), docText),
  }),  ...runArgs(documentArg),
  ...dockerArgs,
  ...bringUpArgs(documentArg),
  ...modelArgs(sandbox),
};

/**
 * Errors a method may give for arguments the contract accepts, because the world says no:
 * a file that is not there, a template that does not exist, a path of the wrong kind.
 */
export const DOMAIN_ERRORS: Partial<Record<MethodName, ErrorCode[]>> = {
  newFromTemplate: ['NOT_FOUND'],
  openDocument: ['NOT_FOUND', 'BAD_REQUEST'],
  saveDocument: ['NOT_FOUND', 'BAD_REQUEST'],
  saveExport: ['BAD_REQUEST'],
  saveImage: ['BAD_REQUEST'],
  // The tests run browser mode, which has no native dialogs.
  pickOpenPath: ['UNAVAILABLE'],
  pickSavePath: ['UNAVAILABLE'],
  ...RUN_DOMAIN_ERRORS,
  ...DOCKER_DOMAIN_ERRORS,
  ...BRING_UP_DOMAIN_ERRORS,
  ...MODEL_DOMAIN_ERRORS,
};

/** Arguments for one method: often valid, often subtly not, sometimes anything. */
export function argsFor(method: MethodName): fc.Arbitrary<unknown> {
  const near =
    method === 'setSettings'
      ? settingsPatch
      : method === 'addRecent' || method === 'removeRecent'
        ? pathArgs
        : (DOCUMENT_ARGS[method] ?? fc.constant(undefined));
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
    if (!reply.ok) {
      if (DOMAIN_ERRORS[method as MethodName]?.includes(reply.error.code) && reply.error.message.length > 0) return undefined;
      return `${method}: valid args refused with ${reply.error.code}: ${reply.error.message}`;
    }
    return contract.result.safeParse(reply.result).success ? undefined : `${method}: result breaks the contract`;
  }
  if (reply.ok) return `${method}: invalid args accepted: ${JSON.stringify(args)}`;
  if (reply.error.code !== 'BAD_REQUEST') return `${method}: invalid args gave ${reply.error.code}, expected BAD_REQUEST`;
  return reply.error.message.length > 0 ? undefined : `${method}: empty error message`;
}
