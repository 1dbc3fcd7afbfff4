// The tasks a worker thread can run, by name. Outside files are parsed here, never in main.
// Each capability adds its tasks to this map; those that need no spreadsheet code go in tasks-light.ts.
import type { Task } from './task-types';
import { rosterTasks } from './tasks/roster';
import { importsTasks } from './tasks/imports';
import { yearsTasks } from './tasks/years';
import { evidenceTasks } from './tasks/evidence';
import { yearendTasks } from './tasks/yearend';
import { packTasks } from './tasks/pack';
import { trustTasks } from './tasks/trust';
import { calendarTasks } from './tasks/calendar';
import { exchangeTasks } from './tasks/exchange';
import { rollupExportTasks } from './tasks/rollup-export';
import { LIGHT_TASKS } from './tasks-light';

export const TASKS: Record<string, Task<never, unknown>> = {
  ...rosterTasks,
  ...importsTasks,
  ...yearsTasks,
  ...evidenceTasks,
  ...yearendTasks,
  ...packTasks,
  ...trustTasks,
  ...calendarTasks,
  ...exchangeTasks,
  ...rollupExportTasks,
  ...LIGHT_TASKS,
};
