// What the docker tests share: the private engine's address (from engine-setup.ts), a test
// that skips with the reason where there is no engine, and a DockerService aimed at it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { inject, it, type TestContext } from 'vitest';
import type { EventName, EventPayload } from '../../../src-preload/contract/index.js';
import { DockerService } from '../../../src-main/docker/index.js';

export const TEST_IMAGE = 'devsim-test/busybox:latest';
export const dockerHost = inject('dockerHost');
export const skipReason = inject('dockerSkipReason') ?? 'no Docker engine';

/** A test that needs the engine: skipped, with the reason, where there is none. */
export function engineIt(name: string, fn: (ctx: TestContext) => Promise<void>, timeout?: number): void {
  it(
    name,
    async (ctx) => {
      if (dockerHost === null) ctx.skip(skipReason);
      await fn(ctx);
    },
    timeout,
  );
}

export interface RecordedEvent {
  name: EventName;
  payload: unknown;
}

/** A service pointed at `host` (default: the private engine) that records what it emits. */
export function makeService(host: string | null = dockerHost, onEvent?: (event: RecordedEvent) => void): { service: DockerService; events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  const service = new DockerService({
    setting: () => null,
    env: host === null ? {} : { DOCKER_HOST: host },
    home: mkdtempSync(join(tmpdir(), 'devsim-home-')),
    backoff: { initialMs: 200, maxMs: 1000 },
    emit: <E extends EventName>(name: E, payload: EventPayload<E>) => {
      events.push({ name, payload });
      onEvent?.({ name, payload });
    },
  });
  return { service, events };
}

/** A raw client for acting behind the app's back (as the docker CLI would). */
export function rawClient(host: string = dockerHost ?? ''): Dockerode {
  return new Dockerode({ socketPath: host.replace(/^unix:\/\//, '') });
}

/** Waits until `check` gives something truthy (polling), or fails naming `what`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A unique name per test run, so parallel files never collide. */
export function uniqueName(stem: string): string {
  return `devsim-test-${stem}-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
}
