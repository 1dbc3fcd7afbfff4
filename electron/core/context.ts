// What every core service receives: the store, who is acting, and the clock (passed, never read
// ad hoc, so tests can fix it).
import type { Ctx, Operator } from './ctx';
import { sealTransaction } from './audit/seal-entry';
import { notifyCommit, storeKey, type ChangedRow } from './db/change-feed';

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
 * After the commit the caches of derived state are told which rows changed (db/change-feed.ts).
 */
export function writeTx<T>(ctx: Ctx, fn: () => T): T {
  if (ctx.db.inTransaction) return fn();
  let before = '';
  let rows: ChangedRow[] | null = null;
  const value = ctx.db
    .transaction(() => {
      // Taken under the write lock: no other commit can come between this key and ours.
      before = storeKey(ctx.db);
      const value = fn();
      // The rows this transaction changed, sealed into the audit chain before it commits.
      rows = sealTransaction(ctx);
      return value;
    })
    .immediate();
  notifyCommit(ctx.db, { before, after: storeKey(ctx.db), rows });
  return value;
}
