// The audit trail: one row per write, in the same transaction as the write, hash-chained so an
// edit or deletion made outside the app is detected. Triggers in the schema refuse UPDATE/DELETE.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/result';
import { stamp, type Ctx } from '../ctx';
import type { Db } from '../db/db-type';
import type { AuditAction, AuditEntity } from '../../../shared/audit/labels';
import type { AuditLogRow } from '../db/rows';
import { one, walk } from '../db/query';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  /** one of the labelled codes: a new action needs its Chinese name in shared/audit/labels.ts */
  action: AuditAction;
  entity: AuditEntity; // table-like name: 'person', 'period_rating', ...
  entityId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  outcome?: 'ok' | 'denied' | 'failed';
}

/** The audit_log row, as generated from the migrations. */
export type AuditRow = AuditLogRow;

/** Stable JSON: keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  // Every audit entry and every sealed row is hashed over this text: the direct writer below gives
  // the same text as the reference (a test compares them) at a fraction of the cost, and hands
  // anything unusual (toJSON, class instances, index-like keys, deep nesting) to the reference.
  try {
    return writeCanonical(value, 0);
  } catch (e) {
    if (e !== UNUSUAL) throw e;
    return referenceCanonicalJson(value);
  }
}

// One instance, thrown as a signal (never shown): making an Error per fallback would cost its stack.
const UNUSUAL = new Error('canonicalJson: left to the reference');
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function writeCanonical(v: unknown, depth: number): string {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(v);
    case 'object':
      break;
    default:
      throw UNUSUAL; // undefined, functions, symbols, bigint: the reference's rules apply
  }
  if (v === null) return 'null';
  if (depth > 64) throw UNUSUAL;
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (i) out += ',';
      out +=
        x === undefined || typeof x === 'function' || typeof x === 'symbol' ? 'null' : writeCanonical(x, depth + 1);
    }
    return out + ']';
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw UNUSUAL;
  const o = v as Record<string, unknown>;
  if (typeof o.toJSON === 'function') throw UNUSUAL;
  const keys = Object.keys(o).sort(byCodeUnit);
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (INDEX_LIKE.test(k)) throw UNUSUAL; // JS orders such keys numerically: the reference decides
    const x = o[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + writeCanonical(x, depth + 1);
    first = false;
  }
  return out + '}';
}

/** The definition: JSON.stringify with every object's keys sorted. */
export function referenceCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function hashEntry(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  const body = canonicalJson([
    row.at,
    row.operator_id,
    row.operator_name,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.reason,
    row.outcome,
  ]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

const statements = new WeakMap<
  Db,
  { head: import('better-sqlite3').Statement<[], Pick<AuditRow, 'hash'>>; insert: import('better-sqlite3').Statement }
>();

function prepared(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      head: db.prepare<[], Pick<AuditRow, 'hash'>>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id, before_json, after_json, reason, outcome, prev_hash, hash)
         VALUES (@at, @operator_id, @operator_name, @action, @entity, @entity_id, @before_json, @after_json, @reason, @outcome, @prev_hash, @hash)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/** Appends one entry. Must run inside the transaction of the change it records. */
export function recordAudit(ctx: Ctx, entry: AuditEntryInput): string {
  if (!ctx.db.inTransaction) throw new AppError('INTERNAL', '审计记录必须与数据修改在同一事务中写入。');
  const s = prepared(ctx.db);
  const prev = s.head.get()?.hash ?? GENESIS_HASH;
  const row = {
    at: stamp(ctx),
    operator_id: ctx.operator.id,
    operator_name: ctx.operator.displayName,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? '',
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    reason: entry.reason ?? '',
    outcome: entry.outcome ?? 'ok',
    prev_hash: prev,
  };
  const hash = hashEntry(row);
  s.insert.run({ ...row, hash });
  entriesWritten.add(ctx.db);
  return hash;
}

/**
 * Appends many entries in one pass (an import's records): the head read once, the chain continued
 * in memory, one prepared insert reused. Each entry still names its own record. Inside the
 * transaction of the change, like recordAudit.
 */
export function recordAuditBatch(ctx: Ctx, entries: Iterable<AuditEntryInput>): number {
  if (!ctx.db.inTransaction) throw new AppError('INTERNAL', '审计记录必须与数据修改在同一事务中写入。');
  const s = prepared(ctx.db);
  let prev = s.head.get()?.hash ?? GENESIS_HASH;
  const at = stamp(ctx);
  let n = 0;
  for (const entry of entries) {
    const row = {
      at,
      operator_id: ctx.operator.id,
      operator_name: ctx.operator.displayName,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? '',
      before_json: entry.before === undefined ? null : canonicalJson(entry.before),
      after_json: entry.after === undefined ? null : canonicalJson(entry.after),
      reason: entry.reason ?? '',
      outcome: entry.outcome ?? 'ok',
      prev_hash: prev,
    };
    prev = hashEntry(row);
    s.insert.run({ ...row, hash: prev });
    n++;
  }
  if (n) entriesWritten.add(ctx.db);
  return n;
}

/** Connections that appended audit entries since their transaction's seal was last written. */
const entriesWritten = new WeakSet<Db>();

/** True (once) if this connection appended audit entries since the last call: the seal binds them. */
export function takeEntriesWritten(db: Db): boolean {
  const wrote = entriesWritten.has(db);
  entriesWritten.delete(db);
  return wrote;
}

export function auditHead(db: Db): { seq: number; hash: string } {
  const row = one<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/** Walks the chain; names the first entry whose hash or link does not match. */
export function verifyAuditChain(
  db: Db,
): { ok: true; count: number; head: string } | { ok: false; count: number; brokenSeq: number; problem: string } {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastSeq = 0;
  for (const row of walk<AuditRow>(db, 'SELECT * FROM audit_log ORDER BY seq')) {
    count++;
    if (row.seq !== lastSeq + 1)
      return { ok: false, count, brokenSeq: lastSeq + 1, problem: `第 ${lastSeq + 1} 条审计记录缺失（被删除）` };
    if (row.prev_hash !== prev)
      return {
        ok: false,
        count,
        brokenSeq: row.seq,
        problem: `第 ${row.seq} 条审计记录与前一条的链接不符（前一条被修改或删除）`,
      };
    const { hash, seq: _seq, ...rest } = row;
    if (hashEntry(rest) !== hash)
      return { ok: false, count, brokenSeq: row.seq, problem: `第 ${row.seq} 条审计记录的内容被修改` };
    prev = hash;
    lastSeq = row.seq;
  }
  return { ok: true, count, head: prev };
}
