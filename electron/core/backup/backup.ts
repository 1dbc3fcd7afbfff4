// Online backups of the store (SQLite's backup API, so the app keeps running), rotation, and restore
// after an integrity check of the backup, keeping the current store as a backup first.
import { diskError } from '../db/disk-errors';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { backupDir, STORE_FILE_NAME } from '../db/paths';
import { currentVersion, loadMigrations, migrate } from '../db/migrate';
import { assertSchemaMatches } from '../db/schema-check';
import { readTrustSettings } from '../auth/settings';
import { checkAuditChain } from '../audit/audit-check';
import { commitTempFile, partialPathFor } from './atomic-write';
import { forgetPeriodStates } from '../ratings/period-state';
import { auditHead, recordAudit } from '../audit/audit-log';
import { backupAnchors, removeManifest, writeManifest } from './manifest';
import { writeTx, type Ctx } from '../context';
import { bringAttachmentsFrom, copyAttachmentsTo } from './attachment-files';
import { many } from '../db/query';

export interface BackupInfo {
  file: string;
  name: string;
  /** daily, manual, before-import, before-finalise, before-restore, before-migration, copy… */
  reason: string;
  at: string;
  bytes: number;
}

const PREFIX = STORE_FILE_NAME.replace(/\.sqlite$/, '');
const NAME_RE = new RegExp(`^${PREFIX}-(\\d{8})-(\\d{6})(?:-\\d+)?-([a-z0-9-]+)\\.sqlite$`);
const MIGRATION_RE = new RegExp(`^${PREFIX}-before-v(\\d+)-(\\d+)\\.sqlite$`);

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Local date and time in the file name, so a clerk reading the folder sees their own clock. */
function stampOf(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

function safeReason(reason: string): string {
  return (
    reason
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'manual'
  );
}

function freshName(dir: string, at: Date, reason: string): string {
  const base = `${PREFIX}-${stampOf(at)}`;
  for (let i = 0; ; i++) {
    const name = `${base}${i ? `-${i}` : ''}-${safeReason(reason)}.sqlite`;
    if (!existsSync(join(dir, name))) return join(dir, name);
  }
}

/** A backup is a single self-contained file: switch it out of WAL, check it, close it. */
function seal(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('STORE', `备份文件校验失败（${String(check)}），请重试。`);
  } finally {
    db.close();
  }
}

function infoOf(file: string, reason: string, at: Date): BackupInfo {
  return { file, name: basename(file), reason, at: at.toISOString(), bytes: statSync(file).size };
}

function dbOf(source: Db | { db: Db }): Db {
  return 'prepare' in source ? source : source.db;
}

export interface BackupOptions {
  /** another folder (a USB drive); default: the data folder's backups/ with rotation */
  dir?: string;
  now?: Date;
  /** pages copied so far of the store's pages (a job's progress) */
  onProgress?: (done: number, total: number) => void;
  /** true once the operator asked to stop: the half-made copy is removed, nothing else changes */
  cancelled?: () => boolean;
}

/** Pages per step of SQLite's online backup: large enough to be quick, small enough to cancel. */
const PAGES_PER_STEP = 2000;

/**
 * Takes an online backup now. Call before an import and before finalising a year:
 * `await backupNow(core, core.dataDir, 'before-import')`. Works from a worker's own connection too.
 */
export async function backupNow(
  source: Db | { db: Db },
  dataDir: string,
  reason: string,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  const db = dbOf(source);
  const dir = options.dir ?? backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const at = options.now ?? new Date();
  const file = freshName(dir, at, reason);
  const temp = partialPathFor(file);
  // The head before the copy: the backup holds at least this entry, and so must the live chain.
  const head = auditHead(db);
  try {
    const { onProgress, cancelled } = options;
    const copied = await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        if (cancelled?.()) throw new AppError('CANCELLED', '已取消备份，未留下不完整的备份文件。');
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    // the last step ends the copy without a progress call: report it whole
    onProgress?.(copied.totalPages, copied.totalPages);
    seal(temp);
    commitTempFile(temp, file);
    if (head.seq > 0) writeManifest(file, head, at);
    // a copy to another folder takes the 证明材料 files along (the data folder's backups share its own)
    if (options.dir) copyAttachmentsTo(db, dataDir, dir);
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof AppError) throw e;
    throw (
      diskError(e, '备份') ??
      new AppError('STORE', `备份失败：${e instanceof Error ? e.message : String(e)}。请检查目标磁盘空间和写入权限。`)
    );
  }
  if (!options.dir) rotateBackups(dataDir, readTrustSettings(db).backupKeep);
  return infoOf(file, safeReason(reason), at);
}

/** The same, synchronously (VACUUM INTO), for the start-up backup before the window opens. */
export function backupNowSync(db: Db, dataDir: string, reason: string, now: Date = new Date()): BackupInfo {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = freshName(dir, now, reason);
  const temp = partialPathFor(file);
  const head = auditHead(db);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    seal(temp);
    commitTempFile(temp, file);
    if (head.seq > 0) writeManifest(file, head, now);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  rotateBackups(dataDir, readTrustSettings(db).backupKeep);
  return infoOf(file, safeReason(reason), now);
}

export function listBackups(dataDir: string, dir: string = backupDir(dataDir)): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const m = NAME_RE.exec(name);
    const mig = MIGRATION_RE.exec(name);
    if (!m && !mig) continue;
    const st = statSync(file);
    out.push({
      file,
      name,
      reason: m ? m[3]! : `before-migration-v${mig![1]}`,
      at: st.mtime.toISOString(),
      bytes: st.size,
    });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}

/** Keeps the newest `keep` backups of the data folder; never touches other folders. */
export function rotateBackups(dataDir: string, keep: number): string[] {
  const removed: string[] = [];
  for (const b of listBackups(dataDir).slice(keep)) {
    rmSync(b.file, { force: true });
    removeManifest(b.file);
    removed.push(b.file);
  }
  return removed;
}

/** The first open of each (local) day takes a backup; returns it, or null when today's exists. */
export function dailyBackupIfDue(db: Db, dataDir: string, now: Date = new Date()): BackupInfo | null {
  const today = stampOf(now).slice(0, 8);
  if (listBackups(dataDir).some((b) => b.reason === 'daily' && b.name.includes(`-${today}-`))) return null;
  return backupNowSync(db, dataDir, 'daily', now);
}

/**
 * The daily backup as the start-up checks report it: a failure is a sentence the system page and the
 * log-in show (a full disk named as such), not only a log line, so the office learns backups stopped.
 */
export function dailyBackupOutcome(db: Db, dataDir: string, now: Date): { ok: boolean; message: string } {
  try {
    const made = dailyBackupIfDue(db, dataDir, now);
    return { ok: true, message: made ? `已自动备份：${made.name}` : '今日已有备份' };
  } catch (e) {
    const why = diskError(e, '备份')?.message ?? (e instanceof Error ? e.message : String(e));
    return {
      ok: false,
      message: `今天的自动备份失败：${why} 请处理后在“系统管理 → 备份”中点“立即备份”。`,
    };
  }
}

export interface BackupCheck {
  schemaVersion: number;
  auditOk: boolean;
  auditProblem: string | null;
}

/** Refuses a file that is not a sound store of this app: integrity, tables, schema version. */
export function checkBackupFile(file: string): BackupCheck {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份文件：${file}`);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('FILE_REFUSED', '所选文件不是本程序的备份（无法作为数据库打开）。');
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch {
      throw new AppError('FILE_REFUSED', '所选文件不是本程序的备份（不是有效的数据库）。');
    }
    if (check !== 'ok')
      throw new AppError('FILE_REFUSED', `备份文件已损坏（完整性检查：${String(check)}），请选择另一个备份。`);
    const tables = new Set(
      many<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name),
    );
    for (const t of ['audit_log', 'operator', 'person', 'app_meta']) {
      if (!tables.has(t)) throw new AppError('FILE_REFUSED', `所选文件不是本程序的备份（缺少 ${t} 表）。`);
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > loadMigrations().length)
      throw new AppError('FILE_REFUSED', `备份来自更新版本的程序（结构版本 ${schemaVersion}），请先升级程序。`);
    // An extra trigger, a dropped append-only trigger or a dropped column: refused before anything.
    assertSchemaMatches(db, schemaVersion, 'backup');
    const audit = checkAuditChain(db, new Date(), { data: true });
    return { schemaVersion, auditOk: audit.ok, auditProblem: audit.problem };
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
  auditOk: boolean;
}

/**
 * Writes the restore's own audit entry into the staging copy (inside a transaction on `staging`),
 * so the restored content and the record of the restore reach the live store in one step.
 */
export type RecordRestore = (staging: Db, facts: RestoreFacts) => void;

export interface RestoreFacts {
  safetyBackup: string;
  auditOk: boolean;
  /** heads of backup manifests the restored chain does not hold (later than the backup restored) */
  supersededHeads: { seq: number; hash: string }[];
}

/**
 * Replaces the live store's content with a backup, in place (the open connection sees the new
 * content), after checking the backup and taking a backup of the current store first.
 *
 * The backup is first copied to a staging file beside the backups, migrated there, its schema
 * compared with the migrations' again, and the restore's audit entry appended to its chain. Only
 * then is the staging copy written over the live store, with SQLite's backup API, whose destination
 * is written in one transaction: a kill at any moment leaves either the old store, or the restored
 * one with its restore entry (and a staging file the next start removes).
 */
export async function restoreBackup(
  db: Db,
  dataDir: string,
  storePath: string,
  file: string,
  now: Date = new Date(),
  record?: RecordRestore,
): Promise<RestoreResult> {
  const check = checkBackupFile(file);
  const safety = await backupNow(db, dataDir, 'before-restore', { now });
  const dir = backupDir(dataDir);
  const staging = partialPathFor(join(dir, `${PREFIX}-restore-staging.sqlite`));
  rmSync(staging, { force: true });
  try {
    const src = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await src.backup(staging);
    } finally {
      src.close();
    }
    const stage = new Database(staging);
    try {
      stage.pragma('journal_mode = DELETE');
      stage.pragma('synchronous = FULL');
      stage.pragma('foreign_keys = ON');
      migrate(stage, staging, { skipBackup: true });
      assertSchemaMatches(stage, currentVersion(stage), 'backup');
      const has = stage.prepare('SELECT 1 FROM audit_log WHERE seq = ? AND hash = ?');
      const supersededHeads = backupAnchors(dataDir)
        .filter((a) => !has.get(a.seq, a.hash))
        .map((a) => ({ seq: a.seq, hash: a.hash }));
      record?.(stage, { safetyBackup: safety.file, auditOk: check.auditOk, supersededHeads });
      await stage.backup(storePath);
    } finally {
      stage.close();
    }
  } finally {
    rmSync(staging, { force: true });
    rmSync(`${staging}-journal`, { force: true });
  }
  // The copy keeps the backup's journal mode in its header; put the live store back to WAL.
  db.pragma('journal_mode = WAL');
  // States kept from the replaced store must not outlive it.
  forgetPeriodStates(db);
  // 证明材料 files the restored store names and this data folder lacks, from beside the backup
  bringAttachmentsFrom(db, file, dataDir);
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok')
    throw new AppError(
      'STORE',
      `恢复后的数据完整性检查未通过（${String(result)}）。当前数据已备份为 ${safety.name}，请联系技术支持。`,
    );
  return { restoredFrom: file, safetyBackup: safety.file, auditOk: check.auditOk };
}

/** The restore's audit entry, as both the window and the command line record it. */
export function recordRestore(stagingCtx: Ctx, file: string, facts: RestoreFacts, reason: string): void {
  writeTx(stagingCtx, () =>
    recordAudit(stagingCtx, {
      action: 'backup.restore',
      entity: 'backup',
      entityId: file,
      after: { safetyBackup: facts.safetyBackup, auditOk: facts.auditOk, supersededHeads: facts.supersededHeads },
      reason,
    }),
  );
}
