// Development and test entry for the core thread: registers tsx so the TypeScript entry can load.
// The built app runs out/main/core.js directly and never loads this file.
const { workerData } = require('node:worker_threads');
// Tests' cheap scrypt cost, as vitest's define gives the test thread (electron/core/auth/password.ts
// reads the global before any module of the core is loaded).
if (workerData && typeof workerData.testScryptLogN === 'number') {
  globalThis.__DA_TEST_SCRYPT_LOGN__ = workerData.testScryptLogN;
}
require('tsx/cjs/api').register();
require('./core-worker.ts');
