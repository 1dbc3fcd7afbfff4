// Runs a worker task on the test's own thread (same code, no worker boot): for the setup steps of
// tests whose subject is a later step, so each test boots only the workers it is about.
import { TASKS } from '../../electron/core/jobs/tasks';
import type { TaskContext } from '../../electron/core/jobs/task-types';
import type { TempCore } from './temp-core';

export async function runInline<T>(t: TempCore, task: string, input: unknown): Promise<T> {
  const ctx: TaskContext = {
    dataDir: t.dir,
    operator: t.ctx.operator,
    nowIso: t.core.now().toISOString(),
    progress: () => undefined,
    cancelled: () => false,
  };
  return (await (TASKS[task] as (i: unknown, c: TaskContext) => unknown)(input, ctx)) as T;
}
