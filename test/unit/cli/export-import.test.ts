import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from './run.js';
import { loadDocument } from '../../../src-main/documents/load-document.js';

const root = resolve(import.meta.dirname, '../../..');
const template = (n: string): string => join(root, 'resources/templates', `${n}.devsim.yaml`);
const dir = mkdtempSync(join(tmpdir(), 'devsim-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('devsim export', () => {
  it('prints a compose file with a service per imaged node', async () => {
    const { code, out, err } = await cli('export', template('development'), '--to', 'compose');
    expect(code).toBe(0);
    expect(Object.keys((parse(out) as { services: object }).services).sort()).toEqual(['api', 'db']);
    expect(err).toContain('[compose-simulated-only]');
  });

  it('writes a Kustomize tree for Kubernetes', async () => {
    const out = join(dir, 'k8s');
    const { code } = await cli('export', template('production'), '--to', 'k8s', '--out', out);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['base', 'overlays']);
    expect(existsSync(join(out, 'base', 'kustomization.yaml'))).toBe(true);
    expect(readdirSync(join(out, 'overlays')).sort()).toEqual(['development', 'experimental', 'production']);
  });

  it('writes Prometheus alert rules to a file', async () => {
    const out = join(dir, 'rules.yml');
    expect((await cli('export', template('production'), '--to', 'prometheus', '--out', out)).code).toBe(0);
    const rules = parse(readFileSync(out, 'utf8')) as { groups: { rules: { alert: string }[] }[] };
    expect(rules.groups[0]?.rules.map((r) => r.alert)).toContain('ApiLatencyHigh');
  });

  it('refuses a document with errors and a wrong command line', async () => {
    expect((await cli('export', join(dir, 'missing.yaml'), '--to', 'compose')).code).toBe(1);
    expect((await cli('export', template('production'), '--to', 'helm')).code).toBe(2);
    expect((await cli('export', template('production'), '--to', 'k8s')).code).toBe(2);
  });
});

describe('devsim import compose', () => {
  it('imports a compose file into a valid document, and exports it back', async () => {
    const out = join(dir, 'imported.devsim.yaml');
    const source = join(root, 'test/fixtures/compose/node-postgres-redis.yml');
    const { code, err } = await cli('import', 'compose', source, '--out', out);
    expect(code, err).toBe(0);
    const loaded = loadDocument(readFileSync(out), out);
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const back = await cli('export', out, '--to', 'compose');
    const services = (x: string): string[] => Object.keys((parse(x) as { services: object }).services).sort();
    expect(services(back.out)).toEqual(services(readFileSync(source, 'utf8')));
  });

  it('writes nothing for a file that is not compose', async () => {
    const out = join(dir, 'never.devsim.yaml');
    const { code, err } = await cli('import', 'compose', template('development'), '--out', out);
    expect(code).toBe(1);
    expect(err).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('is a usage error without "compose"', async () => {
    expect((await cli('import', 'helm', 'x')).code).toBe(2);
  });
});
