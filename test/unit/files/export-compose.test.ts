import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCompose } from '../../../src-main/files/export-compose.js';
import { importCompose } from '../../../src-main/files/import-compose.js';
import { NODE_KINDS, topologySchema, type Topology } from '../../../src-preload/contract/topology/index.js';
import { TEMPLATE_NAMES, documentOf, everyKind, template } from './export-fixtures.js';
import { composeValidator, errorsOf } from './export-schemas.js';

type Service = Record<string, unknown> & {
  image: string;
  ports?: string[];
  expose?: string[];
  deploy: { replicas?: number; resources: { limits: { cpus: string; memory: string } } };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period?: string };
  labels: Record<string, string>;
  volumes?: string[];
  environment?: Record<string, string>;
  command?: string[];
};
type ComposeFile = { name: string; services: Record<string, Service>; networks: Record<string, unknown>; volumes?: Record<string, unknown> };

const validate = composeValidator();
const compose = (doc: Topology): ComposeFile => parse(exportCompose(doc).yaml) as ComposeFile;

describe('exportCompose: validity against the official Compose Specification schema', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`the ${name} template's export validates`, () => {
      const file = compose(template(name));
      expect(validate(file), errorsOf(validate)).toBe(true);
    });
  }

  it('the every-kind document validates, with a service of every kind', () => {
    const doc = everyKind();
    const file = compose(doc);
    expect(validate(file), errorsOf(validate)).toBe(true);
    const kinds = new Set(Object.values(file.services).map((s) => s.labels['io.devsim.kind']));
    // Every kind that has an image in the document has a service; the two without are simulated only.
    expect([...kinds].sort()).toEqual(NODE_KINDS.filter((k) => k !== 'traffic-source' && k !== 'geodns').sort());
  });

  it('the validator is live: it rejects an export broken by hand', () => {
    const file = compose(template('production')) as unknown as { services: Record<string, Record<string, unknown>> };
    file.services.api!.deploy = { replicas: [3] };
    expect(validate(file)).toBe(false);
    const other = compose(template('production')) as unknown as { services: Record<string, Record<string, unknown>> };
    other.services.api!.portz = ['80:80'];
    expect(validate(other)).toBe(false);
  });
});

describe('exportCompose: mapping', () => {
  it('one service per node with an image; nodes without one are noted as simulated only', () => {
    const doc = template('production');
    const { yaml, notes } = exportCompose(doc);
    const file = parse(yaml) as ComposeFile;
    const withImage = Object.keys(doc.nodes).filter((id) => doc.nodes[id]!.image !== undefined).sort();
    expect(Object.keys(file.services)).toEqual(withImage);
    const simulated = notes.filter((n) => n.code === 'compose-simulated-only').map((n) => n.path);
    expect(simulated.sort()).toEqual(['nodes.geodns', 'nodes.users']);
    expect(file.name).toBe('production');
  });

  it('publishes host ports on 127.0.0.1 only, with /udp for UDP, and exposes the rest', () => {
    const file = compose(everyKind());
    expect(file.services.dash!.ports).toEqual(['127.0.0.1:3001:3000']);
    expect(file.services.dnsd!.ports).toEqual(['127.0.0.1:5353:53/udp']);
    expect(file.services.pg!.expose).toEqual(['5432']);
    for (const service of Object.values(file.services)) {
      for (const port of service.ports ?? []) expect(port.startsWith('127.0.0.1:')).toBe(true);
    }
  });

  it('replicas become deploy.replicas, and a replicated service does not publish its fixed host port', () => {
    const { yaml, notes } = exportCompose(everyKind());
    const file = parse(yaml) as ComposeFile;
    expect(file.services.web!.deploy.replicas).toBe(3);
    expect(file.services.edge!.deploy.replicas).toBe(2);
    expect(file.services.worker!.deploy.replicas).toBe(0);
    expect(file.services.dash!.deploy.replicas).toBeUndefined();
    expect(file.services.web!.ports).toBeUndefined();
    expect(file.services.web!.expose).toEqual(['3000', '9229']);
    expect(file.services.edge!.expose).toEqual(['80']);
    const held = notes.filter((n) => n.code === 'compose-replicated-host-port').map((n) => n.path);
    expect(held.sort()).toEqual(['nodes.edge.ports[0].hostPort', 'nodes.web.ports[0].hostPort']);
  });

  it('stateful kinds run one container with a named volume, and say how many instances they stand for', () => {
    const { yaml, notes } = exportCompose(everyKind());
    const file = parse(yaml) as ComposeFile;
    expect(file.services.bus!.deploy.replicas).toBeUndefined();
    expect(file.services.pg!.volumes).toEqual(['pg-data:/var/lib/postgresql/data']);
    expect(file.services['pg-dr']!.volumes).toEqual(['pg-dr-data:/var/lib/postgresql']); // postgres:18 layout
    expect(file.services.es!.volumes).toEqual(['es-data:/usr/share/elasticsearch/data']);
    expect(file.services.cache!.volumes).toEqual(['cache-data:/data']);
    expect(Object.keys(file.volumes ?? {}).sort()).toEqual(['bus-data', 'cache-data', 'es-data', 'pg-data', 'pg-dr-data']);
    const single = notes.filter((n) => n.code === 'compose-stateful-single').map((n) => n.path);
    expect(single.sort()).toEqual(['nodes.bus', 'nodes.es', 'nodes.pg']);
  });

  it('environment, command, resources, labels and the one network', () => {
    const file = compose(everyKind());
    const web = file.services.web!;
    expect(web.environment).toEqual({ NODE_ENV: 'production', DB_PASSWORD: 'hunter2', API_TOKEN: 'abc' });
    expect(web.command).toEqual(['node', 'server.js']);
    expect(web.deploy.resources.limits).toEqual({ cpus: '0.5', memory: '512M' });
    expect(web.labels).toEqual({ 'io.devsim.topology': 'every-kind', 'io.devsim.node': 'web', 'io.devsim.kind': 'app-service' });
    expect(Object.keys(file.networks)).toEqual(['devsim']);
    for (const service of Object.values(file.services)) expect(service.networks).toEqual(['devsim']);
    const prod = compose(template('production'));
    expect(prod.services.db!.deploy.resources.limits).toEqual({ cpus: '2', memory: '4096M' });
  });

  it('health checks: a command runs as CMD; an HTTP check tries wget then curl, with durations', () => {
    const prod = compose(template('production'));
    expect(prod.services.db!.healthcheck).toEqual({ test: ['CMD', 'pg_isready', '-U', 'app'], interval: '10s', timeout: '5s', retries: 5 });
    const api = prod.services.api!.healthcheck!;
    expect(api.test[0]).toBe('CMD-SHELL');
    expect(api.test[1]).toMatch(/^wget .* \|\| curl /);
    expect(api).toMatchObject({ interval: '10s', timeout: '2s', retries: 3 });
    expect(compose(everyKind()).services.web!.healthcheck!.start_period).toBe('15s');
  });

  it('the HTTP check survives /bin/sh with quotes in the path: wget receives the exact URL', () => {
    const test = compose(everyKind()).services.web!.healthcheck!.test[1]!;
    // A stand-in wget prints the URL it was given, as the real one would fetch it.
    const out = execFileSync('/bin/sh', ['-c', `wget() { printf '%s' "$4"; }; ${test}`], { encoding: 'utf8' });
    expect(out).toBe("http://127.0.0.1:3000/health?x='1'");
  });

  it("depends_on follows the links' direction, waits for health where there is a check, and skips simulated nodes", () => {
    const file = compose(everyKind());
    expect(file.services.web!.depends_on).toEqual({
      bus: { condition: 'service_started' },
      cache: { condition: 'service_started' },
      dnsd: { condition: 'service_started' },
      pg: { condition: 'service_healthy' },
      ship: { condition: 'service_started' },
    });
    expect(file.services.worker!.depends_on).toEqual({ bus: { condition: 'service_started' } }); // consume: the consumer waits for Kafka
    expect(file.services['pg-dr']!.depends_on).toEqual({ pg: { condition: 'service_healthy' } }); // replication: the replica waits
    expect(file.services.prom!.depends_on).toEqual({ pg: { condition: 'service_healthy' }, web: { condition: 'service_healthy' } });
    expect(file.services.edge!.depends_on).toEqual({ web: { condition: 'service_healthy' } }); // dns → edge is dropped: dns is simulated only
  });

  it('a cycle formed by links of different types is broken, always at the same edge, and noted', () => {
    const doc = documentOf({
      metadata: { name: 'cycle' },
      nodes: {
        a: { kind: 'container', image: 'busybox' },
        b: { kind: 'container', image: 'busybox' },
        c: { kind: 'prometheus', image: 'prom/prometheus' },
      },
      links: [
        { type: 'call', from: 'b', to: 'a' },
        { type: 'scrape', from: 'c', to: 'b' },
        { type: 'call', from: 'a', to: 'c' },
      ],
    });
    const { yaml, notes } = exportCompose(doc);
    const file = parse(yaml) as ComposeFile;
    expect(validate(file), errorsOf(validate)).toBe(true);
    // Clients in order: a → c and b → a are kept; c → b would close c → b → a → c.
    expect(file.services.a!.depends_on).toEqual({ c: { condition: 'service_started' } });
    expect(file.services.b!.depends_on).toEqual({ a: { condition: 'service_started' } });
    expect(file.services.c!.depends_on).toBeUndefined();
    expect(notes.filter((n) => n.code === 'compose-dependency-cycle').map((n) => n.message)).toHaveLength(1);
  });

  it('the project name is a slug Compose accepts, whatever the document is called', () => {
    for (const [name, slug] of [['Production', 'production'], ['  Ünïcode & Co. ', 'unicode-co'], ['***', 'devsim'], ['9 lives', '9-lives']] as const) {
      const file = compose(documentOf({ metadata: { name }, nodes: { a: { kind: 'container', image: 'busybox' } } }));
      expect(file.name).toBe(slug);
      expect(file.name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    }
  });
});

describe('exportCompose: determinism and round trip', () => {
  it('the same document gives byte-identical text, whatever the order its nodes were written in', () => {
    const doc = template('experimental');
    const reversed = { ...doc, nodes: Object.fromEntries(Object.entries(doc.nodes).reverse()) };
    const first = exportCompose(doc);
    expect(exportCompose(doc)).toEqual(first);
    expect(exportCompose(reversed).yaml).toBe(first.yaml);
  });

  for (const name of TEMPLATE_NAMES) {
    it(`document → compose → document keeps services, images, ports and dependencies (${name})`, () => {
      const doc = template(name);
      const { yaml } = exportCompose(doc);
      const imported = importCompose(yaml, `${name}.compose.yaml`);
      expect(imported.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const back = topologySchema.parse(imported.document) as Topology;
      const deployed = Object.keys(doc.nodes).filter((id) => doc.nodes[id]!.image !== undefined).sort();
      expect(Object.keys(back.nodes).sort()).toEqual(deployed);
      for (const id of deployed) {
        expect(back.nodes[id]!.image).toBe(doc.nodes[id]!.image);
        expect(back.nodes[id]!.ports.map((p) => p.port).sort()).toEqual(doc.nodes[id]!.ports.map((p) => p.port).sort());
      }
      // A second export of the imported document has the same services, images and depends_on.
      const again = parse(exportCompose(back).yaml) as ComposeFile;
      const first = parse(yaml) as ComposeFile;
      for (const id of deployed) {
        expect(again.services[id]!.image).toBe(first.services[id]!.image);
        expect(Object.keys(again.services[id]!.depends_on ?? {}).sort()).toEqual(Object.keys(first.services[id]!.depends_on ?? {}).sort());
      }
    });
  }
});
