// An engine address as people write it (DOCKER_HOST, the setting, a context) and the
// dockerode options that reach it. Never sets `version`: the engine's default API is used,
// so Docker 20.10 (1.41) through 29 (1.44+ only) and Podman all answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { ContractError, type DockerEndpointDto } from '../../src-preload/contract/index.js';

export type EndpointSource = DockerEndpointDto['source'];

export interface Endpoint extends DockerEndpointDto {
  options: Dockerode.DockerOptions;
}

export interface TlsEnv {
  DOCKER_TLS_VERIFY?: string | undefined;
  DOCKER_CERT_PATH?: string | undefined;
}

const WINDOWS_PIPE = /^(\/\/|\\\\)\.[/\\]pipe[/\\][^/\\]+$/;

/**
 * Reads an address: `unix:///path`, a bare absolute socket path, `tcp://host:port`,
 * `npipe:////./pipe/name` or `//./pipe/name`. Throws BAD_REQUEST naming `where`.
 */
export function parseEndpoint(text: string, source: EndpointSource, tlsEnv: TlsEnv = {}, where = 'endpoint'): Endpoint {
  const value = text.trim();
  if (value === '') throw new ContractError('BAD_REQUEST', `${where}: empty Docker address`, where);
  if (WINDOWS_PIPE.test(value)) return pipe(value, source);
  if (value.startsWith('npipe://')) {
    const path = value.slice('npipe://'.length) || '//./pipe/docker_engine';
    return pipe(path, source);
  }
  if (value.startsWith('unix://')) return unix(value.slice('unix://'.length), source, where);
  if (value.startsWith('/')) return unix(value, source, where);
  if (value.startsWith('tcp://') || value.startsWith('http://') || value.startsWith('https://')) return tcp(value, source, tlsEnv, where);
  if (value.startsWith('ssh://')) {
    throw new ContractError('BAD_REQUEST', `${where}: ssh:// engines are not supported; forward the remote socket (ssh -L /tmp/docker.sock:/var/run/docker.sock host) and use unix:///tmp/docker.sock`, where);
  }
  throw new ContractError(
    'BAD_REQUEST',
    `${where}: "${value}" is not a Docker address; use unix:///var/run/docker.sock, tcp://127.0.0.1:2375 or npipe:////./pipe/docker_engine`,
    where,
  );
}

function unix(path: string, source: EndpointSource, where: string): Endpoint {
  if (!path.startsWith('/')) throw new ContractError('BAD_REQUEST', `${where}: a unix socket needs an absolute path, got "${path}"`, where);
  return { url: `unix://${path}`, kind: 'unix', source, tls: false, options: { socketPath: path } };
}

function pipe(path: string, source: EndpointSource): Endpoint {
  const normal = path.replace(/\\/g, '/');
  return { url: `npipe://${normal}`, kind: 'npipe', source, tls: false, options: { socketPath: normal } };
}

function tcp(text: string, source: EndpointSource, tlsEnv: TlsEnv, where: string): Endpoint {
  let url: URL;
  try {
    url = new URL(text.replace(/^tcp:/, 'http:'));
  } catch {
    throw new ContractError('BAD_REQUEST', `${where}: "${text}" is not a valid tcp://host:port address`, where);
  }
  const port = url.port || (tlsEnv.DOCKER_TLS_VERIFY === '1' ? '2376' : '2375');
  // The docker CLI's rule: TLS when DOCKER_TLS_VERIFY is set, or on port 2376.
  const tls = text.startsWith('https://') || (tlsEnv.DOCKER_TLS_VERIFY ?? '') !== '' || port === '2376';
  const options: Dockerode.DockerOptions = { host: url.hostname, port, protocol: tls ? 'https' : 'http' };
  if (tls && tlsEnv.DOCKER_CERT_PATH) {
    const dir = tlsEnv.DOCKER_CERT_PATH;
    try {
      options.ca = readFileSync(join(dir, 'ca.pem'));
      options.cert = readFileSync(join(dir, 'cert.pem'));
      options.key = readFileSync(join(dir, 'key.pem'));
    } catch (err) {
      throw new ContractError('BAD_REQUEST', `DOCKER_CERT_PATH: cannot read ca.pem, cert.pem and key.pem in ${dir} (${(err as Error).message})`, 'DOCKER_CERT_PATH');
    }
  }
  return { url: `tcp://${url.hostname}:${port}`, kind: 'tcp', source, tls, options };
}

export function endpointDto(e: Endpoint): DockerEndpointDto {
  return { url: e.url, kind: e.kind, source: e.source, tls: e.tls };
}
