import type { NodeKind } from '../../src-preload/contract/topology/index.js';

export type LoadBalancerProduct = 'nginx' | 'haproxy' | 'traefik' | 'envoy' | 'caddy';

export interface Inferred {
  kind: NodeKind;
  /** The product behind a load balancer. */
  product?: LoadBalancerProduct;
  /** The server's version read from the image tag, e.g. "14" from postgres:14-alpine. */
  version?: string;
}

/** Image names (the last path segment) that tell the node kind. Anything else is a container. */
const NAMES: Record<string, Inferred> = {};
const add = (names: string[], inferred: Inferred): void => {
  for (const name of names) NAMES[name] = inferred;
};
add(['postgres', 'postgresql', 'postgis', 'timescaledb', 'timescaledb-ha', 'timescaledb-postgis'], { kind: 'postgres' });
add(['redis', 'redis-stack', 'redis-stack-server', 'valkey', 'keydb'], { kind: 'redis' });
add(['kafka', 'cp-kafka', 'cp-server', 'redpanda'], { kind: 'kafka' });
add(['nginx', 'nginx-unprivileged', 'openresty'], { kind: 'load-balancer', product: 'nginx' });
add(['haproxy'], { kind: 'load-balancer', product: 'haproxy' });
add(['traefik'], { kind: 'load-balancer', product: 'traefik' });
add(['envoy'], { kind: 'load-balancer', product: 'envoy' });
add(['caddy'], { kind: 'load-balancer', product: 'caddy' });
add(['prometheus'], { kind: 'prometheus' });
add(['grafana', 'grafana-oss', 'grafana-enterprise'], { kind: 'grafana' });
add(['thanos'], { kind: 'thanos' });
add(['elasticsearch', 'opensearch'], { kind: 'elasticsearch' });
add(['logstash', 'logstash-oss'], { kind: 'logstash' });
add(['kibana', 'opensearch-dashboards'], { kind: 'kibana' });
add(['node'], { kind: 'app-service' });

/** Shippers whose dependencies receive logs rather than calls. */
export const LOG_SHIPPERS = new Set(['filebeat', 'fluentd', 'fluent-bit', 'vector', 'logspout', 'promtail']);

/** Splits an image reference into its repository's last segment and its tag. */
export function imageParts(image: string): { name: string; tag: string | undefined } {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const last = noDigest.slice(slash + 1);
  const colon = last.indexOf(':');
  return { name: (colon >= 0 ? last.slice(0, colon) : last).toLowerCase(), tag: colon >= 0 ? last.slice(colon + 1) : undefined };
}

/** A version from a tag: "14-alpine" → "14", "7.2.4" → "7.2.4", "latest-pg15" → "15". */
function versionFrom(kind: NodeKind, tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const pg = kind === 'postgres' ? /(?:^|-)pg(\d+(?:\.\d+)*)/.exec(tag) : null;
  const plain = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  const version = pg?.[1] ?? plain?.[1];
  return version && version.length <= 20 ? version : undefined;
}

/** The node kind an image stands for. */
export function kindFromImage(image: string): Inferred {
  const { name, tag } = imageParts(image);
  const found = Object.hasOwn(NAMES, name) ? NAMES[name] : undefined;
  if (!found) return { kind: 'container' };
  const version = found.kind === 'postgres' || found.kind === 'redis' ? versionFrom(found.kind, tag) : undefined;
  return version ? { ...found, version } : { ...found };
}

/**
 * A service built from source has no image; its name may still say what it is ("postgres",
 * "redis-cache", "nginx-proxy"). Only whole words of the name count.
 */
export function kindFromName(serviceName: string): Inferred {
  const words = serviceName.toLowerCase().split(/[^a-z0-9]+/);
  for (const word of words) {
    if (word !== 'node' && Object.hasOwn(NAMES, word)) return { ...NAMES[word]! };
  }
  return { kind: 'container' };
}
