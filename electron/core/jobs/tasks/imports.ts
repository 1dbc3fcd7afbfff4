// Worker tasks of spreadsheets in and out: templates, imports with preview, error reports.
import type { Task } from '../task-types';

export const importsTasks: Record<string, Task<never, unknown>> = {};
