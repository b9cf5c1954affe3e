import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser download cannot work here. */
const executablePath = process.env.DEVSIM_CHROMIUM ?? '/usr/bin/chromium';

// Flags that let Chromium run as root in a container and keep it from calling home.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // The host fixture owns a process and a data folder per test: one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['./test/e2e/skip-reasons-reporter.ts']],
  // A private Docker engine for containers.spec.ts: DEVSIM_TEST_DOCKER_HOST, or DEVSIM_TEST_DOCKER_SKIP with why not.
  globalSetup: './test/e2e/docker-engine-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath, args },
    trace: 'retain-on-failure',
  },
});
