import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findingSchema } from '../../../src-preload/contract/topology/index.js';
import { loadDocument } from '../../../src-main/documents/load-document.js';

const templates = ['production', 'development', 'experimental'].map((name) =>
  readFileSync(resolve(import.meta.dirname, '../../../resources/templates', `${name}.devsim.yaml`), 'utf8'),
);

/** Whatever the input, the loader answers with well-formed findings and never throws. */
function assertWellBehaved(input: string | Uint8Array): void {
  const result = loadDocument(input, 'fuzz.yaml');
  for (const f of result.findings) findingSchema.parse(f);
  expect(result.findings.some((f) => f.code === 'internal')).toBe(false);
  if (result.findings.some((f) => f.severity === 'error' && f.code.startsWith('schema-'))) expect(result.document).toBeUndefined();
}

/** A random edit somewhere in a parsed template: drop, duplicate, retype or replace a value. */
const mutation = fc.record({
  template: fc.integer({ min: 0, max: templates.length - 1 }),
  steps: fc.array(
    fc.record({ pick: fc.nat(), op: fc.constantFrom('drop', 'retype', 'replace', 'proto', 'dup'), value: fc.jsonValue({ maxDepth: 2 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

const parsedTemplates = templates.map((t) => JSON.stringify(loadDocument(t).document));

/** Mutates the template's parsed form and writes it back as YAML or, every other time, JSON. */
function mutate(template: number, steps: { pick: number; op: string; value: unknown }[]): string {
  const doc = JSON.parse(parsedTemplates[template]!) as Record<string, unknown>;
  for (const step of steps) {
    const holders: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          holders.push([v, i]);
          walk(x);
        });
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          holders.push([v as Record<string, unknown>, k]);
          walk(x);
        }
      }
    };
    walk(doc);
    if (holders.length === 0) break;
    const [holder, key] = holders[step.pick % holders.length]!;
    const h = holder as Record<string | number, unknown>;
    if (step.op === 'drop') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete h[key];
    }
    else if (step.op === 'retype') h[key] = typeof h[key] === 'number' ? String(h[key]) : 42;
    else if (step.op === 'replace') h[key] = step.value;
    // An own "__proto__" key, as a parser would produce, not a prototype change.
    else if (step.op === 'proto') Object.defineProperty(h, '__proto__', { value: step.value, enumerable: true, writable: true, configurable: true });
    else if (step.op === 'dup' && Array.isArray(holder)) holder.push(structuredClone(holder[key as number]));
  }
  return steps[0]!.pick % 2 === 0 ? stringify(doc) : JSON.stringify(doc);
}

describe('loadDocument under fuzzing', () => {
  it('survives thousands of mutated templates', () => {
    fc.assert(fc.property(mutation, ({ template, steps }) => assertWellBehaved(mutate(template, steps))), { numRuns: 1000 });
  }, 90_000);

  it('survives random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => assertWellBehaved(bytes)), { numRuns: 1500 });
  });

  it('survives random text cut from templates and spliced with noise', () => {
    const text = fc.record({ t: fc.integer({ min: 0, max: 2 }), at: fc.nat(), len: fc.nat({ max: 400 }), noise: fc.string({ maxLength: 40 }) });
    fc.assert(
      fc.property(text, ({ t, at, len, noise }) => {
        const src = templates[t]!;
        const cut = at % src.length;
        assertWellBehaved(src.slice(0, cut) + noise + src.slice(cut + len));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('survives random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => assertWellBehaved(JSON.stringify(v) ?? 'null')), { numRuns: 1500 });
  });
});
