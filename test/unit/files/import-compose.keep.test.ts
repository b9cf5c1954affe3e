// "What cannot be mapped is kept and reported, never dropped silently": the unmapped parts
// of every fixture live on in the saved document and the compose export writes back the
// whole service fields and sections among them.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Topology, topologySchema } from '../../../src-preload/contract/topology/index.js';
import { loadDocument } from '../../../src-main/documents/load-document.js';
import { serializeDocument } from '../../../src-main/documents/serialize.js';
import { exportCompose } from '../../../src-main/files/export-compose.js';
import { importCompose } from '../../../src-main/files/import-compose.js';
import { VALID_FIXTURES, readFixture } from './compose-fixtures.js';
import { composeValidator, errorsOf } from './export-schemas.js';

type Services = Record<string, Record<string, unknown>>;
const validate = composeValidator();

/** Import, save as YAML, open again: what a person gets after saving the import. */
function importedAndReopened(file: string): { result: ReturnType<typeof importCompose>; doc: Topology } {
  const result = importCompose(readFixture(file), file);
  const saved = serializeDocument(topologySchema.parse(result.document));
  const reopened = loadDocument(saved, 'saved.devsim.yaml');
  expect(reopened.document, JSON.stringify(reopened.findings.slice(0, 3))).toBeDefined();
  return { result, doc: reopened.document! };
}

describe('unmapped compose settings are kept', () => {
  it.each(VALID_FIXTURES)('%s: every unmapped part is in the saved document with its value and reason', (file) => {
    const { result, doc } = importedAndReopened(file);
    const kept = doc.imported?.unmapped ?? [];
    expect(kept.map((u) => u.path)).toEqual(result.unmapped.map((u) => u.path));
    result.unmapped.forEach((u, i) => {
      expect(kept[i]!.reason).toBe(u.reason);
      expect(kept[i]!.value).toEqual(JSON.parse(JSON.stringify(u.value ?? null)));
    });
  });

  it.each(VALID_FIXTURES)('%s: the compose export writes restorable fields back and stays valid', (file) => {
    const { doc } = importedAndReopened(file);
    const exported = parse(exportCompose(doc).yaml) as Record<string, unknown> & { services: Services };
    expect(validate(exported), errorsOf(validate)).toBe(true);
    // What the export writes on its own wins; absent fields are restored, maps merged.
    const { imported: _kept, ...plain } = doc;
    const baseline = parse(exportCompose(plain).yaml) as Record<string, unknown> & { services: Services };
    const isMap = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
    const check = (now: unknown, before: unknown, kept: unknown, where: string): void => {
      if (before === undefined) expect(now, where).toEqual(kept);
      else if (isMap(before) && isMap(kept)) expect(now, where).toMatchObject(before as object);
      else expect(now, where).toEqual(before);
    };
    for (const entry of doc.imported?.unmapped ?? []) {
      if (entry.node !== undefined && entry.field !== undefined && exported.services[entry.node] !== undefined) {
        check(exported.services[entry.node]![entry.field], baseline.services[entry.node]![entry.field], entry.value, entry.path);
      }
      if (entry.section !== undefined) check(exported[entry.section], baseline[entry.section], entry.value, entry.path);
    }
  });

  it('a service field the document has no place for survives compose → document → compose exactly', () => {
    const text = [
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    cap_add: [NET_ADMIN]',
      '    entrypoint: ["/docker-entrypoint.sh"]',
      '    x-team: payments',
      '    build: ./web',
      'secrets:',
      '  token:',
      '    file: ./token.txt',
      'x-common: { restart: always }',
    ].join('\n');
    const doc = topologySchema.parse(importCompose(text, 'stack.yml').document);
    const web = (parse(exportCompose(doc).yaml) as { services: Services }).services.web!;
    expect(web.cap_add).toEqual(['NET_ADMIN']);
    expect(web.entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(web['x-team']).toBe('payments');
    // A build context is relative to the source file: kept in the document, not written back.
    expect(web.build).toBeUndefined();
    expect(doc.imported?.unmapped.find((u) => u.path === 'services.web.build')?.value).toBe('./web');
    const top = parse(exportCompose(doc).yaml) as Record<string, unknown>;
    expect(top.secrets).toEqual({ token: { file: './token.txt' } });
    expect(top['x-common']).toEqual({ restart: 'always' });
  });

  it('a setting whose YAML alias refers to itself is kept with the loop cut, not a crash', () => {
    const text = ['x-loop: &loop', '  self: *loop', '  name: loop', 'services:', '  web:', '    image: nginx:1.27', '    labels: *loop'].join('\n');
    const result = importCompose(text, 'loop.yml');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const doc = topologySchema.parse(result.document);
    const kept = doc.imported?.unmapped.find((u) => u.path === 'x-loop');
    expect(kept?.value).toEqual({ self: '[a YAML alias that refers to itself]', name: 'loop' });
  });
});
