// What each committed write transaction of this connection changed, told to the caches that keep
// derived state (the ratings period state, the year-end evaluation), so that they patch or drop only
// what the change touched instead of every cache dropping on any write.
//
// The changed rows come from the seal capture (audit/row-seal.ts): every row a transaction wrote, by
// table and key, on the app's own connections. A commit by another connection (a job worker, the
// command line) is learnt from the store itself: it moves PRAGMA data_version, and the seals it
// appended (audit_seal, written in the same transaction as its rows) name what it wrote, so the caches
// are patched for those rows too (followOtherConnections). A change the feed cannot name — a write
// outside writeTx on this connection, another tool's edit that appended no seal, a baseline, an import
// too large to follow — still moves the store key, and a cache whose key is not the one the change
// started from drops everything it kept.
//
// Another connection's write outside writeTx is named late but not lost: its rows wait in that
// connection's capture and are sealed with its next transaction. Only a tool without the capture
// can change rows with no seal naming them; verify-audit names those rows.
import type { Db } from './open';
import { stmt } from './statements';
import { many, scalar } from './query';

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
  /** whether anything is kept for this connection (else another connection's seals are not read) */
  holds(db: Db): boolean;
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
  const version = scalar<number>(db, 'PRAGMA data_version')!;
  const changes = scalar<number>(db, 'SELECT total_changes()')!;
  return `${version}:${changes}`;
}

// Per connection: the store key the caches were last brought up to, and the last seal seen then.
const followed = new WeakMap<Db, { key: string; seq: number }>();

/** Seal entries read at most to follow other connections (2,000 rows each); beyond, the caches drop. */
const FOLLOW_ENTRIES = 8;

export function lastSealSeq(db: Db): number {
  return scalar<number>(db, 'SELECT COALESCE(MAX(seq), 0) FROM audit_seal')!;
}

const followable = new WeakMap<Db, boolean>();

/** The app's own writable connections to a store with seals follow; a read-only one just drops on any change. */
function canFollow(db: Db): boolean {
  let yes = followable.get(db);
  if (yes === undefined) {
    yes =
      !db.readonly &&
      !!stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_seal'").pluck().get();
    followable.set(db, yes);
  }
  return yes;
}

const changesOf = (key: string) => key.slice(key.indexOf(':') + 1);

/**
 * Brings the caches up to the commits of other connections since this one last looked: called by
 * each cache before it compares its key, and by writeTx under its write lock. Reads the key and the
 * seals in one read transaction, so what the listeners are told is one snapshot of the store.
 */
export function followOtherConnections(db: Db): void {
  if (!canFollow(db)) return;
  const seen = followed.get(db);
  if (seen && seen.key === storeKey(db)) return;
  const run = () => {
    const now = storeKey(db);
    const seq = lastSealSeq(db);
    const prev = followed.get(db);
    followed.set(db, { key: now, seq });
    if (!prev || prev.key === now) return;
    // This connection wrote outside writeTx since: unnamed, the caches' keys no longer match.
    if (changesOf(prev.key) !== changesOf(now)) return;
    // Nothing kept here (a job worker's connection, the command line): no seals to read.
    if (![...listeners].some((l) => l.holds(db))) return;
    notifyCommit(db, { before: prev.key, after: now, rows: sealedSince(db, prev.seq, seq) });
  };
  if (db.inTransaction) run();
  else db.transaction(run)();
}

/** The rows the seals after `from` name, or null when they cannot say (none, a baseline, too many). */
function sealedSince(db: Db, from: number, to: number): ChangedRow[] | null {
  const entries = many<{ kind: string; rows_json: string }>(
    db,
    'SELECT kind, rows_json FROM audit_seal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
    from,
    to,
    FOLLOW_ENTRIES + 1,
  );
  // data_version moved with no seal: a commit that named nothing (another tool's edit)
  if (entries.length === 0 || entries.length > FOLLOW_ENTRIES) return null;
  const rows: ChangedRow[] = [];
  for (const e of entries) {
    if (e.kind !== 'seal') return null;
    const body = JSON.parse(e.rows_json) as { rows?: [string, string, ...unknown[]][] };
    if (!Array.isArray(body.rows)) return null;
    for (const [table, key] of body.rows) rows.push({ table, key });
  }
  return rows;
}

/**
 * Called by writeTx after its transaction committed, with the last seal it appended (read under its
 * write lock, so no other connection's seal lies between the key it began from and this one).
 */
export function ownCommit(db: Db, commit: Commit, seq: number | null): void {
  const seen = followed.get(db);
  if (seq !== null && seen && seen.key === commit.before) followed.set(db, { key: commit.after, seq });
  notifyCommit(db, commit);
}

/**
 * Tells the listeners of one commit. A cache that fails to follow a commit drops
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
