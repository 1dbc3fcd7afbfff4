// Worker-thread entry: runs one named task and reports progress, result or error to the parent.
// A heap limit on this thread turns an out-of-memory parse into an error the parent survives.
import { diskError } from '../db/disk-errors';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/result';
import { LIGHT_TASKS } from './tasks-light';
import { appErrorFromTrigger } from '../db/trigger-errors';
import type { TaskContext } from './task-types';

export interface WorkerRequest {
  task: string;
  input: unknown;
  dataDir: string;
  operator: TaskContext['operator'];
  nowIso: string;
  /** one Int32: the parent sets it to 1 to cancel; readable even while the task never yields */
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: unknown } };

async function main(): Promise<void> {
  const port = parentPort!;
  const req = workerData as WorkerRequest;
  const flag = new Int32Array(req.cancelFlag);
  // The full map (with exceljs and the pack writer) is loaded only for a task that needs it.
  const task = LIGHT_TASKS[req.task] ?? (await import('./tasks')).TASKS[req.task];
  if (!task) {
    port.postMessage({
      type: 'error',
      error: { code: 'INTERNAL', message: `未知的后台任务：${req.task}` },
    } satisfies WorkerMessage);
    return;
  }
  let lastProgress = 0;
  let lastMessage: string | undefined;
  const ctx: TaskContext = {
    dataDir: req.dataDir,
    operator: req.operator,
    nowIso: req.nowIso,
    cancelled: () => Atomics.load(flag, 0) === 1,
    progress(done, total, message) {
      // Ticks of one step at most ~20 a second, so progress never floods the parent's event loop; a
      // new step's message always goes through (the roll-up names every agency it counts, and a
      // screen that shows "正在汇总 区教育局" must not skip one because the agency was quick).
      const now = Date.now();
      if (done < total && message === lastMessage && now - lastProgress < 50) return;
      lastProgress = now;
      lastMessage = message;
      port.postMessage({ type: 'progress', done, total, message } satisfies WorkerMessage);
    },
  };
  try {
    const value = await (task as (i: unknown, c: TaskContext) => unknown)(req.input, ctx);
    port.postMessage({ type: 'done', value } satisfies WorkerMessage);
  } catch (e) {
    const known = e instanceof AppError ? e : (appErrorFromTrigger(e) ?? diskError(e, taskSubject(req.task)));
    const error = known
      ? known.toShape()
      : (e as { code?: string })?.code === 'CANCELLED'
        ? { code: 'CANCELLED', message: '已取消，数据未被修改。' }
        : {
            code: 'INTERNAL',
            message: '后台任务出错，数据未被修改。',
            details: { error: String((e as Error)?.stack ?? e) },
          };
    port.postMessage({ type: 'error', error } satisfies WorkerMessage);
  }
}

/** What a task writes, for a disk error's message. */
function taskSubject(task: string): string {
  if (task.startsWith('pack.')) return '考核材料';
  if (task.startsWith('imports.apply')) return '导入的数据';
  if (task.startsWith('trust.export') || task.includes('export') || task.includes('Report')) return '导出的文件';
  return '数据';
}

void main();
