import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // better-sqlite3 and child processes: forks isolate native state per file.
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', './test/unit/skip-reasons-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, 'test/unit/docker/**'] },
      },
      {
        // Against a real private Docker engine, started only when these tests are in the run.
        extends: true,
        test: { name: 'docker', include: ['test/unit/docker/**/*.test.ts'], globalSetup: ['test/unit/docker/engine-setup.ts'] },
      },
    ],
  },
});
