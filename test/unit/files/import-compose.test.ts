import { describe, expect, it } from 'vitest';
import { type Topology, topologySchema } from '../../../src-preload/contract/topology/index.js';
import { validateTopology } from '../../../src-preload/contract/topology/validate.js';
import { importCompose } from '../../../src-main/files/import-compose.js';
import { INVALID_DIR, INVALID_FIXTURES, VALID_FIXTURES, readFixture } from './compose-fixtures.js';

type AnyNode = Record<string, unknown> & { kind: string; ports?: { port: number; hostPort?: number; protocol?: string; name?: string }[] };

function imported(file: string) {
  const result = importCompose(readFixture(file), file);
  const doc = result.document;
  if (!doc) throw new Error(`${file}: no document: ${JSON.stringify(result.findings.filter((f) => f.severity === 'error'))}`);
  const node = (id: string): AnyNode => {
    const n = (doc.nodes as Record<string, AnyNode>)[id];
    if (!n) throw new Error(`${file}: no node ${id}`);
    return n;
  };
  const links = (doc.links ?? []).map((l) => `${l.type} ${l.from}->${l.to}`);
  const ports = (id: string): string[] => (node(id).ports ?? []).map((p) => `${p.hostPort ?? ''}:${p.port}/${p.protocol ?? 'tcp'}`);
  return { ...result, doc, node, links, ports };
}

describe('every valid compose fixture', () => {
  it.each(VALID_FIXTURES)('%s imports into a document the schema accepts, and reports everything it leaves out', (file) => {
    const { doc, findings, unmapped } = imported(file);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const parsed = topologySchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Never dropped silently: each unmapped part has a finding at the same path, with a line.
    for (const u of unmapped) {
      const finding = findings.find((f) => f.code === 'compose-unmapped' && f.path === u.path);
      expect(finding, u.path).toBeDefined();
      expect(finding!.line).toBeGreaterThan(0);
    }
    for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
  });

  it.each(VALID_FIXTURES)('%s gives a document the semantic rules find no error in', (file) => {
    const doc = topologySchema.parse(imported(file).doc) as Topology;
    expect(validateTopology(doc).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('what each fixture becomes', () => {
  it('wordpress + mysql: containers, a published port, a healthy-condition dependency kept as a call', () => {
    const r = imported('wordpress-mysql.yml');
    expect(Object.keys(r.doc.nodes)).toEqual(['db', 'wordpress', 'phpmyadmin']);
    expect(r.node('db')).toMatchObject({ kind: 'container', image: 'mysql:8.0', command: ['--default-authentication-plugin=mysql_native_password'] });
    expect(r.node('db').healthCheck).toEqual({ command: ['mysqladmin', 'ping', '-h', 'localhost'], intervalS: 10, timeoutS: 5, retries: 5, startPeriodS: 30 });
    expect(r.ports('wordpress')).toEqual(['8000:80/tcp']);
    expect(r.ports('phpmyadmin')).toEqual(['8081:80/tcp']);
    expect(r.node('phpmyadmin').env).toEqual({ PMA_HOST: 'db', UPLOAD_LIMIT: '64M' });
    expect(r.links).toEqual(['call wordpress->db', 'call phpmyadmin->db']);
    expect(r.unmapped.find((u) => u.path === 'services.wordpress.depends_on.db')?.value).toEqual({ condition: 'service_healthy' });
    expect(r.unmapped.map((u) => u.path)).toEqual(expect.arrayContaining(['version', 'volumes', 'services.db.volumes', 'services.db.restart']));
  });

  it('node + postgres + redis: kinds, env as list and map, replicas, limits, health checks of all three forms', () => {
    const r = imported('node-postgres-redis.yml');
    expect(r.doc.metadata.name).toBe('shop');
    expect(r.node('api')).toMatchObject({ kind: 'container', image: 'registry.example.com/shop/api:1.4.2', replicas: 3, resources: { cpu: 1.5, memoryMiB: 768 } });
    expect(r.ports('api')).toEqual([':3000/tcp']);
    expect(r.node('api').env).toEqual({ NODE_ENV: 'production', PORT: '3000', DATABASE_URL: 'postgres://shop:shop@postgres:5432/shop', REDIS_URL: 'redis://redis:6379' });
    expect(r.node('api').healthCheck).toEqual({ command: ['/bin/sh', '-c', 'curl -fsS http://localhost:3000/healthz || exit 1'], intervalS: 15, timeoutS: 3, retries: 3, startPeriodS: 10 });
    expect(r.node('worker')).toMatchObject({ kind: 'app-service', runtime: 'node-express', command: ['npm', 'run', 'worker', '--', '--queue', 'emails and receipts'] });
    expect(r.node('worker').env).toEqual({ NODE_ENV: 'production', CONCURRENCY: '4', VERBOSE: 'false' });
    expect(r.node('postgres')).toMatchObject({ kind: 'postgres', version: '16' });
    expect(r.node('postgres').healthCheck).toMatchObject({ command: ['/bin/sh', '-c', 'pg_isready -U shop -d shop'] });
    expect(r.node('redis')).toMatchObject({ kind: 'redis', version: '7.2', healthCheck: { command: ['redis-cli', 'ping'], intervalS: 10 } });
    expect(r.links).toEqual(['call api->postgres', 'call api->redis', 'call worker->postgres', 'call worker->redis', 'call pgadmin->postgres']);
    const paths = r.unmapped.map((u) => u.path);
    expect(paths).toEqual(expect.arrayContaining(['services.api.build', 'services.api.env_file', 'services.api.environment[4]', 'services.api.deploy.resources.reservations', 'services.pgadmin.profiles', 'services.api.networks', 'networks']));
    expect(r.unmapped.find((u) => u.path === 'services.api.env_file')?.value).toEqual(['.env', './api/.env.local']);
    expect(r.findings.some((f) => f.code === 'compose-simulation-defaults')).toBe(true);
  });

  it('ELK in version 2: the ELK kinds, log shipping and querying, mem_limit and cpus', () => {
    const r = imported('elk.yml');
    expect(Object.fromEntries(Object.entries(r.doc.nodes).map(([id, n]) => [id, n.kind]))).toEqual({ elasticsearch: 'elasticsearch', logstash: 'logstash', kibana: 'kibana', filebeat: 'container' });
    expect(r.node('elasticsearch').resources).toEqual({ cpu: 2, memoryMiB: 2048 });
    expect(r.node('elasticsearch').env).toMatchObject({ 'discovery.type': 'single-node', 'xpack.security.enabled': 'false' });
    expect(r.ports('logstash')).toEqual(['5044:5044/tcp', '5000:5000/tcp', '5000:5000/udp', '9600:9600/tcp']);
    expect(r.links).toEqual(['logs logstash->elasticsearch', 'query kibana->elasticsearch', 'logs filebeat->logstash']);
    expect(r.unmapped.find((u) => u.path === 'services.kibana.links[0].alias')?.value).toBe('es');
  });

  it('Prometheus + Grafana: scrape and query links, long port syntax, expose, memory in gb', () => {
    const r = imported('prometheus-grafana.yml');
    expect(r.node('prometheus').kind).toBe('prometheus');
    expect(r.node('grafana').kind).toBe('grafana');
    expect(r.node('node-exporter').kind).toBe('container');
    expect(r.ports('prometheus')).toEqual(['9090:9090/tcp']);
    expect(r.ports('alertmanager')).toEqual(['9093:9093/tcp']);
    expect(r.ports('node-exporter')).toEqual([':9100/tcp']);
    expect(r.node('grafana').ports).toEqual([{ port: 3000, hostPort: 3001, protocol: 'tcp', name: 'web' }]);
    expect(r.node('grafana').resources).toEqual({ memoryMiB: 1024 });
    expect(r.links).toEqual(['scrape prometheus->node-exporter', 'scrape prometheus->cadvisor', 'scrape prometheus->alertmanager', 'query grafana->prometheus']);
    expect(r.unmapped.find((u) => u.path === 'services.prometheus.ports[0]')?.value).toEqual({ mode: 'host' });
  });

  it('Kafka + ZooKeeper: brokers as kafka nodes, numbers in env as strings, string health check', () => {
    const r = imported('kafka-zookeeper.yml');
    expect(r.node('kafka-1')).toMatchObject({ kind: 'kafka', image: 'confluentinc/cp-kafka:7.6.0' });
    expect(r.node('kafka-2').kind).toBe('kafka');
    expect(r.node('zookeeper').kind).toBe('container');
    expect(r.node('kafka-1').env).toMatchObject({ KAFKA_BROKER_ID: '1', KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '2' });
    expect(r.node('zookeeper').healthCheck).toEqual({ command: ['/bin/sh', '-c', 'echo srvr | nc localhost 2181 || exit 1'], intervalS: 10, retries: 20 });
    expect(r.node('orders').replicas).toBe(2);
    expect(r.links).toEqual(['call kafka-1->zookeeper', 'call kafka-2->zookeeper', 'call orders->kafka-1', 'call orders->kafka-2', 'call kafka-ui->kafka-1']);
  });

  it('Traefik: label-routed apps become calls from the proxy; labels, networks and x- fields are kept', () => {
    const r = imported('traefik-apps.yml');
    expect(r.node('traefik')).toMatchObject({ kind: 'load-balancer', product: 'traefik' });
    expect(r.node('whoami').replicas).toBe(3);
    expect(r.links).toEqual(['call traefik->whoami', 'call traefik->blog']);
    expect(r.unmapped.find((u) => u.path === 'services.whoami.labels')?.value).toEqual({ 'traefik.enable': 'true', 'traefik.http.routers.whoami.rule': 'Host(`whoami.localhost`)' });
    expect(r.unmapped.find((u) => u.path === 'services.blog.x-backup')?.value).toBe('nightly');
    expect(r.unmapped.find((u) => u.path === 'networks')?.value).toEqual({ proxy: { external: true, name: 'traefik_proxy' } });
  });

  it('anchors, merge keys and extends: merged fields read, inherited fields applied', () => {
    const r = imported('anchors-extends.yml');
    expect(r.node('users')).toMatchObject({ kind: 'app-service', image: 'node:20-slim', command: ['node', 'users.js'], resources: { cpu: 0.25, memoryMiB: 128 } });
    expect(r.node('users').env).toEqual({ NODE_ENV: 'production', LOG_LEVEL: 'info' });
    expect(r.node('orders').env).toEqual({ NODE_ENV: 'production', LOG_LEVEL: 'debug', USERS_URL: 'http://users:3000' });
    expect(r.node('audit')).toMatchObject({ kind: 'app-service', image: 'node:20-slim', command: ['node', 'audit.js'] });
    expect(r.node('audit').env).toEqual(r.node('orders').env);
    expect(r.ports('audit')).toEqual(['3003:3000/tcp']);
    expect(r.node('db')).toMatchObject({ kind: 'postgres', version: '15' });
    // depends_on is not inherited through extends (Compose's documented rule).
    expect(r.links).toEqual(['call users->db', 'call orders->db', 'call orders->users']);
    const restart = r.findings.find((f) => f.path === 'services.users.restart');
    expect(restart?.line).toBe(14); // the anchor the merge key pulled it from
    expect(r.unmapped.find((u) => u.path === 'services.audit.extends')?.value).toEqual({ service: 'orders' });
  });

  it('build-only services: kinds from names, said so', () => {
    const r = imported('build-only.yml');
    expect(Object.fromEntries(Object.entries(r.doc.nodes).map(([id, n]) => [id, n.kind]))).toEqual({ api: 'container', frontend: 'container', postgres: 'postgres', 'redis-cache': 'redis', 'nginx-proxy': 'load-balancer' });
    for (const n of Object.values(r.doc.nodes)) expect(n.image).toBeUndefined();
    expect(r.findings.filter((f) => f.code === 'compose-kind-from-name').map((f) => f.path)).toEqual(['services.postgres', 'services.redis-cache', 'services.nginx-proxy']);
    expect(r.links).toContain('call nginx-proxy->api');
  });

  it('every port syntax: ranges expanded, host addresses and host ranges reported, variables with defaults resolved', () => {
    const r = imported('ports-variety.yml');
    expect(r.ports('game')).toEqual([
      ':3000/tcp', ':3001/tcp', ':3002/tcp', ':3003/tcp',
      '9000:8000/tcp', '9001:8001/tcp', '9002:8002/tcp',
      '5000:5000/tcp', ':5001/tcp', '6000:6000/tcp', '7000:7000/udp', ':80/tcp', '27015:27015/udp', ':9100/tcp', ':9200/tcp',
      ':4000/tcp', ':4001/udp', ':4002/udp',
    ]);
    expect(r.node('game').ports?.find((p) => p.port === 9200)?.name).toBe('admin');
    expect(r.ports('dns')).toEqual(['53:53/udp', '53:53/tcp']);
    const byPath = new Map(r.unmapped.map((u) => [u.path, u.value]));
    expect(byPath.get('services.game.ports[3].host_ip')).toBe('127.0.0.1');
    expect(byPath.get('services.game.ports[5].host_ip')).toBe('::1');
    expect(byPath.get('services.game.ports[7].published')).toBe('8080-8090');
    expect(byPath.get('services.dns.ports[2]')).toBe('${DNS_METRICS_PORT}:9153');
    const variable = r.findings.find((f) => f.path === 'services.dns.ports[2]');
    expect(variable).toMatchObject({ severity: 'warning', line: 32 });
  });

  it('Thanos: sidecar and querier are thanos nodes querying; durations such as 1m30s', () => {
    const r = imported('thanos-stack.yml');
    expect(r.node('sidecar').kind).toBe('thanos');
    expect(r.node('querier').kind).toBe('thanos');
    expect(r.node('app').healthCheck).toMatchObject({ intervalS: 90, timeoutS: 10, startPeriodS: 40, retries: 3 });
    expect(r.node('prometheus').command).toEqual(['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.min-block-duration=2h', '--storage.tsdb.max-block-duration=2h']);
    expect(r.links).toEqual(['scrape prometheus->app', 'query sidecar->prometheus', 'query sidecar->minio', 'query querier->sidecar', 'query grafana->querier']);
    expect(r.unmapped.map((u) => u.path)).toContain('services.app.healthcheck.start_interval');
  });

  it('edges and caches: envoy, haproxy, caddy, valkey, keydb, redpanda, opensearch; replicas where the kind has them', () => {
    const r = imported('edge-and-caches.yml');
    expect(r.node('edge')).toMatchObject({ kind: 'load-balancer', product: 'envoy' });
    expect(r.node('haproxy')).toMatchObject({ kind: 'load-balancer', product: 'haproxy' });
    expect(r.node('caddy').kind).toBe('load-balancer');
    expect(r.node('caddy').product).toBeUndefined();
    expect(r.findings.some((f) => f.code === 'compose-product-unknown' && f.path === 'services.caddy.image')).toBe(true);
    expect(r.node('web')).toMatchObject({ kind: 'load-balancer', product: 'nginx', replicas: 2 });
    expect(r.node('valkey').kind).toBe('redis');
    expect(r.node('keydb').kind).toBe('redis');
    expect(r.node('stream').kind).toBe('kafka');
    expect(r.node('search')).toMatchObject({ kind: 'elasticsearch', nodes: 3 });
    expect(r.node('dashboards').kind).toBe('kibana');
    expect(r.links).toContain('query dashboards->search');
  });

  it('legacy version 2: links with aliases, scale, cpus, mem_limit in bytes, disabled health checks', () => {
    const r = imported('legacy-v2.yml');
    expect(r.node('web')).toMatchObject({ kind: 'container', replicas: 2, resources: { cpu: 0.5, memoryMiB: 256 } });
    expect(r.ports('web')).toEqual([':8000/tcp']);
    expect(r.node('db')).toMatchObject({ kind: 'postgres', version: '14', resources: { memoryMiB: 1024 } });
    expect(r.node('redis').healthCheck).toBeUndefined();
    expect(r.links).toEqual(['call web->redis', 'call web->db']);
    expect(r.unmapped.find((u) => u.path === 'services.web.links[1].alias')?.value).toBe('database');
    expect(r.unmapped.find((u) => u.path === 'services.redis.healthcheck')?.value).toEqual({ disable: true });
  });
});

describe('files that are not valid compose', () => {
  const expected: Record<string, { code: string; path: string; line: number; column: number }> = {
    'no-services.yml': { code: 'compose-no-services', path: '', line: 1, column: 1 },
    'services-list.yml': { code: 'compose-services-not-map', path: 'services', line: 1, column: 1 },
    'service-scalar.yml': { code: 'compose-service-not-map', path: 'services.web', line: 2, column: 3 },
    'bad-port.yml': { code: 'compose-invalid', path: 'services.web.ports[1]', line: 6, column: 9 },
    'missing-dependency.yml': { code: 'compose-missing-service', path: 'services.web.depends_on[0]', line: 4, column: 18 },
    'cycle.yml': { code: 'compose-dependency-cycle', path: 'services.a', line: 2, column: 3 },
    'not-yaml.yml': { code: 'compose-yaml', path: '', line: 5, column: 1 },
    'duplicate-service.yml': { code: 'compose-yaml', path: '', line: 4, column: 3 },
    'wrong-types.yml': { code: 'compose-invalid', path: 'services.web.image', line: 3, column: 5 },
  };

  it('has an expectation for each invalid fixture', () => {
    expect(Object.keys(expected).sort()).toEqual(INVALID_FIXTURES.filter((f) => f !== 'alias-bomb.yml'));
  });

  it.each(Object.entries(expected))('%s: no document, an error at the place', (file, want) => {
    const result = importCompose(readFixture(file, INVALID_DIR), file);
    expect(result.document).toBeUndefined();
    expect(result.findings).toContainEqual(expect.objectContaining({ severity: 'error', ...want }));
  });

  it('names every wrong type in one pass', () => {
    const result = importCompose(readFixture('wrong-types.yml', INVALID_DIR), 'wrong-types.yml');
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.path)).toEqual([
      'services.web.image',
      'services.web.environment',
      'services.web.healthcheck.test',
      'services.web.healthcheck.interval',
    ]);
  });

  it('refuses an alias bomb quickly', () => {
    const started = performance.now();
    const result = importCompose(readFixture('alias-bomb.yml', INVALID_DIR), 'alias-bomb.yml');
    expect(result.document).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ severity: 'error', code: 'compose-aliases' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a file over 5 MB without parsing it', () => {
    const big = `services:\n  web:\n    image: nginx\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const result = importCompose(big, 'big.yml');
    expect(result.document).toBeUndefined();
    expect(result.findings).toEqual([expect.objectContaining({ severity: 'error', code: 'compose-too-large' })]);
  });

  it('refuses more services than a document holds, naming the limit', () => {
    const text = `services:\n${Array.from({ length: 10_001 }, (_, i) => `  s${i}: { image: busybox }\n`).join('')}`;
    const result = importCompose(text, 'many.yml');
    expect(result.document).toBeUndefined();
    expect(result.findings).toContainEqual(expect.objectContaining({ severity: 'error', code: 'compose-too-many-services', path: 'services', line: 1 }));
  });

  it('imports a file of 5000 services in a few seconds', () => {
    const text = `services:\n${Array.from({ length: 5000 }, (_, i) => `  s${i}:\n    image: nginx\n    ports: ["${10_000 + i}:80"]\n    restart: always\n${i > 0 ? `    depends_on: [s${i - 1}]\n` : ''}`).join('')}`;
    const started = performance.now();
    const result = importCompose(text, 'many.yml');
    const ms = performance.now() - started;
    expect(Object.keys(result.document!.nodes)).toHaveLength(5000);
    expect(result.document!.links).toHaveLength(4999);
    expect(result.unmapped).toHaveLength(5000);
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a mapping used as a key, at its place', () => {
    const result = importCompose('services:\n  ? [a, b]\n  : { image: nginx }\n', 'x.yml');
    expect(result.document).toBeUndefined();
    expect(result.findings).toContainEqual(expect.objectContaining({ severity: 'error', code: 'compose-invalid', line: 2, column: 5 }));
  });

  it('answers a non-string, an empty file, a scalar and a list with an error, not an exception', () => {
    for (const input of [undefined, null, 42, '', 'just text', '- a\n- b\n', '~']) {
      const result = importCompose(input as unknown as string, 'x.yml');
      expect(result.document).toBeUndefined();
      expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
    }
  });
});

describe('details', () => {
  const one = (yaml: string) => importCompose(yaml, 'docker-compose.yml');

  it('renames services to valid ids, keeps the original as the label and says so', () => {
    const r = one('services:\n  My_Web:\n    image: nginx\n  my-web:\n    image: httpd\n    depends_on: [My_Web]\n');
    expect(Object.keys(r.document!.nodes).sort()).toEqual(['my-web', 'my-web-2']);
    expect(r.document!.nodes['my-web-2']).toMatchObject({ label: 'My_Web', image: 'nginx' });
    expect(r.document!.links).toEqual([{ type: 'call', from: 'my-web', to: 'my-web-2' }]);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'compose-id-renamed', path: 'services.My_Web', line: 2 }));
  });

  it('names the document after the folder when the file is docker-compose.yml', () => {
    expect(importCompose('services: {}\n', '/home/me/shop/docker-compose.yml').document?.metadata.name).toBe('shop');
    expect(importCompose('services: {}\n', 'C:\\work\\blog\\compose.yaml').document?.metadata.name).toBe('blog');
    expect(importCompose('services: {}\n', 'stack.yml').document?.metadata.name).toBe('stack');
    expect(importCompose('name: demo\nservices: {}\n', 'stack.yml').document?.metadata.name).toBe('demo');
  });

  it('keeps unknown service and top-level fields as warnings, x- fields as info', () => {
    const r = one('services:\n  web:\n    image: nginx\n    imagee: typo\n    x-note: hi\nfoo: 1\nx-top: 2\n');
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'services.web.imagee', line: 4 }));
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'info', path: 'services.web.x-note' }));
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'foo' }));
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'info', path: 'x-top' }));
    expect(r.unmapped.map((u) => u.value)).toEqual(expect.arrayContaining(['typo', 'hi', 1, 2]));
  });

  it('treats empty fields as absent and an optional missing dependency as a warning', () => {
    const r = one('services:\n  web:\n    image: nginx\n    ports:\n    environment:\n    depends_on:\n      metrics: { condition: service_started, required: false }\n');
    expect(r.document).toBeDefined();
    expect(r.document!.links).toEqual([]);
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'compose-missing-service', path: 'services.web.depends_on.metrics', line: 7 }));
  });

  it('reports replica counts a kind cannot hold instead of dropping them', () => {
    const r = one('services:\n  prom:\n    image: prom/prometheus\n    deploy: { replicas: 2 }\n  lb:\n    image: nginx\n    deploy: { replicas: 0 }\n');
    expect(r.document!.nodes.prom).not.toHaveProperty('replicas');
    expect(r.unmapped.map((u) => u.path)).toEqual(['services.prom.deploy.replicas', 'services.lb.deploy.replicas']);
  });

  it('keeps one entry per container port; a second host port for it is reported', () => {
    const r = one('services:\n  web:\n    image: nginx\n    ports: ["80:80", "8080:80", "80:80"]\n    expose: [80]\n');
    expect(r.document!.nodes.web!.ports).toEqual([{ port: 80, hostPort: 80, protocol: 'tcp' }]);
    expect(r.unmapped.map((u) => u.path)).toEqual(['services.web.ports[1]']);
  });

  it('reports a port range longer than the document holds', () => {
    const r = one('services:\n  rtp:\n    image: asterisk\n    ports: ["10000-20000:10000-20000/udp"]\n');
    expect(r.document!.nodes.rtp!.ports ?? []).toEqual([]);
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'services.rtp.ports[0]' }));
  });

  it('treats __proto__ and constructor as plain names', () => {
    const r = one('services:\n  __proto__:\n    image: nginx\n    environment: { __proto__: x, constructor: y }\n  constructor:\n    image: redis\n');
    expect(r.document).toBeDefined();
    expect(Object.keys(r.document!.nodes).sort()).toEqual(['constructor', 'proto']);
    expect(Object.getPrototypeOf(r.document!.nodes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).image).toBeUndefined();
  });

  it('maps health check timing outside the schema to a warning and the default', () => {
    const r = one('services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 2h\n      retries: 0\n');
    expect(r.document!.nodes.web!.healthCheck).toEqual({ command: ['true'] });
    expect(r.unmapped.map((u) => u.path)).toEqual(['services.web.healthcheck.interval', 'services.web.healthcheck.retries']);
  });
});
