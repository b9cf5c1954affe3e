// Where the app looks for the engine, with env, setting and socket files in a temp HOME:
// no engine needed.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverEndpoints, type DiscoveryInput } from '../../../src-main/docker/discovery.js';
import { parseEndpoint } from '../../../src-main/docker/endpoint.js';

function home(): string {
  return mkdtempSync(join(tmpdir(), 'devsim-discovery-'));
}

function discover(input: Partial<DiscoveryInput> & { files?: string[] }): ReturnType<typeof discoverEndpoints> {
  const files = new Set(input.files ?? []);
  return discoverEndpoints({ setting: null, env: {}, home: '/home/u', platform: 'linux', exists: (p) => files.has(p), ...input });
}

const urls = (d: ReturnType<typeof discoverEndpoints>): string[] => d.candidates.map((c) => `${c.source} ${c.url}`);

function writeContext(dir: string, name: string, host: string): void {
  const meta = join(dir, '.docker', 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
  mkdirSync(meta, { recursive: true });
  writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  writeFileSync(join(dir, '.docker', 'config.json'), JSON.stringify({ currentContext: name }));
}

describe('engine discovery', () => {
  it('uses the app setting alone when it is set, before DOCKER_HOST', () => {
    const d = discover({ setting: '/srv/my.sock', env: { DOCKER_HOST: 'unix:///other.sock' }, files: ['/var/run/docker.sock'] });
    expect(urls(d)).toEqual(['setting unix:///srv/my.sock']);
  });

  it('uses DOCKER_HOST alone when set (unix, tcp, npipe), as the docker CLI does', () => {
    expect(urls(discover({ env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, files: ['/var/run/docker.sock'] }))).toEqual([
      'DOCKER_HOST unix:///run/user/1000/docker.sock',
    ]);
    const tcp = discover({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' } }).candidates[0]!;
    expect([tcp.url, tcp.tls, tcp.options]).toEqual(['tcp://10.0.0.5:2375', false, { host: '10.0.0.5', port: '2375', protocol: 'http' }]);
    expect(urls(discover({ env: { DOCKER_HOST: 'npipe:////./pipe/docker_engine' } }))).toEqual(['DOCKER_HOST npipe:////./pipe/docker_engine']);
  });

  it('turns TLS on with DOCKER_TLS_VERIFY and reads the certificates from DOCKER_CERT_PATH', () => {
    const certs = home();
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, f), `${f}\n`);
    const e = discover({ env: { DOCKER_HOST: 'tcp://docker.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs } }).candidates[0]!;
    expect(e.tls).toBe(true);
    expect(e.options.protocol).toBe('https');
    expect(String(e.options.ca)).toBe('ca.pem\n');
    const missing = discover({ env: { DOCKER_HOST: 'tcp://docker.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' } });
    expect(missing.candidates).toEqual([]);
    expect(missing.problems[0]!.error).toMatch(/DOCKER_CERT_PATH: cannot read ca\.pem/);
    // Without DOCKER_CERT_PATH the CLI looks in ~/.docker.
    const dir = home();
    mkdirSync(join(dir, '.docker'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(dir, '.docker', f), `home ${f}\n`);
    const fromHome = discover({ home: dir, env: { DOCKER_HOST: 'tcp://docker.example:2376', DOCKER_TLS_VERIFY: '1' } }).candidates[0]!;
    expect(String(fromHome.options.cert)).toBe('home cert.pem\n');
  });

  it('follows the current docker context (config.json currentContext → contexts/meta)', () => {
    const dir = home();
    writeContext(dir, 'colima', 'unix:///home/u/.colima/default/docker.sock');
    expect(urls(discover({ home: dir, files: ['/var/run/docker.sock'] }))).toEqual(['docker-context unix:///home/u/.colima/default/docker.sock']);
    // DOCKER_CONTEXT wins over config.json, and "default" means the usual sockets.
    expect(urls(discover({ home: dir, env: { DOCKER_CONTEXT: 'default' }, files: ['/var/run/docker.sock'] }))).toEqual(['default-socket unix:///var/run/docker.sock']);
  });

  it('tries the default, Docker Desktop and Podman sockets that exist, in that order', () => {
    const files = ['/home/u/.docker/desktop/docker.sock', '/run/user/1000/podman/podman.sock', '/var/run/docker.sock', '/run/podman/podman.sock'];
    expect(urls(discover({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, files }))).toEqual([
      'default-socket unix:///var/run/docker.sock',
      'docker-desktop unix:///home/u/.docker/desktop/docker.sock',
      'podman unix:///run/user/1000/podman/podman.sock',
      'podman unix:///run/podman/podman.sock',
    ]);
    expect(urls(discover({ files: ['/home/u/.docker/run/docker.sock'] }))).toEqual(['docker-desktop unix:///home/u/.docker/run/docker.sock']);
    expect(urls(discover({ platform: 'darwin', files: ['/home/u/.local/share/containers/podman/machine/podman.sock'] }))).toEqual([
      'podman unix:///home/u/.local/share/containers/podman/machine/podman.sock',
    ]);
  });

  it('falls back to /var/run/docker.sock when no socket exists, and to the named pipe on Windows', () => {
    expect(urls(discover({}))).toEqual(['default-socket unix:///var/run/docker.sock']);
    expect(urls(discover({ platform: 'win32' }))).toEqual(['windows-pipe npipe:////./pipe/docker_engine', 'podman npipe:////./pipe/podman-machine-default']);
  });

  it('reports a setting that is not an address as a problem naming the setting', () => {
    const d = discover({ setting: 'docker.sock' });
    expect(d.candidates).toEqual([]);
    expect(d.problems[0]!.error).toMatch(/^settings\.dockerHost: "docker\.sock" is not a Docker address/);
  });

  it('reads every way people write an address', () => {
    expect(parseEndpoint('//./pipe/docker_engine', 'setting').url).toBe('npipe:////./pipe/docker_engine');
    expect(parseEndpoint('\\\\.\\pipe\\docker_engine', 'setting').url).toBe('npipe:////./pipe/docker_engine');
    expect(parseEndpoint('/var/run/docker.sock', 'setting').options).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(parseEndpoint('tcp://127.0.0.1', 'setting').url).toBe('tcp://127.0.0.1:2375');
    expect(() => parseEndpoint('unix://relative.sock', 'setting', {}, 'settings.dockerHost')).toThrow(/settings\.dockerHost: a unix socket needs an absolute path/);
    expect(() => parseEndpoint('ssh://me@box', 'DOCKER_HOST', {}, 'DOCKER_HOST')).toThrow(/DOCKER_HOST: ssh:\/\/ engines are not supported; forward the remote socket/);
  });
});
