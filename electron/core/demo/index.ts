// The demo generator for other capabilities and tests.
export { generateDemo, type DemoOptions, type DemoSummary } from './generate';
export { runDemo, type DemoRun, type RunDemoOptions } from './run';
export { summaryLines } from './summary';
export { EDGE_CASES, type EdgeKey } from './edge-cases';
