// What crosses between the thread that owns the windows and the core thread. Plain, structured-
// cloneable values only: a Result, a job's state, a dialog request and its answer.
import type { Operator } from '../ctx';
import type { JobState } from '../jobs/runner';

/** The options of AppCore that can cross a thread (a clock function cannot: tests pass a fixed time). */
export interface CoreWorkerData {
  dataDir: string;
  /** fixed clock (ISO) for tests; absent = the wall clock */
  fixedNowIso?: string;
  checkOutputs?: boolean;
  autoBackup?: boolean;
  /** slow-call threshold in ms (default in dispatch) */
  slowCallMs?: number;
  /** 'background': the window's start (see AppCoreOptions.startup) */
  startup?: 'sync' | 'background';
  /** Tests only (main never sets these): the e2e harness runs every page through this thread and
   * signs its sessions in as a test's operator without a password (`test-session`, below). */
  testSessions?: boolean;
  /** tests only: the scrypt cost of new passwords (read by core-worker-boot.cjs, the tsx entry) */
  testScryptLogN?: number;
}

/** Who a test session is: the built-in system operator (the CLI's identity), an operator, or nobody. */
export type TestSessionOperator = 'system' | Operator | null;

export type DesktopOp = 'pickOpenFile' | 'pickSaveFile' | 'pickFolder' | 'showInFolder' | 'openFile';

/** host → core */
export type ToCore =
  | { type: 'call'; id: number; session: string; method: string; input: unknown }
  | { type: 'desktop-reply'; id: number; value?: unknown; error?: string }
  | { type: 'close' }
  /** tests only (refused unless workerData.testSessions): signs `session` in as `operator` */
  | { type: 'test-session'; id: number; session: string; operator: TestSessionOperator }
  /** the first screen is up: run quick_check, the daily backup and the full audit walk now */
  | { type: 'startBackgroundChecks' };

/** core → host */
export type FromCore =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  /** the Result as JSON: a string crosses threads as one copy, so a large answer (a 20,000-row roster) is
   * not rebuilt object by object on the window's thread; the renderer parses it */
  | { type: 'result'; id: number; json: string }
  | { type: 'desktop'; id: number; op: DesktopOp; args: unknown[] }
  | { type: 'job'; state: JobState }
  | { type: 'log'; where: string; message: string }
  | { type: 'closed' };
