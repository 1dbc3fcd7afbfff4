// Development and test entry for worker threads: registers tsx so the TypeScript entry can load.
// The built app runs out/main/worker.js directly and never loads this file.
require('tsx/cjs/api').register();
// and for the entry's dynamic import() of the full task map, which Node resolves as an ES module
require('tsx/esm/api').register();
require('./worker-entry.ts');
