import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Test-only scrypt cost (2^10 instead of 2^17): read by electron/core/auth/password.ts, defined by no build.
  define: { __DA_TEST_SCRYPT_LOGN__: '10' },
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'test/package/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/support/no-network.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
