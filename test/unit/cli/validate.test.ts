import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.js';

const templates = resolve(import.meta.dirname, '../../../resources/templates');
const dir = mkdtempSync(join(tmpdir(), 'devsim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const broken = join(dir, 'broken.devsim.yaml');
writeFileSync(
  broken,
  ['apiVersion: devsim.io/v1', 'kind: Topology', 'metadata: { name: x }', 'nodes:', '  a: { kind: traffic-source, rate: { type: constant, rps: 1 } }', 'links:', '  - { type: call, from: a, to: b }', ''].join('\n'),
);

describe('devsim validate', () => {
  it('exits 0 for the shipped templates', async () => {
    const files = ['production', 'development', 'experimental'].map((n) => join(templates, `${n}.devsim.yaml`));
    const { code, out } = await cli('validate', ...files);
    expect(code).toBe(0);
    expect(out.match(/: valid \(0 errors/g)).toHaveLength(3);
  });

  it('exits 1 and prints file:line:column for each finding', async () => {
    const { code, out } = await cli('validate', broken);
    expect(code).toBe(1);
    expect(out).toContain(`${broken}:7:32: error: The link goes to "b", which is not a node in this document. [link-missing-node] (links[0].to)`);
  });

  it('reports as JSON with --json', async () => {
    const { code, out } = await cli('validate', '--json', broken);
    expect(code).toBe(1);
    const [report] = JSON.parse(out) as { file: string; valid: boolean; findings: { code: string; line: number }[] }[];
    expect(report).toMatchObject({ file: broken, valid: false });
    expect(report?.findings[0]).toMatchObject({ code: 'link-missing-node', line: 7 });
  });

  it('names a file it cannot read without stopping the others', async () => {
    const { code, out } = await cli('validate', join(dir, 'missing.yaml'), join(templates, 'development.devsim.yaml'));
    expect(code).toBe(1);
    expect(out).toContain('missing.yaml: error: cannot read');
    expect(out).toContain('development.devsim.yaml: valid');
  });

  it('treats warnings as errors with --strict', async () => {
    const warned = join(dir, 'warned.devsim.yaml');
    writeFileSync(warned, ['apiVersion: devsim.io/v1', 'kind: Topology', 'metadata: { name: x }', 'nodes:', '  a: { kind: traffic-source, rate: { type: constant, rps: 1 } }', ''].join('\n'));
    expect((await cli('validate', warned)).code).toBe(0);
    expect((await cli('validate', '--strict', warned)).code).toBe(1);
  });

  it('is a usage error without files or with an unknown option', async () => {
    expect(await cli('validate')).toMatchObject({ code: 2, err: expect.stringContaining('Usage: devsim validate') });
    expect((await cli('validate', '--bogus', broken)).code).toBe(2);
  });
});

describe('devsim schema', () => {
  it('prints the JSON Schema', async () => {
    const { code, out } = await cli('schema');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ title: 'DevOps Simulator topology document' });
  });
});
