// A test hook for browser mode: DEVSIM_TEST_RUN_FAILURE=throw:<events> (or exit:<events>) makes
// every run's real worker fail once it has processed that many events, so an end-to-end test
// sees a run fail the way a kernel bug would. A validated document never makes the kernel
// throw (the validator refuses what it cannot run), so there is no honest document for this.
// Only whoever starts the host can set it; the contract and the renderer cannot.
import type { WorkerMischief } from './worker-protocol.js';

export const TEST_RUN_FAILURE_ENV = 'DEVSIM_TEST_RUN_FAILURE';

/** The failure asked for in `env`, or null; a malformed value is an error that names the variable. */
export function testRunFailure(env: NodeJS.ProcessEnv): WorkerMischief | null {
  const value = env[TEST_RUN_FAILURE_ENV];
  if (value === undefined || value === '') return null;
  const m = /^(throw|exit):(\d{1,9})$/.exec(value);
  if (!m) throw new Error(`${TEST_RUN_FAILURE_ENV} must be throw:<events> or exit:<events>, not "${value}".`);
  return { how: m[1] as WorkerMischief['how'], afterEvents: Number(m[2]) };
}
