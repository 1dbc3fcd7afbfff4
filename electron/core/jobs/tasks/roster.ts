// Worker tasks of units and people: the roster (人员名册).
import type { Task } from '../task-types';

export const rosterTasks: Record<string, Task<never, unknown>> = {};
