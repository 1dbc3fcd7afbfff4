// Worker tasks of year end: suggestions with traces, quotas, decisions, stages, redress.
import type { Task } from '../task-types';

export const yearendTasks: Record<string, Task<never, unknown>> = {};
