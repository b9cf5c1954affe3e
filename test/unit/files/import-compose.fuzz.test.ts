import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { topologySchema } from '../../../src-preload/contract/topology/index.js';
import { type ComposeImport, importCompose } from '../../../src-main/files/import-compose.js';
import { VALID_FIXTURES, readFixture } from './compose-fixtures.js';

/** What must hold for any input at all. */
function checkInvariants(result: ComposeImport): void {
  expect(Array.isArray(result.findings)).toBe(true);
  // The safety net in importCompose turns a thrown bug into this finding; it must never fire.
  expect(result.findings.filter((f) => f.code === 'compose-internal')).toEqual([]);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (result.document) {
    expect(errors).toEqual([]);
    const parsed = topologySchema.safeParse(result.document);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  } else expect(errors.length).toBeGreaterThan(0);
  for (const f of result.findings) {
    if (f.line !== undefined) expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    if (f.column !== undefined) expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
  }
  for (const u of result.unmapped) expect(result.findings.some((f) => f.code === 'compose-unmapped' && f.path === u.path)).toBe(true);
}

const odd = fc.constantFrom<unknown>(
  null, 0, -1, 1, 65535, 65536, 1e308, Number.NaN, true, false, '', ' ', '80', '80:80', '8000-8100:8000-8100', '1-65535', '[::1]:53:53/udp',
  '${X}', '${X:-1}', '1m30s', 'soon', '512M', '1g', 'CMD', 'NONE', '__proto__', 'constructor', 'service_healthy', 'x'.repeat(5000),
  ['CMD'], ['CMD-SHELL'], ['NONE'], [null], [[]], [{}], { condition: 'service_healthy' }, { target: 80 }, { target: 'eighty' },
  { limits: { cpus: 'x', memory: -1 } }, { replicas: -2 }, { service: 'web' }, { file: 'other.yml', service: 'a' },
);
const payload = fc.oneof(odd, fc.jsonValue({ maxDepth: 3 }));

type Op = { kind: 'drop' | 'duplicate' | 'retype' | 'rename' | 'reference'; at: number; value: unknown; name: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('drop', 'duplicate', 'retype', 'rename', 'reference'),
  at: fc.nat(),
  value: payload,
  name: fc.oneof(fc.constantFrom('image', 'ports', 'depends_on', 'links', 'extends', 'environment', 'healthcheck', 'deploy', 'x-y', '__proto__', 'web', 'db', 'Web_1'), fc.string({ maxLength: 8 })),
});

/** Every (container, key) pair in a parsed YAML value. */
function slots(root: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const out: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) v.forEach((item, i) => { out.push([v, i]); walk(item, depth + 1); });
    else for (const [k, item] of Object.entries(v)) { out.push([v as Record<string, unknown>, k]); walk(item, depth + 1); }
  };
  walk(root, 0);
  return out;
}

/** Drops, duplicates, retypes or renames keys; or points a key at another service's name. */
function mutate(root: unknown, ops: Op[]): unknown {
  const services = (root as { services?: Record<string, unknown> }).services;
  const names = services && typeof services === 'object' ? Object.keys(services) : [];
  for (const o of ops) {
    const all = slots(root);
    if (all.length === 0) break;
    const [container, key] = all[o.at % all.length]!;
    const set = (c: Record<string, unknown> | unknown[], k: string | number, v: unknown): void => {
      if (Array.isArray(c)) c[k as number] = v;
      else Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
    };
    const current = (container as Record<string | number, unknown>)[key];
    switch (o.kind) {
      case 'drop':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete container[key as string];
        break;
      case 'duplicate':
        if (Array.isArray(container)) container.push(structuredClone(current));
        else set(container, `${String(key)}${o.name}`, structuredClone(current));
        break;
      case 'retype':
        // A copy: fast-check may hand the same value to several operations, and putting one
        // object in two places lets a later operation make the tree cyclic.
        set(container, key, structuredClone(o.value));
        break;
      case 'rename':
        if (!Array.isArray(container)) {
          delete container[key as string];
          set(container, o.name, current);
        }
        break;
      case 'reference':
        set(container, key, names.length > 0 ? names[o.at % names.length] : o.name);
        break;
    }
  }
  return root;
}

const fixtures = VALID_FIXTURES.map((f) => [f, parse(readFixture(f), { merge: true }) as unknown] as const);

describe('importCompose on hostile input (fast-check)', () => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        checkInvariants(importCompose(Buffer.from(bytes).toString('utf8'), 'random.yml'));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on YAML-shaped strings', () => {
    const token = fc.constantFrom(
      'services:', 'services: ', '\n', '\n  ', '\n    ', '- ', ': ', 'web:', 'image: ', 'nginx', 'ports:', '"80:80"', 'depends_on:', '[', ']', '{', '}', ',',
      '&a ', '*a', '<<: ', '!!str ', '!!binary ', '? ', '| ', '> ', '#', '---', '...', "'", '"', '%YAML 1.1', '__proto__', '${X}', '\t', 'environment:', 'healthcheck:', 'test: ',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (tokens) => {
        checkInvariants(importCompose(tokens.join(''), 'yamlish.yml'));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('never throws on thousands of mutated fixtures, and a document it returns passes the schema', () => {
    let documents = 0;
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(op, { minLength: 1, maxLength: 6 }), ([, parsed], ops) => {
        const mutated = mutate(structuredClone(parsed), ops);
        const result = importCompose(stringify(mutated, { aliasDuplicateObjects: false }), 'mutated.yml');
        checkInvariants(result);
        if (result.document) documents++;
      }),
      { numRuns: 2000 },
    );
    // The mutations must leave many files importable, or the property says little about documents.
    expect(documents).toBeGreaterThan(200);
  }, 120_000);

  it('never throws when lines of a fixture are dropped, repeated or cut', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID_FIXTURES), fc.array(fc.tuple(fc.constantFrom('drop', 'repeat', 'cut'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }), (file, edits) => {
        const lines = readFixture(file).split('\n');
        for (const [kind, at, cut] of edits) {
          const i = at % lines.length;
          if (kind === 'drop') lines.splice(i, 1);
          else if (kind === 'repeat') lines.splice(i, 0, lines[i]!);
          else lines[i] = lines[i]!.slice(0, cut % (lines[i]!.length + 1));
        }
        checkInvariants(importCompose(lines.join('\n'), file));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
