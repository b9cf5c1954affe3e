// vitest globalSetup of the docker project: one private engine for all docker tests,
// stopped afterwards by its own PIDs. Where none can start the tests skip with the reason;
// in CI (CI=true) that is a failure instead, so the real-engine tests always run there.
import type { TestProject } from 'vitest/node';
import { startTestEngine, stopTestEngine, whyNoEngine } from '../../../scripts/test-engine.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** unix://… of the private engine; null when none could start (see dockerSkipReason). */
    dockerHost: string | null;
    dockerSkipReason: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';
  const refuse = (reason: string): undefined => {
    if (inCi) throw new Error(`CI needs the private Docker engine for the docker tests: ${reason}`);
    project.provide('dockerHost', null);
    project.provide('dockerSkipReason', `no Docker engine: ${reason}`);
    return undefined;
  };
  const reason = process.env['DEVSIM_TEST_ENGINE'] === 'off' ? 'turned off by DEVSIM_TEST_ENGINE=off' : whyNoEngine();
  if (reason) return refuse(reason);
  let engine;
  try {
    engine = await startTestEngine();
  } catch (err) {
    return refuse((err as Error).message);
  }
  project.provide('dockerHost', engine.dockerHost);
  project.provide('dockerSkipReason', null);
  return async () => {
    await stopTestEngine(engine.dir);
  };
}
