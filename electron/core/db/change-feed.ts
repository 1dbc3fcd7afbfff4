// What each committed write transaction of this connection changed, told to the caches that keep
// derived state (the ratings period state, the year-end evaluation), so that they patch or drop only
// what the change touched instead of every cache dropping on any write.
//
// The changed rows come from the seal capture (audit/row-seal.ts): every row a transaction wrote, by
// table and key, on the app's own connections. A change the feed cannot name — a commit by another
// connection (a job worker, the command line), a write outside writeTx, a connection without the
// capture — still moves the store key (PRAGMA data_version, total_changes()), and a cache whose key
// is not the one the transaction started from drops everything it kept.
import type { Db } from './open';
import { stmt } from './statements';

/** One row written by the transaction: its table and its key (JSON array of the primary key values). */
export interface ChangedRow {
  table: string;
  key: string;
}

export interface Commit {
  /** the store key when the transaction began (the kept caches must hold this one to be patched) */
  before: string;
  /** the store key after the commit */
  after: string;
  /** the rows the transaction wrote, or null when they are not known (no capture on this connection) */
  rows: readonly ChangedRow[] | null;
}

export interface CommitListener {
  /** patch or drop what the commit touched */
  commit(db: Db, commit: Commit): void;
  /** drop everything kept for this connection (called when commit threw: the data is committed) */
  drop(db: Db): void;
}

const listeners = new Set<CommitListener>();

/** A cache registers once (module level); listeners run after every writeTx commit, in order. */
export function onCommit(listener: CommitListener): void {
  listeners.add(listener);
}

/**
 * Moves on any commit: data_version when another connection commits, total_changes() when this
 * one writes. Equal keys mean the store is as it was.
 */
export function storeKey(db: Db): string {
  const version = stmt(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = stmt(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/**
 * Called by writeTx after its transaction committed. A cache that fails to follow a commit drops
 * what it kept instead: the write has succeeded and must not be reported as failed.
 */
export function notifyCommit(db: Db, commit: Commit): void {
  for (const l of listeners) {
    try {
      l.commit(db, commit);
    } catch {
      l.drop(db);
    }
  }
}

/** The keys of the rows of one table in a commit, parsed (single-column keys: the value itself). */
export function changedKeys(rows: readonly ChangedRow[], table: string): unknown[] {
  const out: unknown[] = [];
  for (const r of rows) if (r.table === table) out.push((JSON.parse(r.key) as unknown[])[0]);
  return out;
}
