// Worker tasks of the Excel evaluation pack: sheet models, preview, export.
import type { Task } from '../task-types';

export const packTasks: Record<string, Task<never, unknown>> = {};
