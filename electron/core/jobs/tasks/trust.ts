// Worker tasks of operators, log-in, the audit trail and backups.
import type { Task } from '../task-types';

export const trustTasks: Record<string, Task<never, unknown>> = {};
