// The core as one object: the open store, the clock, the session guard and the job runner.
// Electron main, the CLI and the e2e server each make one; nothing here imports 'electron'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Permission } from '../../shared/auth/permissions';
import type { Result } from '../../shared/result';
import { openStore, type Db } from './db/open';
import { storeFile } from './db/paths';
import type { Ctx, Operator } from './context';
import { JobRunner } from './jobs/runner';
import { ScriptedDesktop, type DesktopBridge } from './desktop';
import { permissionGate, type Session } from './api/dispatch';

export interface AppCoreOptions {
  dataDir: string;
  now?: () => Date;
  /** validate every handler's output against the contract (tests) */
  checkOutputs?: boolean;
  logError?: (where: string, e: unknown) => void;
  desktop?: DesktopBridge;
}

export class AppCore {
  readonly db: Db;
  readonly dataDir: string;
  readonly storeFile: string;
  readonly appVersion: string;
  readonly checkOutputs: boolean;
  readonly now: () => Date;
  desktop: DesktopBridge;
  readonly jobs: JobRunner;
  private readonly onError: (where: string, e: unknown) => void;

  constructor(options: AppCoreOptions) {
    this.dataDir = options.dataDir;
    this.storeFile = storeFile(options.dataDir);
    this.db = openStore(this.storeFile);
    this.now = options.now ?? (() => new Date());
    this.checkOutputs = options.checkOutputs ?? false;
    this.onError = options.logError ?? ((where, e) => console.error(`[${where}]`, e));
    this.appVersion = readAppVersion();
    this.desktop = options.desktop ?? new ScriptedDesktop();
    this.jobs = new JobRunner(this.dataDir, this.now);
  }

  ctx(operator: Operator): Ctx {
    return { db: this.db, operator, dataDir: this.dataDir, now: this.now };
  }

  /** Permission and session checks before a handler runs; null when the call may proceed. */
  guard(session: Session, permission: Permission): Result<never> | null {
    return permissionGate(session, permission);
  }

  logError(where: string, e: unknown): void {
    this.onError(where, e);
  }

  close(): void {
    void this.jobs.closeAll();
    if (this.db.open) this.db.close();
  }
}

function readAppVersion(): string {
  for (const p of [join(__dirname, '../../package.json'), join(__dirname, '../../../package.json'), join(process.cwd(), 'package.json')]) {
    try {
      return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
    } catch {
      /* try the next place */
    }
  }
  return '0.0.0';
}
