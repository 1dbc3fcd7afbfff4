// The tasks a worker thread can run, by name. Outside files are parsed here, never in main.
// Each capability adds its tasks to this map.
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

  /** a trivial task used by the runner's own tests */
  echo: (input: { value: unknown; steps?: number }, ctx) => {
    const steps = input.steps ?? 0;
    for (let i = 0; i < steps; i++) {
      if (ctx.cancelled()) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      ctx.progress(i + 1, steps);
      const until = Date.now() + 5;
      while (Date.now() < until) {
        /* busy work standing in for a slow step */
      }
    }
    return input.value;
  },
};
