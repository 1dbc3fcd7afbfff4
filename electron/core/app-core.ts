// The core as one object: the open store, the clock, the session guard and the job runner.
// Electron main, the CLI and the e2e server each make one; nothing here imports 'electron'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Permission } from '../../shared/auth/permissions';
import type { Result } from '../../shared/result';
import { openStore, type Db } from './db/open';
import { currentVersion } from './db/migrate';
import { schemaDifferences } from './db/schema-check';
import { storeFile } from './db/paths';
import { SYSTEM_OPERATOR, writeTx, type Ctx, type Operator } from './context';
import { JobRunner } from './jobs/runner';
import { ScriptedDesktop, type DesktopBridge } from './desktop';
import type { Session } from './api/session';
import { guardCall } from './auth/session-guard';
import { auditWarning, checkAuditChain, type AuditChainStatus, type ExternalHead } from './audit/audit-check';
import { installSealCapture } from './audit/row-seal';
import { baselineVersion, writeBaseline } from './audit/seal-entry';
import { backupAnchors } from './backup/manifest';
import { cleanupPartialOutputs } from './backup/atomic-write';
import { dailyBackupIfDue } from './backup/backup';
import { SlowCallLog } from './api/slow-calls';

export interface AppCoreOptions {
  dataDir: string;
  now?: () => Date;
  /** validate every handler's output against the contract (tests) */
  checkOutputs?: boolean;
  logError?: (where: string, e: unknown) => void;
  desktop?: DesktopBridge;
  /** wall clock in ms for the idle lock (tests move it); default Date.now */
  idleClock?: () => number;
  /** take the first-open-of-the-day backup (default true) */
  autoBackup?: boolean;
  /** open a store whose schema differs from the migrations' (CLI verify-audit and restore only) */
  schemaDrift?: 'refuse' | 'report';
  /** a call slower than this (ms) is kept in the slow-call log (default 200) */
  slowCallMs?: number;
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
  readonly idleClock: () => number;
  /** the audit chain as found on open (or at the last verify); a break pauses data writes */
  auditStatus: AuditChainStatus;
  /** differences from the migrations' schema (only when opened with schemaDrift 'report'; writes pause) */
  schemaProblems: string[];
  /** calls over the threshold: method and duration only, for the system page */
  readonly slowCalls: SlowCallLog;

  constructor(options: AppCoreOptions) {
    this.dataDir = options.dataDir;
    this.storeFile = storeFile(options.dataDir);
    this.appVersion = readAppVersion();
    this.db = openStore(this.storeFile, { schemaDrift: options.schemaDrift, appVersion: this.appVersion });
    this.schemaProblems = options.schemaDrift === 'report' ? schemaDifferences(this.db, currentVersion(this.db)) : [];
    this.now = options.now ?? (() => new Date());
    this.checkOutputs = options.checkOutputs ?? false;
    this.onError = options.logError ?? ((where, e) => console.error(`[${where}]`, e));
    this.desktop = options.desktop ?? new ScriptedDesktop();
    this.jobs = new JobRunner(this.dataDir, this.now);
    this.idleClock = options.idleClock ?? (() => Date.now());
    this.slowCalls = new SlowCallLog(this.dataDir, options.slowCallMs);
    // Start-up duties: remove outputs a crash left half-written, check the audit chain, daily backup.
    cleanupPartialOutputs(this.dataDir);
    this.sealBaselineIfDue();
    this.auditStatus = checkAuditChain(this.db, this.now(), { anchors: backupAnchors(this.dataDir) });
    if (!this.auditStatus.ok) this.onError('audit', new Error(auditWarning(this.auditStatus) ?? 'audit chain broken'));
    if (options.autoBackup ?? true) {
      try {
        dailyBackupIfDue(this.db, this.dataDir, this.now());
      } catch (e) {
        this.onError('backup', e);
      }
    }
  }

  /** Re-runs the full check (audit.verify, after a restore); extra anchors: a head printed on paper. */
  verifyAudit(extraAnchors: ExternalHead[] = []): AuditChainStatus {
    this.auditStatus = checkAuditChain(this.db, this.now(), {
      anchors: [...backupAnchors(this.dataDir), ...extraAnchors],
    });
    return this.auditStatus;
  }

  /**
   * Seals every row as it is when this store is first opened by a sealing version, or after a
   * migration changed the tables (a recorded step in the chain; see docs/security.md for what a
   * baseline does not prove). Also after a restore, whose tables replaced the capture's.
   */
  sealBaselineIfDue(): void {
    if (this.schemaProblems.length) return;
    installSealCapture(this.db);
    const ctx = this.ctx(SYSTEM_OPERATOR);
    const version = baselineVersion(this.db);
    if (version === currentVersion(this.db)) return;
    writeTx(ctx, () =>
      writeBaseline(ctx, version === null ? '开始以审计日志证明数据' : '数据库结构升级后重新建立数据基线'),
    );
  }

  ctx(operator: Operator): Ctx {
    return { db: this.db, operator, dataDir: this.dataDir, now: this.now };
  }

  /** Session, idle-lock and permission checks before a handler runs; null when the call may proceed. */
  guard(session: Session, permission: Permission, method = ''): Result<never> | null {
    return guardCall(
      {
        ctx: (operator) => this.ctx(operator),
        nowMs: this.idleClock,
        auditBlocksWrites: () =>
          this.schemaProblems.length
            ? `数据库结构被改动：${this.schemaProblems.slice(0, 3).join('；')}`
            : !this.auditStatus.ok && !this.auditStatus.acknowledged
              ? (this.auditStatus.problem ?? '哈希链断裂')
              : null,
      },
      session,
      permission,
      method,
    );
  }

  logError(where: string, e: unknown): void {
    this.onError(where, e);
  }

  close(): void {
    void this.jobs.closeAll();
    if (this.db.open) this.db.close();
  }

  /** close(), waiting until every job's worker has stopped (the core thread's shutdown). */
  async closeAsync(): Promise<void> {
    await this.jobs.closeAll();
    if (this.db.open) this.db.close();
  }
}

function readAppVersion(): string {
  for (const p of [
    join(__dirname, '../../package.json'),
    join(__dirname, '../../../package.json'),
    join(process.cwd(), 'package.json'),
  ]) {
    try {
      return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
    } catch {
      /* try the next place */
    }
  }
  return '0.0.0';
}
