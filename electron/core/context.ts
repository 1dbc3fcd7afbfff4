// What every core service receives: the store, who is acting, and the clock (passed, never read
// ad hoc, so tests can fix it).
import type { Ctx, Operator } from './ctx';
import { sealTransaction } from './audit/seal-entry';
import { followOtherConnections, lastSealSeq, ownCommit, storeKey, type ChangedRow } from './db/change-feed';

export { stamp, type Ctx, type Operator } from './ctx';

export const SYSTEM_OPERATOR: Operator = {
  id: 'system',
  username: 'system',
  displayName: '命令行工具',
  role: 'system',
  unitScope: [],
};

/**
 * The command line's read-only identity: reads (verify-audit, results, backups…) run without a
 * log-in as this built-in account. Its role is the auditor's (reads only), so the same permission
 * table refuses any write; its id and name label whatever it leaves in the audit log.
 */
export const READONLY_SYSTEM_OPERATOR: Operator = {
  id: 'system-readonly',
  username: 'system-readonly',
  displayName: '命令行只读身份（系统）',
  role: 'auditor',
  unitScope: [],
};

/** Built-in identities have no operator row: the guard does not re-read them from the store. */
export function isBuiltInIdentity(operator: Operator): boolean {
  return operator === SYSTEM_OPERATOR || operator === READONLY_SYSTEM_OPERATOR || operator.role === 'system';
}

/** Who a public method (log-in, first-run status) runs as before anyone has signed in. */
export const ANONYMOUS_OPERATOR: Operator = {
  id: 'anonymous',
  username: 'anonymous',
  displayName: '未登录',
  role: 'auditor',
  unitScope: [],
};

/**
 * Runs fn in one IMMEDIATE transaction (the write lock is taken up front, so a worker's
 * connection never deadlocks upgrading a read). Audit rows written inside commit or roll back with it,
 * and so does the seal of every row the transaction changed (electron/core/audit/row-seal.ts).
 * After the commit the caches of derived state are told which rows changed (db/change-feed.ts), and
 * before it what other connections committed since they last looked.
 */
export function writeTx<T>(ctx: Ctx, fn: () => T): T {
  if (ctx.db.inTransaction) return fn();
  let before = '';
  let rows: ChangedRow[] | null = null;
  let seq: number | null = null;
  const value = ctx.db
    .transaction(() => {
      // Under the write lock: the caches first follow what other connections committed, then no
      // other commit can come between this key and ours.
      followOtherConnections(ctx.db);
      before = storeKey(ctx.db);
      const value = fn();
      // The rows this transaction changed, sealed into the audit chain before it commits.
      rows = sealTransaction(ctx);
      if (rows) seq = lastSealSeq(ctx.db);
      return value;
    })
    .immediate();
  ownCommit(ctx.db, { before, after: storeKey(ctx.db), rows }, seq);
  return value;
}
