// The window thread's handle on the core thread: starts it, routes each call to it with the session
// it belongs to, answers its dialog requests with the real desktop bridge, and relays pushed job
// states. Nothing here touches the store: the connection lives in the core thread only.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Result } from '../../../shared/result';
import type { DesktopBridge } from '../desktop';
import type { JobState } from '../jobs/runner';
import type { CoreWorkerData, FromCore, TestSessionOperator, ToCore } from './messages';

/** Anything that answers contract calls (main's IPC routes to it; so does the e2e harness). */
export interface CoreCaller {
  call(method: string, input: unknown, session?: string): Promise<Result<unknown>>;
  /** the same answer as JSON text, passed on unparsed (main to the renderer, the harness to the page) */
  callJson(method: string, input: unknown, session?: string): Promise<string>;
}

export interface CoreHostOptions extends CoreWorkerData {
  desktop: DesktopBridge;
  logError?: (where: string, message: string) => void;
}

const CORE_GONE = JSON.stringify({
  ok: false,
  error: { code: 'INTERNAL', message: '程序核心意外退出，操作结果未知。请重新登录后检查，必要时重启程序。' },
});
const BAD_INPUT = JSON.stringify({
  ok: false,
  error: { code: 'INVALID_INPUT', message: '输入有误：无法识别的数据。' },
});

function coreScript(): string {
  if (process.env.DA_CORE_SCRIPT && existsSync(process.env.DA_CORE_SCRIPT)) return resolve(process.env.DA_CORE_SCRIPT);
  const built = join(__dirname, 'core.js');
  if (existsSync(built)) return built;
  return join(__dirname, 'core-worker-boot.cjs');
}

export class CoreHost implements CoreCaller {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (json: string) => void>();
  private readonly jobListeners = new Set<(s: JobState) => void>();
  private starting: Promise<void> | null = null;
  private closing = false;

  private constructor(private readonly options: CoreHostOptions) {}

  /** Starts the core thread; rejects with the store's own message when it cannot open. */
  static async start(options: CoreHostOptions): Promise<CoreHost> {
    const host = new CoreHost(options);
    await host.spawn();
    return host;
  }

  private spawn(): Promise<void> {
    const { desktop: _d, logError: _l, ...data } = this.options;
    const worker = new Worker(coreScript(), { workerData: data satisfies CoreWorkerData });
    this.worker = worker;
    this.starting = new Promise<void>((resolveReady, rejectReady) => {
      let ready = false;
      worker.on('message', (m: FromCore) => {
        if (m.type === 'ready') {
          ready = true;
          resolveReady();
        } else if (m.type === 'fatal') rejectReady(new Error(m.message));
        else this.receive(m);
      });
      worker.on('error', (e) => {
        this.log('core', e.stack ?? e.message);
        if (!ready) rejectReady(e);
      });
      worker.on('exit', (code) => {
        if (!ready) rejectReady(new Error(`程序核心未能启动（退出码 ${code}）。`));
        // Calls in flight get an answer rather than hanging the window; the next call starts a new core.
        for (const answer of this.pending.values()) answer(CORE_GONE);
        this.pending.clear();
        if (!this.closing && ready) {
          this.log('core', `core thread exited (${code})`);
          this.starting = null;
        }
      });
    });
    return this.starting;
  }

  private receive(m: FromCore): void {
    if (m.type === 'result') {
      const answer = this.pending.get(m.id);
      this.pending.delete(m.id);
      answer?.(m.json);
    } else if (m.type === 'job') {
      for (const fn of this.jobListeners) fn(m.state);
    } else if (m.type === 'desktop') {
      const bridge = this.options.desktop as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      bridge[m.op]!(...m.args).then(
        (value) => this.send({ type: 'desktop-reply', id: m.id, value }),
        (e: unknown) => this.send({ type: 'desktop-reply', id: m.id, error: String(e) }),
      );
    } else if (m.type === 'log') {
      this.log(m.where, m.message);
    }
  }

  private send(m: ToCore): void {
    this.worker.postMessage(m);
  }

  private log(where: string, message: string): void {
    (this.options.logError ?? ((w, msg) => console.error(`[${w}]`, msg)))(where, message);
  }

  async call(method: string, input: unknown, session = 'window'): Promise<Result<unknown>> {
    return JSON.parse(await this.callJson(method, input, session)) as Result<unknown>;
  }

  async callJson(method: string, input: unknown, session = 'window'): Promise<string> {
    if (this.closing) return CORE_GONE;
    if (!this.starting) await this.spawn().catch(() => undefined);
    try {
      await this.starting;
    } catch {
      return CORE_GONE;
    }
    const id = this.nextId++;
    return new Promise<string>((answer) => {
      this.pending.set(id, answer);
      try {
        this.send({ type: 'call', id, session, method, input });
      } catch {
        // The input could not be copied to the core thread (a function, a DOM object): refused as input.
        this.pending.delete(id);
        answer(BAD_INPUT);
      }
    });
  }

  /** Tests only (a host started with `testSessions`): signs the session `key` in as `operator`. */
  async setTestSession(key: string, operator: TestSessionOperator): Promise<void> {
    await this.starting;
    const id = this.nextId++;
    const json = await new Promise<string>((answer) => {
      this.pending.set(id, answer);
      this.send({ type: 'test-session', id, session: key, operator });
    });
    if (!(JSON.parse(json) as { ok: boolean }).ok) throw new Error('this core thread was not started for tests');
  }

  /** After the first screen: quick_check, the daily backup and the full audit walk, in the background. */
  startBackgroundChecks(): void {
    if (this.closing || !this.starting) return;
    void this.starting.then(() => this.send({ type: 'startBackgroundChecks' })).catch(() => undefined);
  }

  /** Every job's state as it changes (started, progress, settled); returns the unsubscribe. */
  onJob(fn: (state: JobState) => void): () => void {
    this.jobListeners.add(fn);
    return () => this.jobListeners.delete(fn);
  }

  /** Ends running jobs, closes the store and stops the thread. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const w = this.worker;
    const exited = new Promise<void>((r) => w.once('exit', () => r()));
    try {
      w.postMessage({ type: 'close' } satisfies ToCore);
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => void w.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }
}
