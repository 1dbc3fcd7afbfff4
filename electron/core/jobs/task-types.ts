// What a task running in a worker thread gets: its input, a way to report progress, a cancel flag.

export interface TaskContext {
  dataDir: string;
  /** operator acting, for audit rows written by the worker's own connection */
  operator: import('../context').Operator;
  progress(done: number, total: number, message?: string): void;
  /** true once the parent asked to cancel; long loops check it and throw CancelledError */
  cancelled(): boolean;
  /** fixed clock from the parent (ISO), so tests and audit stamps agree */
  nowIso: string;
}

export type Task<I = unknown, O = unknown> = (input: I, ctx: TaskContext) => Promise<O> | O;
