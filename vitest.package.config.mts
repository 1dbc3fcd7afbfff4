// The packaging test (test/package), kept out of `npm test` because it runs electron-builder twice
// (about a minute on two cores): `npm run test:package` builds first, then runs only this.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/support/no-network.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
