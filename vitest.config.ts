import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // better-sqlite3 and child processes: forks isolate native state per file.
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default'],
  },
});
