import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../../src-preload/contract/topology/index.js';
import { kindFromImage, kindFromName } from '../../../src-main/files/compose-kinds.js';
import { assignIds, toNodeId } from '../../../src-main/files/import-compose-ids.js';
import { parseDurationS, parseMemoryMiB, parseNumber, shellWords, withDefaults } from '../../../src-main/files/import-compose-values.js';

describe('compose value formats', () => {
  it('reads Go durations as seconds', () => {
    expect(parseDurationS('1m30s')).toBe(90);
    expect(parseDurationS('10s')).toBe(10);
    expect(parseDurationS('500ms')).toBe(0.5);
    expect(parseDurationS('1h')).toBe(3600);
    expect(parseDurationS('1.5m')).toBe(90);
    expect(parseDurationS('0')).toBe(0);
    expect(parseDurationS('soon')).toBeUndefined();
    expect(parseDurationS('10')).toBeUndefined();
    expect(parseDurationS('')).toBeUndefined();
  });

  it('reads Docker byte sizes as whole MiB, rounding up', () => {
    expect(parseMemoryMiB('512M')).toBe(512);
    expect(parseMemoryMiB('512m')).toBe(512);
    expect(parseMemoryMiB('1g')).toBe(1024);
    expect(parseMemoryMiB('1gb')).toBe(1024);
    expect(parseMemoryMiB('1.5G')).toBe(1536);
    expect(parseMemoryMiB('300k')).toBe(1);
    expect(parseMemoryMiB(1073741824)).toBe(1024);
    expect(parseMemoryMiB('lots')).toBeUndefined();
    expect(parseMemoryMiB('-1g')).toBeUndefined();
    expect(parseMemoryMiB(0)).toBeUndefined();
  });

  it('reads numbers given as numbers or numeric strings, with interpolation defaults', () => {
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber(2)).toBe(2);
    expect(parseNumber('${REPLICAS:-3}')).toBe(3);
    expect(parseNumber('${REPLICAS}')).toBeUndefined();
    expect(parseNumber('two')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
  });

  it('takes interpolation defaults and leaves variables without one unresolved', () => {
    expect(withDefaults('${PORT:-8080}:80')).toBe('8080:80');
    expect(withDefaults('${PORT-8080}:80')).toBe('8080:80');
    expect(withDefaults('$$HOME')).toBe('$HOME');
    expect(withDefaults('${PORT}:80')).toBeUndefined();
    expect(withDefaults('$PORT:80')).toBeUndefined();
    expect(withDefaults('${PORT:?required}:80')).toBeUndefined();
    expect(withDefaults('8080:80')).toBe('8080:80');
  });

  it('splits command strings the way a POSIX shell quotes them', () => {
    expect(shellWords('npm run worker -- --queue "emails and receipts"')).toEqual(['npm', 'run', 'worker', '--', '--queue', 'emails and receipts']);
    expect(shellWords(`sh -c 'echo "hi there"'`)).toEqual(['sh', '-c', 'echo "hi there"']);
    expect(shellWords('a\\ b ""')).toEqual(['a b', '']);
    expect(shellWords('  ')).toEqual([]);
    expect(shellWords('echo "unclosed')).toBeUndefined();
  });
});

describe('service names as node ids', () => {
  it('turns any name into a valid id', () => {
    expect(toNodeId('web')).toBe('web');
    expect(toNodeId('My_App.v2')).toBe('my-app-v2');
    expect(toNodeId('1st')).toBe('s-1st');
    expect(toNodeId('__')).toBe('s');
    expect(toNodeId('x'.repeat(100))).toHaveLength(63);
    for (const name of ['-a-', 'A', '9', '___proto__', 'é', 'a'.repeat(62) + '_b']) expect(toNodeId(name)).toMatch(ID_PATTERN);
  });

  it('resolves collisions and lets valid names keep their own id', () => {
    const ids = assignIds(['Web', 'web', 'WEB', 'web-2']);
    expect(ids.get('web')).toBe('web');
    expect(ids.get('web-2')).toBe('web-2');
    expect(new Set(ids.values()).size).toBe(4);
    for (const id of ids.values()) expect(id).toMatch(ID_PATTERN);
  });
});

describe('node kinds from images', () => {
  const cases: [string, string, string?][] = [
    ['postgres:14', 'postgres'],
    ['postgis/postgis:15-3.4', 'postgres'],
    ['timescale/timescaledb:latest-pg15', 'postgres'],
    ['bitnami/postgresql:14', 'postgres'],
    ['redis:7.2-alpine', 'redis'],
    ['valkey/valkey:7.2', 'redis'],
    ['eqalpha/keydb', 'redis'],
    ['bitnami/kafka:3.6', 'kafka'],
    ['confluentinc/cp-kafka:7.6.0', 'kafka'],
    ['docker.redpanda.com/redpandadata/redpanda:v23.3.5', 'kafka'],
    ['nginx', 'load-balancer', 'nginx'],
    ['docker.io/library/nginx:1.25-alpine', 'load-balancer', 'nginx'],
    ['haproxy:2.9', 'load-balancer', 'haproxy'],
    ['traefik:v3.0', 'load-balancer', 'traefik'],
    ['envoyproxy/envoy:v1.29-latest', 'load-balancer', 'envoy'],
    ['caddy:2', 'load-balancer', 'caddy'],
    ['prom/prometheus', 'prometheus'],
    ['grafana/grafana-oss:10.4.0', 'grafana'],
    ['quay.io/thanos/thanos:v0.34.1', 'thanos'],
    ['docker.elastic.co/elasticsearch/elasticsearch:8.12.2', 'elasticsearch'],
    ['opensearchproject/opensearch:2', 'elasticsearch'],
    ['docker.elastic.co/logstash/logstash:8.12.2', 'logstash'],
    ['docker.elastic.co/kibana/kibana:8.12.2', 'kibana'],
    ['node:20-alpine', 'app-service'],
    ['mysql:8.0', 'container'],
    ['prom/node-exporter', 'container'],
    ['prometheuscommunity/postgres-exporter', 'container'],
    ['grafana/loki:2.9', 'container'],
    ['localhost:5000/redis-tools:1', 'container'],
    ['ghcr.io/example/app@sha256:abc', 'container'],
  ];
  it.each(cases)('%s → %s', (image, kind, product) => {
    const inferred = kindFromImage(image);
    expect(inferred.kind).toBe(kind);
    if (product) expect(inferred.product).toBe(product);
  });

  it('reads the server version from the tag', () => {
    expect(kindFromImage('postgres:14-alpine').version).toBe('14');
    expect(kindFromImage('timescale/timescaledb:latest-pg15').version).toBe('15');
    expect(kindFromImage('redis:7.2.4').version).toBe('7.2.4');
    expect(kindFromImage('redis:latest').version).toBeUndefined();
  });

  it('guesses from whole words of a service name when there is no image', () => {
    expect(kindFromName('postgres').kind).toBe('postgres');
    expect(kindFromName('redis-cache').kind).toBe('redis');
    expect(kindFromName('nginx_proxy').kind).toBe('load-balancer');
    expect(kindFromName('postgresql-backup-tool').kind).toBe('postgres');
    expect(kindFromName('rediscover').kind).toBe('container');
    expect(kindFromName('node').kind).toBe('container');
    expect(kindFromName('__proto__').kind).toBe('container');
  });
});
