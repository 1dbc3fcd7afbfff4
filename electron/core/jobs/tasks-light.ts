// Tasks a worker can run without loading the spreadsheet code (exceljs alone takes seconds to load
// on a busy machine): the start-up checks, backups, the settings-impact evaluation, the district roll-up, the runner's echo.
// worker-entry looks a task up here first and loads the full map (tasks.ts) only for the others.
import type { Task } from './task-types';
import { trustStoreTasks } from './tasks/trust-store';
import { yearendTasks } from './tasks/yearend';
import { rollupTasks } from './tasks/rollup';

export const LIGHT_TASKS: Record<string, Task<never, unknown>> = {
  ...trustStoreTasks,
  ...yearendTasks,
  ...rollupTasks,

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
