// The core thread: holds the store connection (one AppCore) and every session, and runs each call
// through the same dispatch as the CLI and the tests. The thread that owns the windows only routes
// calls here and answers dialog requests, so a slow query never freezes a window.
import { parentPort, workerData } from 'node:worker_threads';
import type { Result } from '../../../shared/result';
import { AppCore } from '../app-core';
import { dispatch } from '../api/dispatch';
import { newSession, type Session } from '../api/session';
import { SYSTEM_OPERATOR } from '../context';
import type { DesktopBridge } from '../desktop';
import type { CoreWorkerData, DesktopOp, FromCore, ToCore } from './messages';

const port = parentPort!;
const options = workerData as CoreWorkerData;
const post = (m: FromCore) => port.postMessage(m);

/** Dialogs belong to the window's thread: each pick is a request answered by the host. */
function remoteDesktop(): { bridge: DesktopBridge; settle(id: number, value: unknown, error?: string): void } {
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const ask = <T>(op: DesktopOp, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve, reject });
      post({ type: 'desktop', id, op, args });
    });
  return {
    bridge: {
      pickOpenFile: (o) => ask('pickOpenFile', o),
      pickSaveFile: (o) => ask('pickSaveFile', o),
      pickFolder: (o) => ask('pickFolder', o),
      showInFolder: (p) => ask('showInFolder', p),
      openFile: (p) => ask('openFile', p),
    },
    settle(id, value, error) {
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      if (error) w.reject(new Error(error));
      else w.resolve(value);
    },
  };
}

function start(): void {
  const desktop = remoteDesktop();
  let core: AppCore;
  try {
    const fixed = options.fixedNowIso;
    core = new AppCore({
      dataDir: options.dataDir,
      desktop: desktop.bridge,
      checkOutputs: options.checkOutputs,
      autoBackup: options.autoBackup,
      slowCallMs: options.slowCallMs,
      startup: options.startup,
      now: fixed ? () => new Date(fixed) : undefined,
      logError: (where, e) =>
        post({ type: 'log', where, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    });
  } catch (e) {
    post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  core.jobs.subscribe((state) => post({ type: 'job', state }));
  const sessions = new Map<string, Session>();
  const sessionOf = (key: string) => {
    let s = sessions.get(key);
    if (!s) sessions.set(key, (s = newSession()));
    return s;
  };
  port.on('message', (m: ToCore) => {
    if (m.type === 'call') {
      void dispatch(core, sessionOf(m.session), m.method, m.input).then((result) => reply(m.id, m.method, result));
    } else if (m.type === 'desktop-reply') {
      desktop.settle(m.id, m.value, m.error);
    } else if (m.type === 'test-session') {
      // The e2e harness's sign-in for a role (no password). Only a host started for tests may ask.
      if (options.testSessions) {
        const s = sessionOf(m.session);
        s.operator = m.operator === 'system' ? SYSTEM_OPERATOR : m.operator;
        s.lastActivityMs = core.idleClock();
        s.locked = false;
        s.mustChangePassword = false;
      }
      post({ type: 'result', id: m.id, json: JSON.stringify({ ok: options.testSessions === true, value: null }) });
    } else if (m.type === 'startBackgroundChecks') {
      void core.startBackgroundChecks();
    } else if (m.type === 'close') {
      void core.closeAsync().then(() => {
        post({ type: 'closed' });
        port.close();
      });
    }
  });
  post({ type: 'ready' });
}

function reply(id: number, method: string, result: Result<unknown>): void {
  let json: string;
  try {
    json = JSON.stringify(result);
  } catch (e) {
    // A value that cannot be written as JSON is a bug in a handler, reported like any other.
    post({ type: 'log', where: method, message: String(e) });
    json = JSON.stringify({
      ok: false,
      error: { code: 'INTERNAL', message: `程序内部错误：${method} 的返回值无法传递。` },
    });
  }
  post({ type: 'result', id, json });
}

start();
