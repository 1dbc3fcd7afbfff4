// A real store in a fresh temp folder, with the clock fixed, for core and e2e tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppCore, type AppCoreOptions } from '../../electron/core/app-core';
import { SYSTEM_OPERATOR, type Ctx } from '../../electron/core/context';
import { newSession, type Session } from '../../electron/core/api/session';

export function tempDir(prefix = 'da-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TempCore {
  core: AppCore;
  dir: string;
  /** a context acting as the system operator (services called directly in core tests) */
  ctx: Ctx;
  /** a session signed in as the system operator (dispatcher calls) */
  session: Session;
  cleanup(): void;
}

export function tempCore(options: Partial<AppCoreOptions> = {}): TempCore {
  const dir = tempDir();
  const core = new AppCore({
    dataDir: dir,
    checkOutputs: true,
    now: () => new Date('2026-11-25T02:00:00Z'),
    logError: () => undefined,
    ...options,
  });
  const session = newSession();
  session.operator = SYSTEM_OPERATOR;
  return {
    core,
    dir,
    ctx: core.ctx(SYSTEM_OPERATOR),
    session,
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
