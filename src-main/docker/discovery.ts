// Where to look for the engine, in the order the docker CLI (and Podman users) expect.
// Something a person named wins alone: the app setting, else DOCKER_HOST, else a docker
// context other than "default". Only then are the usual socket files tried, those that exist.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError } from '../../src-preload/contract/index.js';
import { parseEndpoint, type Endpoint, type EndpointSource } from './endpoint.js';

export interface DiscoveryInput {
  /** The app setting dockerHost (null: find it). */
  setting: string | null;
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
  /** Whether a socket file is there (injectable for tests). */
  exists?: (path: string) => boolean;
}

export interface Discovery {
  candidates: Endpoint[];
  /** Addresses that could not even be read (a bad setting, an unreadable context). */
  problems: { url: string; source: EndpointSource; error: string }[];
}

export function discoverEndpoints(input: DiscoveryInput): Discovery {
  const { env } = input;
  // As the CLI: with DOCKER_TLS_VERIFY the certificates default to ~/.docker.
  const certPath = env['DOCKER_CERT_PATH'] || (env['DOCKER_TLS_VERIFY'] ? input.env['DOCKER_CONFIG'] || join(input.home, '.docker') : undefined);
  const tlsEnv = { DOCKER_TLS_VERIFY: env['DOCKER_TLS_VERIFY'], DOCKER_CERT_PATH: certPath };
  const problems: Discovery['problems'] = [];
  const named = (text: string, source: EndpointSource, where: string): Discovery => {
    try {
      return { candidates: [parseEndpoint(text, source, tlsEnv, where)], problems };
    } catch (err) {
      problems.push({ url: text, source, error: err instanceof ContractError ? err.message : String(err) });
      return { candidates: [], problems };
    }
  };
  if (input.setting !== null && input.setting.trim() !== '') return named(input.setting, 'setting', 'settings.dockerHost');
  const dockerHost = env['DOCKER_HOST'];
  if (dockerHost !== undefined && dockerHost !== '') return named(dockerHost, 'DOCKER_HOST', 'DOCKER_HOST');
  const context = readContextHost(input);
  if (context.host !== null) return named(context.host, 'docker-context', `docker context ${context.name}`);
  if (context.error !== null) problems.push({ url: `context ${context.name}`, source: 'docker-context', error: context.error });
  return { candidates: defaultSockets(input), problems };
}

/** The usual places, those present on disk; the first default when none is. */
function defaultSockets(input: DiscoveryInput): Endpoint[] {
  const exists = input.exists ?? existsSync;
  if (input.platform === 'win32') {
    return [parseEndpoint('//./pipe/docker_engine', 'windows-pipe'), parseEndpoint('//./pipe/podman-machine-default', 'podman')];
  }
  const home = input.home;
  const runtime = input.env['XDG_RUNTIME_DIR'];
  const places: [string, EndpointSource][] = [
    ['/var/run/docker.sock', 'default-socket'],
    [join(home, '.docker/run/docker.sock'), 'docker-desktop'],
    [join(home, '.docker/desktop/docker.sock'), 'docker-desktop'],
    ...(runtime ? ([[join(runtime, 'docker.sock'), 'default-socket']] as [string, EndpointSource][]) : []),
    ...(runtime ? ([[join(runtime, 'podman/podman.sock'), 'podman']] as [string, EndpointSource][]) : []),
    ['/run/podman/podman.sock', 'podman'],
    [join(home, '.local/share/containers/podman/machine/podman.sock'), 'podman'],
    [join(home, '.local/share/containers/podman/machine/qemu/podman.sock'), 'podman'],
    [join(home, '.colima/default/docker.sock'), 'default-socket'],
  ];
  const present = places.filter(([path]) => exists(path));
  const chosen = present.length > 0 ? present : places.slice(0, 1);
  return chosen.map(([path, source]) => parseEndpoint(path, source));
}

interface ContextHost {
  name: string;
  host: string | null;
  error: string | null;
}

/** DOCKER_CONTEXT or config.json's currentContext → contexts/meta/<sha256(name)>/meta.json. */
export function readContextHost(input: DiscoveryInput): ContextHost {
  const configDir = input.env['DOCKER_CONFIG'] || join(input.home, '.docker');
  let name = input.env['DOCKER_CONTEXT'] ?? '';
  if (name === '') {
    try {
      const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as { currentContext?: unknown };
      name = typeof config.currentContext === 'string' ? config.currentContext : '';
    } catch {
      name = ''; // no config or unreadable: the CLI uses the default context too
    }
  }
  if (name === '' || name === 'default') return { name: 'default', host: null, error: null };
  const id = createHash('sha256').update(name).digest('hex');
  const metaFile = join(configDir, 'contexts', 'meta', id, 'meta.json');
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { Endpoints?: { docker?: { Host?: unknown } } };
    const host = meta.Endpoints?.docker?.Host;
    if (typeof host === 'string' && host !== '') return { name, host, error: null };
    return { name, host: null, error: `docker context "${name}" has no docker endpoint in ${metaFile}` };
  } catch (err) {
    return { name, host: null, error: `docker context "${name}": cannot read ${metaFile} (${(err as Error).message})` };
  }
}
