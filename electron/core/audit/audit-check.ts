// The audit chain's health: the hash walk, plus a check that no entry was cut off the end (SQLite's
// AUTOINCREMENT counter remembers the highest seq ever written). Run on open and on demand.
import type { Db } from '../db/open';
import { verifyAuditChain } from './audit-log';

export interface AuditChainStatus {
  ok: boolean;
  count: number;
  head: string;
  brokenSeq: number | null;
  problem: string | null;
  /** an administrator recorded that this break is known (writes may continue) */
  acknowledged: boolean;
  checkedAt: string;
}

const ACK_KEY = 'audit.acknowledged_break';

export function checkAuditChain(db: Db, now: Date = new Date()): AuditChainStatus {
  const checkedAt = now.toISOString();
  const walk = verifyAuditChain(db);
  const ack = acknowledgedBreak(db);
  if (!walk.ok)
    return {
      ok: false,
      count: walk.count,
      head: '',
      brokenSeq: walk.brokenSeq,
      problem: walk.problem,
      acknowledged: ack === walk.brokenSeq,
      checkedAt,
    };
  const highest =
    (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)
      ?.seq ?? 0;
  if (highest > walk.count) {
    const brokenSeq = walk.count + 1;
    return {
      ok: false,
      count: walk.count,
      head: walk.head,
      brokenSeq,
      problem: `第 ${brokenSeq} 条${highest > brokenSeq ? `至第 ${highest} 条` : ''}审计记录缺失（末尾被删除）`,
      acknowledged: ack === brokenSeq,
      checkedAt,
    };
  }
  return {
    ok: true,
    count: walk.count,
    head: walk.head,
    brokenSeq: null,
    problem: null,
    acknowledged: false,
    checkedAt,
  };
}

export function acknowledgedBreak(db: Db): number | null {
  const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(ACK_KEY) as { value: string } | undefined;
  return row ? Number(row.value) : null;
}

/** Call inside the writeTx that records the acknowledgement in the audit log. */
export function writeAcknowledgedBreak(db: Db, brokenSeq: number): void {
  db.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(ACK_KEY, String(brokenSeq));
}

/** One sentence for the red banner, or null when the chain is sound. */
export function auditWarning(status: AuditChainStatus): string | null {
  if (status.ok) return null;
  return `审计日志被改动：${status.problem}。${status.acknowledged ? '系统管理员已确认此问题。' : '数据修改已暂停，请系统管理员从备份恢复或确认。'}`;
}
