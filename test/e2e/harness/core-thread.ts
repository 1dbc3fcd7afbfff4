// The core as the packaged app runs it, for e2e files: the store a test seeded on its own thread is
// closed and opened again by the core thread (CoreHost), which from then on holds the only writing
// connection. The test reads the store through a second, read-only connection, writes through the
// contract (as the system operator, in a session of its own), answers file dialogs with a
// ScriptedDesktop on this thread (CoreHost relays each pick), and signs the page in as a role.
import type { Db } from '../../../electron/core/db/db-type';
import { openStore } from '../../../electron/core/db/open';
import { storeFile } from '../../../electron/core/db/paths';
import { ScriptedDesktop } from '../../../electron/core/desktop';
import { CoreHost } from '../../../electron/core/host/core-host';
import type { TestSessionOperator } from '../../../electron/core/host/messages';
import type { JobState } from '../../../electron/core/jobs/runner';
import type { Result } from '../../../shared/result';
import type { Role } from '../../../shared/domain/types';
import type { Operator } from '../../../electron/core/context';
import type { TempCore } from '../../support/temp-core';
import { HARNESS_SESSION } from './server';

/** The test's own session in the core thread: the system operator, as `t.ctx` was before. */
const TEST_SESSION = 'e2e-test';
/** The clock every e2e file runs at (test/support/temp-core.ts). */
export const E2E_NOW_ISO = '2026-11-25T02:00:00Z';

export interface ThreadedCore {
  host: CoreHost;
  /** answers the core thread's file dialogs: push picks before the page asks */
  desktop: ScriptedDesktop;
  /** a read-only connection of the test's own (opened on first use, WAL: sees each commit) */
  readonly db: Db;
  /** a contract call as the system operator; throws with the core's message when refused */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** the same, returning the Result (for tests of a refusal) */
  result(method: string, input?: unknown): Promise<Result<unknown>>;
  /** a contract call in the page's session (as whoever signInPage made it): throws when refused */
  pageCall<T = unknown>(method: string, input?: unknown): Promise<T>;
  pageResult(method: string, input?: unknown): Promise<Result<unknown>>;
  /** a job method as the system operator: resolves with the job's settled state */
  job(method: string, input?: unknown): Promise<JobState>;
  /** a write outside the contract, on a connection of its own (as another tool on the machine would),
   * for states no method makes (an account's lockout ended); closed at once */
  writeRaw(sql: string, ...params: unknown[]): void;
  /** an account made through the contract (audited, sealed: a row inserted behind the audit log's back
   * would show the red banner once the core thread opens the store); sign the page in with signInPage */
  createOperator(role: Role, unitScope?: string[]): Promise<Operator>;
  /** signs the page's session in as `operator` ('system', an operator row, or null = signed out) */
  signInPage(operator: TestSessionOperator): Promise<void>;
  close(): Promise<void>;
}

export interface ThreadedCoreOptions {
  /** false: the page starts signed out (log-in / first-run screens) */
  signedIn?: boolean;
  desktop?: ScriptedDesktop;
  checkOutputs?: boolean;
  /** the core thread's fixed clock (default E2E_NOW_ISO) */
  nowIso?: string;
}

/** Closes `t.core` (seeded) and starts the core thread on the same folder. */
export async function startThreadedCore(t: TempCore, options: ThreadedCoreOptions = {}): Promise<ThreadedCore> {
  const desktop =
    options.desktop ?? (t.core.desktop instanceof ScriptedDesktop ? t.core.desktop : new ScriptedDesktop());
  t.core.close();
  const host = await CoreHost.start({
    dataDir: t.dir,
    fixedNowIso: options.nowIso ?? E2E_NOW_ISO,
    checkOutputs: options.checkOutputs ?? true,
    desktop,
    logError: () => undefined,
    testSessions: true,
    testScryptLogN: 10,
  });
  await host.setTestSession(TEST_SESSION, 'system');
  if (options.signedIn !== false) await host.setTestSession(HARNESS_SESSION, 'system');
  let db: Db | null = null;
  let accounts = 0;
  const result = (method: string, input: unknown = {}) => host.call(method, input, TEST_SESSION);
  const pageResult = (method: string, input: unknown = {}) => host.call(method, input, HARNESS_SESSION);
  const ok =
    (via: typeof result) =>
    async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r = await via(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
  const call = ok(result);
  return {
    host,
    desktop,
    get db() {
      return (db ??= openStore(storeFile(t.dir), { readonly: true }));
    },
    call,
    result,
    pageCall: ok(pageResult),
    pageResult,
    async job(method, input = {}) {
      const started = await call<JobState>(method, input);
      return settled(host, started);
    },
    writeRaw(sql, ...params) {
      const w = openStore(storeFile(t.dir), { skipMigrate: true, quickCheck: false });
      try {
        w.prepare(sql).run(...params);
      } finally {
        w.close();
      }
    },
    async createOperator(role, unitScope = []) {
      const o = await call<Operator>('operators.create', {
        username: `e2e-${role}-${++accounts}`,
        displayName: `测试${role}`,
        role,
        unitScope,
        password: 'Kaohe#2026a',
      });
      return { id: o.id, username: o.username, displayName: o.displayName, role: o.role, unitScope: o.unitScope };
    },
    signInPage: (operator) => host.setTestSession(HARNESS_SESSION, operator),
    async close() {
      db?.close();
      await host.close();
    },
  };
}

/** The job's end, pushed by the core thread (asks once more in case it ended before we listened). */
function settled(host: CoreHost, started: JobState): Promise<JobState> {
  if (started.status !== 'running') return Promise.resolve(started);
  return new Promise<JobState>((resolve) => {
    const stop = host.onJob((s) => {
      if (s.id === started.id && s.status !== 'running') {
        stop();
        resolve(s);
      }
    });
    void host.call('jobs.get', { jobId: started.id }, TEST_SESSION).then((r) => {
      const s = r.ok ? (r.value as JobState | null) : null;
      if (s && s.status !== 'running') {
        stop();
        resolve(s);
      }
    });
  });
}
