// The core as one object: the open store, the clock, the session guard and the job runner.
// Electron main, the CLI and the e2e server each make one; nothing here imports 'electron'.
import { openStoreOrReadOnly, READ_ONLY_NOTICE } from './db/open-read-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Permission } from '../../shared/auth/permissions';
import type { Result } from '../../shared/result';
import type { Db } from './db/open';
import { currentVersion } from './db/migrate';
import { schemaDifferences } from './db/schema-check';
import { storeFile } from './db/paths';
import { SYSTEM_OPERATOR, writeTx, type Ctx, type Operator } from './context';
import { JobRunner } from './jobs/runner';
import { ScriptedDesktop, type DesktopBridge } from './desktop';
import type { Session } from './api/session';
import { guardCall } from './auth/session-guard';
import {
  auditWarning,
  checkAuditChain,
  CHECKPOINT_EVERY,
  lastCheckpoint,
  startupFrom,
  type AuditChainStatus,
  type ExternalHead,
} from './audit/audit-check';
import { recordAudit } from './audit/audit-log';
import type { StartupChecksResult } from './jobs/tasks/trust';
import { installSealCapture } from './audit/row-seal';
import { writeBaseline } from './audit/seal-entry';
import { baselineReason } from './audit/baseline-snapshot';
import { backupAnchors } from './backup/manifest';
import { cleanupPartialOutputs } from './backup/atomic-write';
import { dailyBackupOutcome } from './backup/backup';
import { SlowCallLog } from './api/slow-calls';
import { scalar } from './db/query';

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
  /**
   * 'sync' (default: CLI, tests): quick_check, the seal baseline a migration makes due, the full audit
   * walk and the daily backup before the constructor returns. 'background' (the window): only the audit
   * entries since the last checkpoint are checked here; quick_check, the baseline, the daily backup and
   * the full walk run in a worker when startBackgroundChecks() is called after the window shows.
   */
  startup?: 'sync' | 'background';
}

export interface BackgroundChecks {
  state: 'pending' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  quickCheck: string | null;
  backup: { ok: boolean; message: string } | null;
  checkedAt: string | null;
}

export class AppCore {
  readonly db: Db;
  readonly dataDir: string;
  readonly storeFile: string;
  /** the data folder cannot be written: opened read-only (reads and verification only) */
  readonly readOnly: boolean;
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
  /** the start-up checks run after the window shows (background start only), for the system page */
  background: BackgroundChecks;
  private readonly autoBackup: boolean;

  constructor(options: AppCoreOptions) {
    this.dataDir = options.dataDir;
    this.storeFile = storeFile(options.dataDir);
    const background = options.startup === 'background';
    this.appVersion = readAppVersion();
    const opened = openStoreOrReadOnly(this.storeFile, {
      schemaDrift: options.schemaDrift,
      appVersion: this.appVersion,
      quickCheck: !background,
    });
    this.db = opened.db;
    this.readOnly = opened.readOnly;
    this.schemaProblems = options.schemaDrift === 'report' ? schemaDifferences(this.db, currentVersion(this.db)) : [];
    this.now = options.now ?? (() => new Date());
    this.checkOutputs = options.checkOutputs ?? false;
    this.onError = options.logError ?? ((where, e) => console.error(`[${where}]`, e));
    this.desktop = options.desktop ?? new ScriptedDesktop();
    this.jobs = new JobRunner(this.dataDir, this.now);
    this.idleClock = options.idleClock ?? (() => Date.now());
    this.slowCalls = new SlowCallLog(this.dataDir, options.slowCallMs);
    // Start-up duties: remove outputs a crash left half-written, check the audit chain, daily backup.
    if (!this.readOnly) cleanupPartialOutputs(this.dataDir);
    // The baseline after a migration digests every row: the window's start leaves it to the worker.
    if (!background && !this.readOnly) this.sealBaselineIfDue();
    this.autoBackup = (options.autoBackup ?? true) && !this.readOnly;
    if (background) {
      // Only what a checkpoint does not cover: start-up time does not grow with the history.
      const from = startupFrom(this.db);
      this.auditStatus = checkAuditChain(this.db, this.now(), {
        from,
        data: false,
        anchors: backupAnchors(this.dataDir),
      });
      this.background = { state: 'pending', done: 0, total: 0, quickCheck: null, backup: null, checkedAt: null };
    } else {
      this.auditStatus = checkAuditChain(this.db, this.now(), { anchors: backupAnchors(this.dataDir) });
      this.background = { state: 'done', done: 0, total: 0, quickCheck: 'ok', backup: null, checkedAt: null };
      if (this.autoBackup) {
        this.background.backup = dailyBackupOutcome(this.db, this.dataDir, this.now());
        if (!this.background.backup.ok) this.onError('backup', new Error(this.background.backup.message));
      }
    }
    if (!this.auditStatus.ok) this.onError('audit', new Error(auditWarning(this.auditStatus) ?? 'audit chain broken'));
  }

  /**
   * quick_check, the daily backup and the full audit walk in a worker, after the window shows. The
   * walk's result replaces the start-up status (same banner, same write pause); a sound walk far
   * enough past the last checkpoint records a new one in the chain.
   */
  async startBackgroundChecks(): Promise<BackgroundChecks> {
    if (this.background.state !== 'pending') return this.background;
    this.background.state = 'running';
    const baseline = this.schemaProblems.length ? null : baselineReason(this.db);
    const job = this.jobs.start('trust.startupChecks', { autoBackup: this.autoBackup, baseline }, SYSTEM_OPERATOR, {
      maxHeapMb: 2048,
    });
    // The walk's progress as the worker reports it (the same states the window is pushed).
    const stopProgress = this.jobs.subscribe((s) => {
      if (s.id === job.id) Object.assign(this.background, { done: s.done, total: s.total });
    });
    try {
      const end = await this.jobs.wait(job.id);
      if (end.status !== 'done') throw new Error(end.error?.message ?? end.status);
      const r = end.value as StartupChecksResult;
      if (!this.db.open) return this.background;
      // Entries written meanwhile are checked by the next walk; a break found now shows at once.
      this.auditStatus = r.audit;
      Object.assign(this.background, {
        state: 'done',
        quickCheck: r.quickCheck,
        backup: r.backup,
        checkedAt: r.audit.checkedAt,
      });
      if (r.quickCheck !== 'ok') this.onError('quick_check', new Error(r.quickCheck));
      if (!r.backup.ok) this.onError('backup', new Error(r.backup.message));
      if (r.audit.ok) this.recordCheckpoint(r.audit.count);
      else this.onError('audit', new Error(auditWarning(r.audit) ?? 'audit chain broken'));
    } catch (e) {
      this.background.state = 'failed';
      this.onError('startup-checks', e);
    } finally {
      stopProgress();
    }
    return this.background;
  }

  private recordCheckpoint(verifiedSeq: number): void {
    const last = lastCheckpoint(this.db);
    if (verifiedSeq === 0 || (last && verifiedSeq - last.seq < CHECKPOINT_EVERY)) return;
    const hash = scalar<string>(this.db, 'SELECT hash FROM audit_log WHERE seq = ?', verifiedSeq);
    if (!hash) return;
    const ctx = this.ctx(SYSTEM_OPERATOR);
    writeTx(ctx, () =>
      recordAudit(ctx, {
        action: 'audit.checkpoint',
        entity: 'audit_log',
        entityId: String(verifiedSeq),
        after: { seq: verifiedSeq, hash },
        reason: '后台完整校验通过',
      }),
    );
  }

  /** The failed daily backup, for the system page and the log-in (null when it ran or was not due). */
  get backupWarning(): string | null {
    if (this.readOnly) return READ_ONLY_NOTICE;
    const b = this.background.backup;
    return b && !b.ok ? b.message : null;
  }

  /** Re-runs the full check (audit.verify, after a restore); extra anchors: a head printed on paper. */
  verifyAudit(extraAnchors: ExternalHead[] = []): AuditChainStatus {
    // Asked for before the background baseline is written: take it here (the worker then skips it).
    this.sealBaselineIfDue();
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
    const reason = baselineReason(this.db);
    if (reason) writeTx(ctx, () => writeBaseline(ctx, reason));
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
