// Worker tasks of evidence of the year, the per-person timeline and the progress dashboard.
import type { Task } from '../task-types';

export const evidenceTasks: Record<string, Task<never, unknown>> = {};
