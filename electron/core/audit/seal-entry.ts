// Writes the seals: at the end of every write transaction (the rows it changed), and a baseline of
// every row when sealing starts on a store or after a migration changed the tables. Each seal row
// is chained (prev_hash → hash) and bound to the audit log's head when it was written.
import { createHash } from 'node:crypto';
import type { Ctx } from '../ctx';
import type { Db } from '../db/db-type';
import { currentVersion } from '../db/migrate';
import { stmt } from '../db/statements';
import { auditHead, GENESIS_HASH, recordAudit, takeEntriesWritten } from './audit-log';
import { allRowDigests, hasSealCapture, SEAL_ROWS_PER_ENTRY, takePendingSeals, type SealRow } from './row-seal';
import type { ChangedRow } from '../db/change-feed';
import type { AuditSealRow } from '../db/rows';
import { one } from '../db/query';

/** An audit_seal row, as generated from the migrations. */
export type SealEntry = AuditSealRow;

export function hashSeal(e: Omit<SealEntry, 'seq' | 'hash'>): string {
  return createHash('sha256')
    .update(`${e.prev_hash}\n${e.audit_seq}\n${e.audit_hash}\n${e.kind}\n`)
    .update(e.rows_json)
    .digest('hex');
}

function appendSeal(db: Db, kind: SealEntry['kind'], body: Record<string, unknown> | string): void {
  const head = auditHead(db);
  const prev = one<{ hash: string }>(db, 'SELECT hash FROM audit_seal ORDER BY seq DESC LIMIT 1')?.hash ?? GENESIS_HASH;
  const rowsJson = typeof body === 'string' ? body : JSON.stringify(body);
  const row = { audit_seq: head.seq, audit_hash: head.hash, kind, rows_json: rowsJson, prev_hash: prev };
  stmt(
    db,
    'INSERT INTO audit_seal (audit_seq, audit_hash, kind, rows_json, prev_hash, hash) VALUES (@audit_seq, @audit_hash, @kind, @rows_json, @prev_hash, @hash)',
  ).run({ ...row, hash: hashSeal(row) });
}

/**
 * Marks a seal written by a version that seals every transaction appending audit entries: from the
 * first such seal on, an entry after the last seal's head was appended outside the app.
 */
export const HEAD_BOUND = 1;

/**
 * Called by writeTx inside its transaction, after the change: one seal per 2,000 rows changed, and
 * one (with no rows) for a transaction that only appended audit entries (a log-in, a refused call),
 * so the last seal is always bound to the log's head. Returns the rows it sealed (table and key) for
 * the change feed, or null when this connection has no capture (what changed is then unknown).
 */
export function sealTransaction(ctx: Ctx): ChangedRow[] | null {
  const rows = takePendingSeals(ctx.db);
  const wroteEntries = takeEntriesWritten(ctx.db);
  for (let i = 0; i < rows.length; i += SEAL_ROWS_PER_ENTRY)
    appendSeal(ctx.db, 'seal', { rows: rows.slice(i, i + SEAL_ROWS_PER_ENTRY), head: HEAD_BOUND });
  if (!rows.length && wroteEntries) appendSeal(ctx.db, 'seal', { rows: [], head: HEAD_BOUND });
  return hasSealCapture(ctx.db) ? rows.map(([table, key]) => ({ table, key })) : null;
}

/** The schema version the last baseline was taken at, or null (no baseline yet). */
export function baselineVersion(db: Db): number | null {
  const row = one<{ rows_json: string }>(
    db,
    "SELECT rows_json FROM audit_seal WHERE kind = 'baseline' ORDER BY seq DESC LIMIT 1",
  );
  if (!row) return null;
  try {
    return (JSON.parse(row.rows_json) as { version?: number }).version ?? null;
  } catch {
    return null;
  }
}

/**
 * A baseline: every row as it is now, trusted from here on. Taken when a store is first opened by a
 * version that seals (a new store's is empty), and after a migration (which changes rows' images).
 * A baseline over existing rows is itself recorded in the audit log. Run inside a write transaction.
 * `digests`: every live row's seal (default: read now; baseline-snapshot.ts reads them before the lock).
 */
export function writeBaseline(ctx: Ctx, reason: string, digests: Iterable<SealRow> = allRowDigests(ctx.db)): number {
  const version = currentVersion(ctx.db);
  // The parts are written after the read: the default digests iterate the tables on this same
  // connection, which runs no other statement while an iterator is open (a store of more than one
  // part's rows failed its first open after a migration with "connection is busy").
  const parts: string[] = [];
  let chunk: SealRow[] = [];
  let rows = 0;
  const cut = () => {
    parts.push(JSON.stringify({ version, part: parts.length + 1, rows: chunk, head: HEAD_BOUND }));
    rows += chunk.length;
    chunk = [];
  };
  for (const r of digests) {
    chunk.push(r);
    if (chunk.length >= SEAL_ROWS_PER_ENTRY) cut();
  }
  if (chunk.length || parts.length === 0) cut();
  if (rows > 0)
    recordAudit(ctx, {
      action: 'data.baseline',
      entity: 'audit_seal',
      after: { version, rows },
      reason,
    });
  for (const body of parts) appendSeal(ctx.db, 'baseline', body);
  takePendingSeals(ctx.db); // the baseline covers whatever was pending
  return rows;
}
