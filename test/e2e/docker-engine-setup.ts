// Playwright globalSetup: a private Docker engine for the Containers end-to-end test.
// Sets DEVSIM_TEST_DOCKER_HOST (unix://…) for the tests, or DEVSIM_TEST_DOCKER_SKIP with the
// reason there is none; in CI (CI=true) failing to start it fails the run. Started only when
// the run may include containers.spec.ts, so other specs run without it; stopped afterwards.
import type { FullConfig } from '@playwright/test';
import { startTestEngine, stopTestEngine, whyNoEngine } from '../../scripts/test-engine.mjs';

const OPTIONS_WITH_VALUE = new Set(['-g', '--grep', '--grep-invert', '--project', '-c', '--config', '--reporter', '-j', '--workers', '--timeout', '--retries', '--repeat-each', '--max-failures', '--output', '--shard', '--trace']);

/** The file filters on the command line (`playwright test a.spec.ts b`), if any. */
function fileFilters(argv: string[]): string[] {
  const at = argv.indexOf('test');
  const filters: string[] = [];
  for (let i = at + 1; at >= 0 && i < argv.length; i++) {
    const arg = argv[i]!;
    if (OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) filters.push(arg);
  }
  return filters;
}

export default async function globalSetup(_config: FullConfig): Promise<(() => Promise<void>) | undefined> {
  const filters = fileFilters(process.argv);
  if (filters.length > 0 && !filters.some((f) => 'containers.spec.ts'.includes(f.split('/').pop()!.replace(/:\d+$/, '')) || f.includes('containers'))) return undefined;
  const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';
  const skip = (reason: string): undefined => {
    if (inCi) throw new Error(`CI needs the private Docker engine for the Containers e2e: ${reason}`);
    process.env['DEVSIM_TEST_DOCKER_SKIP'] = `no Docker engine: ${reason}`;
    return undefined;
  };
  const reason = process.env['DEVSIM_TEST_ENGINE'] === 'off' ? 'turned off by DEVSIM_TEST_ENGINE=off' : whyNoEngine();
  if (reason) return skip(reason);
  let engine;
  try {
    engine = await startTestEngine();
  } catch (err) {
    return skip((err as Error).message);
  }
  process.env['DEVSIM_TEST_DOCKER_HOST'] = engine.dockerHost;
  return async () => {
    await stopTestEngine(engine.dir);
  };
}
