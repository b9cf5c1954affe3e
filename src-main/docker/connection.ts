// One live connection to the engine: finds it, says what it is, and when it goes away
// reports `unavailable` with what to do and tries again with backoff. Never throws at its
// owner except through ensure(), which gives DOCKER_UNAVAILABLE.
import { homedir } from 'node:os';
import Dockerode from 'dockerode';
import { ContractError, type DockerStatus } from '../../src-preload/contract/index.js';
import { discoverEndpoints } from './discovery.js';
import { engineMessage } from './docker-errors.js';
import { describeEngine } from './engine-info.js';
import { endpointDto, parseEndpoint, type Endpoint } from './endpoint.js';

export interface ConnectionOptions {
  /** The app setting, read at each attempt. */
  setting: () => string | null;
  env?: Record<string, string | undefined>;
  home?: string;
  platform?: NodeJS.Platform;
  /** Every status change. */
  onStatus?: (status: DockerStatus) => void;
  /** A fresh client after each successful (re)connection. */
  onConnected?: (docker: Dockerode) => void;
  backoff?: { initialMs: number; maxMs: number };
  /** How long one address may take to answer /version. */
  probeTimeoutMs?: number;
}

const IDLE: DockerStatus = { state: 'idle', endpoint: null, engine: null, message: 'Not connected yet.', tried: [], retryInMs: null };

export class DockerConnection {
  private current: DockerStatus = IDLE;
  private docker: Dockerode | null = null;
  /** An address given to connect(), used instead of discovery until connect() without one. */
  private override: string | null = null;
  private attempt: Promise<DockerStatus> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: ConnectionOptions) {}

  status(): DockerStatus {
    return this.current;
  }

  /** The connected client; connects first if need be. DOCKER_UNAVAILABLE when there is no engine. */
  async ensure(): Promise<Dockerode> {
    if (this.docker && this.current.state === 'connected') return this.docker;
    await this.tryConnect();
    if (this.docker && this.current.state === 'connected') return this.docker;
    throw new ContractError('DOCKER_UNAVAILABLE', this.current.message, 'docker');
  }

  /** Connects again: to `endpoint` only (throws DOCKER_UNAVAILABLE if it fails), or by discovery. */
  async connect(endpoint?: string): Promise<DockerStatus> {
    this.override = endpoint ?? null;
    this.failures = 0;
    this.drop();
    const status = await this.tryConnect();
    if (endpoint !== undefined && status.state !== 'connected') throw new ContractError('DOCKER_UNAVAILABLE', status.message, 'endpoint');
    return status;
  }

  /** Someone saw the engine go away (a stream broke, a call failed): say so and retry. */
  lost(err: unknown): void {
    if (this.closed || this.current.state !== 'connected') return;
    const endpoint = this.current.endpoint;
    this.drop();
    this.fail(`Lost the Docker engine at ${endpoint?.url ?? '?'} (${engineMessage(err)}).`, endpoint === null ? [] : [{ url: endpoint.url, source: endpoint.source, error: engineMessage(err) }]);
  }

  close(): void {
    this.closed = true;
    this.drop();
  }

  private drop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.docker = null;
  }

  private tryConnect(): Promise<DockerStatus> {
    this.attempt ??= this.probeAll().finally(() => {
      this.attempt = null;
    });
    return this.attempt;
  }

  private async probeAll(): Promise<DockerStatus> {
    if (this.closed) return this.current;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.set({ ...this.current, state: 'connecting', retryInMs: null });
    const { candidates, problems } = this.candidates();
    const tried = [...problems];
    for (const endpoint of candidates) {
      try {
        const docker = new Dockerode(endpoint.options);
        const version = await withTimeout(docker.version(), this.options.probeTimeoutMs ?? 5000, endpoint.url);
        if (this.closed) return this.current;
        this.docker = docker;
        this.failures = 0;
        this.set(connectedStatus(endpoint, version, tried));
        this.options.onConnected?.(docker);
        return this.current;
      } catch (err) {
        tried.push({ url: endpoint.url, source: endpoint.source, error: engineMessage(err) });
      }
    }
    const where = tried.map((t) => `${t.url} (${t.source}): ${t.error}`).join('; ');
    this.fail(`No Docker engine answered. Tried ${where || 'nothing'}.`, tried);
    return this.current;
  }

  private candidates(): ReturnType<typeof discoverEndpoints> {
    if (this.override !== null) {
      try {
        return { candidates: [parseEndpoint(this.override, 'argument', {}, 'endpoint')], problems: [] };
      } catch (err) {
        return { candidates: [], problems: [{ url: this.override, source: 'argument', error: (err as Error).message }] };
      }
    }
    return discoverEndpoints({
      setting: this.options.setting(),
      env: this.options.env ?? process.env,
      home: this.options.home ?? homedir(),
      platform: this.options.platform ?? process.platform,
    });
  }

  private fail(what: string, tried: DockerStatus['tried']): void {
    if (this.closed) return;
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
    const retryInMs = Math.min(maxMs, initialMs * 2 ** Math.min(this.failures, 16));
    this.failures += 1;
    const advice = 'Start Docker (Docker Desktop, `sudo systemctl start docker`, or `podman system service`), or set its address in Settings → Docker engine.';
    this.set({ state: 'unavailable', endpoint: null, engine: null, message: `${what} ${advice} Retrying in ${Math.round(retryInMs / 1000)} s.`, tried, retryInMs });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.tryConnect();
    }, retryInMs);
    this.retryTimer.unref();
  }

  private set(status: DockerStatus): void {
    this.current = status;
    this.options.onStatus?.(status);
  }
}

function connectedStatus(endpoint: Endpoint, version: Dockerode.DockerVersion, tried: DockerStatus['tried']): DockerStatus {
  const engine = describeEngine(version);
  return {
    state: 'connected',
    endpoint: endpointDto(endpoint),
    engine,
    message: `Connected to ${engine.name} ${engine.version} (API ${engine.apiVersion}, ${engine.os}/${engine.arch}) at ${endpoint.url}.`,
    tried,
    retryInMs: null,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from ${url} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
