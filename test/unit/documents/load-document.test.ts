import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument, MAX_DOCUMENT_BYTES } from '../../../src-main/documents/load-document.js';

const templates = resolve(import.meta.dirname, '../../../resources/templates');
const read = (name: string): string => readFileSync(resolve(templates, `${name}.devsim.yaml`), 'utf8');

const MM1 = `apiVersion: devsim.io/v1
kind: Topology
metadata:
  name: M/M/1
nodes:
  arrivals:
    kind: traffic-source
    rate: { type: constant, rps: 8 }
  server:
    kind: container
    image: busybox
    serviceTime:
      default: { type: exponential, meanMs: 100 }
links:
  - { type: call, from: arrivals, to: server }
`;

describe('loadDocument', () => {
  it.each(['production', 'development', 'experimental'])('loads the %s template without errors', (name) => {
    const result = loadDocument(read(name), `${name}.devsim.yaml`);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.document?.metadata.environment).toBe(name);
  });

  it('loads a textbook M/M/1 station', () => {
    const result = loadDocument(MM1);
    expect(result.findings).toEqual([]);
    expect(result.document?.nodes.server?.kind).toBe('container');
  });

  it('accepts JSON', () => {
    const json = JSON.stringify(loadDocument(MM1).document);
    expect(loadDocument(json, 'mm1.json').findings).toEqual([]);
  });

  it('places a schema error at its field path, line and column', () => {
    const text = MM1.replace('meanMs: 100', 'meanMs: -5');
    const [finding] = loadDocument(text).findings;
    expect(finding).toMatchObject({ severity: 'error', path: 'nodes.server.serviceTime.default.meanMs', line: 13 });
    expect(finding?.column).toBe(text.split('\n')[12]!.indexOf('-5') + 1);
  });

  it('places a semantic finding on the line of the offending link', () => {
    const text = MM1.replace('to: server }', 'to: nowhere }');
    const finding = loadDocument(text).findings.find((f) => f.code === 'link-missing-node');
    expect(finding).toMatchObject({ path: 'links[0].to', line: 15 });
    expect(finding?.message).toContain('"nowhere"');
  });

  it('reports a YAML syntax error with its line', () => {
    const [finding] = loadDocument('apiVersion: devsim.io/v1\nnodes: [\n').findings;
    expect(finding?.severity).toBe('error');
    expect(finding?.code).toMatch(/^yaml-/);
    expect(finding?.line).toBeGreaterThan(0);
  });

  it('refuses duplicate keys', () => {
    const findings = loadDocument(MM1.replace('kind: Topology', 'kind: Topology\nkind: Topology')).findings;
    expect(findings[0]?.code).toBe('yaml-duplicate-key');
  });

  it('refuses an alias bomb without expanding it', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const started = performance.now();
    const [finding] = loadDocument(rows.join('\n')).findings;
    expect(finding?.code).toBe('yaml-aliases');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses an alias that refers to the node containing it, naming the place (the value would contain itself)', () => {
    const text = ['apiVersion: devsim.io/v1', 'kind: Topology', 'metadata: {name: loop}', 'nodes: {}', 'imported:', '  from: compose', '  unmapped:', '    - path: a', '      reason: r', '      value: &v', '        self: *v'].join('\n');
    const result = loadDocument(text, 'loop.devsim.yaml');
    expect(result.document).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ severity: 'error', code: 'yaml-alias-cycle', path: 'imported.unmapped[0].value.self' });
    expect(result.findings[0]?.line).toBe(11);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const [finding] = loadDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1), 'big.yaml').findings;
    expect(finding).toMatchObject({ code: 'too-large' });
    expect(finding?.message).toContain('big.yaml');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(loadDocument(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'x.yaml').findings[0]?.code).toBe('not-text');
  });

  it('keeps __proto__ and constructor keys harmless', () => {
    const text = MM1.replace('metadata:\n', 'metadata:\n  __proto__: { polluted: true }\n  constructor: { prototype: { polluted: true } }\n');
    const result = loadDocument(text);
    expect(result.document).toBeUndefined();
    expect(result.findings[0]?.message).toMatch(/unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a newer document needs a newer app', () => {
    const [finding] = loadDocument(MM1.replace('devsim.io/v1', 'devsim.io/v7')).findings;
    expect(finding).toMatchObject({ code: 'newer-version', path: 'apiVersion', line: 1 });
  });

  it('migrates a v1alpha1 document on load', () => {
    const old = `apiVersion: devsim.io/v1alpha1
kind: Topology
metadata: { name: old }
nodes:
  - { id: src, type: traffic-source, rate: { type: constant, rps: 1 } }
  - { id: svc, type: container, image: busybox, serviceTime: { default: { type: constant, valueMs: 10 } } }
links:
  - { type: call, source: src, target: svc }
`;
    const result = loadDocument(old);
    expect(result.migratedFrom).toBe('devsim.io/v1alpha1');
    expect(result.findings).toEqual([]);
    expect(result.document?.apiVersion).toBe('devsim.io/v1');
    expect(result.document?.links[0]).toMatchObject({ from: 'src', to: 'svc' });
  });
});
