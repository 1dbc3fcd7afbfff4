// The core in its own thread, through CoreHost as the desktop app runs it: calls keep their session,
// dialogs are answered by the host's bridge (and the chosen path is granted in the core's session),
// job states are pushed as they change, and a core thread that dies answers instead of hanging.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreHost } from '../../electron/core/host/core-host';
import { ScriptedDesktop } from '../../electron/core/desktop';
import type { JobState } from '../../electron/core/jobs/runner';
import { tempDir } from '../support/temp-core';
import { GOOD_PASSWORD } from '../support/trust-fixtures';

let host: CoreHost | undefined;
let dir: string | undefined;
afterEach(async () => {
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  host = dir = undefined;
});

async function signedInHost(desktop = new ScriptedDesktop()): Promise<CoreHost> {
  dir = tempDir();
  host = await CoreHost.start({ dataDir: dir, autoBackup: false, desktop, logError: () => undefined });
  const r = await host.call('auth.setup', {
    admin: { username: 'admin', displayName: '张管理', password: GOOD_PASSWORD },
    security: { username: 'anquan', displayName: '李安全', password: 'Baohu#2026bq' },
  });
  expect(r.ok).toBe(true);
  return host;
}

describe('CoreHost', () => {
  it('refuses to start on a store it cannot open, with the store’s own message', async () => {
    dir = tempDir();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    await expect(
      CoreHost.start({ dataDir: join(file, 'sub'), desktop: new ScriptedDesktop(), logError: () => undefined }),
    ).rejects.toThrow();
  });

  it('keeps each session apart, asks the host for dialogs and pushes job states to the end', async () => {
    const out = join(tempDir(), 'roster.xlsx');
    const h = await signedInHost(new ScriptedDesktop([], [out]));
    expect(await h.call('auth.status', {}, 'other')).toMatchObject({ ok: true, value: { operator: null } });
    // A path not chosen in a dialog is refused; the one the host's bridge answered is granted.
    expect(await h.call('imports.exportRoster', { path: out })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const picked = await h.call('desktop.pickSaveFile', { title: '导出', defaultName: 'r.xlsx', filters: [] });
    expect(picked).toEqual({ ok: true, value: { path: out } });
    const seen: JobState[] = [];
    const ended = new Promise<JobState>((resolve) =>
      h.onJob((s) => {
        seen.push(s);
        if (s.status !== 'running') resolve(s);
      }),
    );
    const started = await h.call('imports.exportRoster', { path: out });
    expect(started).toMatchObject({ ok: true, value: { status: 'running' } });
    const end = await ended;
    expect(end).toMatchObject({ status: 'done', task: 'imports.exportRoster' });
    expect(seen[0]).toMatchObject({ status: 'running' });
    expect(seen.every((s) => s.id === end.id)).toBe(true);
    expect(existsSync(out)).toBe(true);
  });

  it('answers calls in flight when the core thread dies, and the next call starts a new core', async () => {
    const h = await signedInHost();
    const inFlight = h.call('roster.list', {});
    await (h as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    const r = await inFlight;
    // Either the call finished before the end, or it is answered with the INTERNAL refusal.
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
    // A new core: the sessions lived in the old one, so the window signs in again.
    expect(await h.call('roster.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await h.call('auth.login', { username: 'admin', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    expect(await h.call('roster.list', {})).toMatchObject({ ok: true });
  });

  it('signs a session in without a password only when started for tests (the e2e harness)', async () => {
    const h = await signedInHost();
    // The app's host (no testSessions): refused, and the session stays signed out.
    await expect(h.setTestSession('page', 'system')).rejects.toThrow();
    expect(await h.call('roster.list', {}, 'page')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await h.close();
    host = await CoreHost.start({
      dataDir: dir!,
      testSessions: true,
      desktop: new ScriptedDesktop(),
      logError: () => undefined,
    });
    await host.setTestSession('page', 'system');
    expect(await host.call('roster.list', {}, 'page')).toMatchObject({ ok: true });
    await host.setTestSession('page', null);
    expect(await host.call('roster.list', {}, 'page')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('is never started with the test hooks by the app: main passes neither option', () => {
    for (const file of readdirSync('electron/main')) {
      const source = readFileSync(join('electron/main', file), 'utf8');
      expect(source, file).not.toMatch(/testSessions|testScryptLogN/);
    }
  });
});
