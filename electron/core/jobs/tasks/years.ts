// Worker tasks of assessment years, periods, quarterly ratings and the office review.
import type { Task } from '../task-types';

export const yearsTasks: Record<string, Task<never, unknown>> = {};
