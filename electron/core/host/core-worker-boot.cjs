// Development and test entry for the core thread: registers tsx so the TypeScript entry can load.
// The built app runs out/main/core.js directly and never loads this file.
require('tsx/cjs/api').register();
require('./core-worker.ts');
