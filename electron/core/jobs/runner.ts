// Runs long work (imports, packs, recomputations) in worker threads with a heap limit, progress
// and cancel, so the main process never blocks and a hostile file cannot take the app down.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../../shared/result';
import { newId } from '../ids';
import type { Operator } from '../context';
import type { WorkerMessage, WorkerRequest } from './worker-entry';

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobState {
  id: string;
  task: string;
  status: JobStatus;
  done: number;
  total: number;
  message: string;
  startedAt: string;
  value?: unknown;
  error?: AppErrorShape;
}

export interface RunOptions {
  /** heap ceiling of the worker, MB (outside files: 256) */
  maxHeapMb?: number;
  /** called in the parent when the job ends, before its state is readable as done (e.g. clean-up) */
  onSettled?: (state: JobState) => void;
}

function workerScript(): { file: string; execArgv?: string[] } {
  // Benchmarks point this at the built out/main/worker.js, so they time what the app runs rather
  // than tsx compiling TypeScript on every worker start.
  if (process.env.DA_WORKER_SCRIPT && existsSync(process.env.DA_WORKER_SCRIPT))
    return { file: resolve(process.env.DA_WORKER_SCRIPT) };
  const built = join(__dirname, 'worker.js');
  if (existsSync(built)) return { file: built };
  return { file: join(__dirname, 'worker-boot.cjs') };
}

export class JobRunner {
  private readonly jobs = new Map<
    string,
    { state: JobState; worker: Worker; promise: Promise<JobState>; cancelFlag: SharedArrayBuffer; operatorId: string }
  >();

  private readonly listeners = new Set<(state: JobState) => void>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every state change of every job (start, progress, end), pushed to the screens that follow it. */
  subscribe(fn: (state: JobState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(state: JobState): void {
    if (!this.listeners.size) return;
    const copy = { ...state };
    for (const fn of this.listeners) {
      try {
        fn(copy);
      } catch {
        /* a listener's failure never stops the job */
      }
    }
  }

  start(task: string, input: unknown, operator: Operator, options: RunOptions = {}): JobState {
    const id = newId();
    const state: JobState = {
      id,
      task,
      status: 'running',
      done: 0,
      total: 0,
      message: '',
      startedAt: this.now().toISOString(),
    };
    const { file } = workerScript();
    const cancelFlag = new SharedArrayBuffer(4);
    const request: WorkerRequest = {
      task,
      input,
      dataDir: this.dataDir,
      operator,
      nowIso: this.now().toISOString(),
      cancelFlag,
    };
    const worker = new Worker(file, {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    const promise = new Promise<JobState>((resolve) => {
      let settled = false;
      const settle = (patch: Partial<JobState>) => {
        if (settled) return;
        settled = true;
        Object.assign(state, patch);
        try {
          options.onSettled?.(state);
        } finally {
          resolve(state);
          this.emit(state);
        }
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          Object.assign(state, { done: m.done, total: m.total, message: m.message ?? state.message });
          this.emit(state);
        } else if (m.type === 'done') settle({ status: 'done', value: m.value });
        else if (m.type === 'error')
          settle(
            m.error.code === 'CANCELLED'
              ? { status: 'cancelled', error: m.error as AppErrorShape }
              : { status: 'failed', error: m.error as AppErrorShape },
          );
      });
      worker.on('error', (e: Error & { code?: string }) => {
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        settle({
          status: 'failed',
          error: oom
            ? {
                code: 'FILE_REFUSED',
                message: '文件内容展开后过大，超出安全处理范围，已拒绝。请检查文件是否异常，或拆分后再导入。',
              }
            : { code: 'INTERNAL', message: '后台任务异常终止，数据未被修改。', details: { error: String(e.message) } },
        });
      });
      worker.on('exit', () =>
        settle(
          state.status === 'running'
            ? this.cancelRequested.has(id)
              ? { status: 'cancelled', error: { code: 'CANCELLED', message: '已取消，数据未被修改。' } }
              : { status: 'failed', error: { code: 'INTERNAL', message: '后台任务意外退出，数据未被修改。' } }
            : {},
        ),
      );
    });
    this.jobs.set(id, { state, worker, promise, cancelFlag, operatorId: operator.id });
    this.emit(state);
    return { ...state };
  }

  private readonly cancelRequested = new Set<string>();

  /**
   * A job's state. With `operatorId`, only that operator's own job: another's (which may hold an import
   * preview's rows) is answered exactly as an unknown id, so an id learnt elsewhere reveals nothing.
   */
  get(id: string, operatorId?: string): JobState {
    const job = this.jobs.get(id);
    if (!job || (operatorId !== undefined && job.operatorId !== operatorId))
      throw new AppError('NOT_FOUND', '找不到该后台任务（可能已结束很久或程序已重启）。');
    return { ...job.state };
  }

  /** Asks the task to stop; a task that does not stop within the grace time is terminated. */
  cancel(id: string, graceMs = 2000, operatorId?: string): JobState {
    const job = this.jobs.get(id);
    if (!job || (operatorId !== undefined && job.operatorId !== operatorId))
      throw new AppError('NOT_FOUND', '找不到该后台任务。');
    if (job.state.status === 'running') {
      this.cancelRequested.add(id);
      Atomics.store(new Int32Array(job.cancelFlag), 0, 1);
      const timer = setTimeout(() => void job.worker.terminate(), graceMs);
      void job.promise.then(() => clearTimeout(timer));
    }
    return { ...job.state };
  }

  /** Jobs still running (an import or export writing through its own connection). */
  runningCount(): number {
    return [...this.jobs.values()].filter((j) => j.state.status === 'running').length;
  }

  wait(id: string): Promise<JobState> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new AppError('NOT_FOUND', '找不到该后台任务。'));
    return job.promise.then((s) => ({ ...s }));
  }

  /** Runs a task to its end (CLI, tests); throws AppError when it fails. */
  async run<T>(
    task: string,
    input: unknown,
    operator: Operator,
    options: RunOptions & { onProgress?: (s: JobState) => void } = {},
  ): Promise<T> {
    // Subscribed before the start, so the first state is not missed; each state as the worker sends it.
    let id = '';
    const onProgress = options.onProgress;
    const stop = onProgress
      ? this.subscribe((s) => {
          if (s.id === id && s.status === 'running') onProgress(s);
        })
      : undefined;
    id = this.start(task, input, operator, options).id;
    const end = await this.wait(id).finally(() => stop?.());
    if (end.status !== 'done')
      throw new AppError(end.error?.code ?? 'INTERNAL', end.error?.message ?? '后台任务失败', end.error?.details);
    return end.value as T;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
  }
}
