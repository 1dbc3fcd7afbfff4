// The audit log proves the data, not only itself: every transaction the app commits appends a seal
// (table audit_seal, chained and bound to the log's head) holding, for each row it changed in any
// table, the row's after-image hash and a per-column fingerprint (or null when the row is gone).
// verify-audit recomputes every live row and names each one that no seal accounts for: edited (with
// the columns that differ), inserted or deleted outside the app.
//
// Changed rows are caught by TEMP triggers that only the app's own connections have (installed on
// open, never in the file): an edit made with any other tool leaves no trace for the app to seal,
// so it cannot be laundered by the app's next write.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/db-type';
import { canonicalJson } from './audit-log';
import { many, walk } from '../db/query';

/** Tables the seal covers: every table of the schema but the log and the seals (and SQLite's own). */
export function sealedTables(db: Db): { name: string; pk: string[]; columns: string[] }[] {
  const names = many<{ name: string }>(
    db,
    "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN ('audit_log', 'audit_seal') ORDER BY name",
  ).map((r) => r.name);
  return names.map((name) => {
    const info = many<{
      name: string;
      pk: number;
    }>(db, 'SELECT name, pk FROM main.pragma_table_info(?)', name);
    const pk = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    return { name, pk: pk.length ? pk : ['rowid'], columns: info.map((c) => c.name) };
  });
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Installs the capture on one connection: a temp table of changed keys and temp triggers on every
 * sealed table. Idempotent (dropped and made again, e.g. after a restore replaced the tables).
 */
export function installSealCapture(db: Db): void {
  const tables = sealedTables(db);
  const existing = many<{
    name: string;
  }>(db, "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'da_seal_%'");
  for (const t of existing) db.exec(`DROP TRIGGER temp.${q(t.name)}`);
  // No unique key: an outer statement's conflict policy (an upsert) would override the trigger's OR IGNORE.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS seal_pending (tbl TEXT NOT NULL, pk TEXT NOT NULL)');
  for (const t of tables) {
    const key = (row: 'NEW' | 'OLD') => `json_array(${t.pk.map((c) => `${row}.${q(c)}`).join(', ')})`;
    const ins = (row: 'NEW' | 'OLD') => `INSERT INTO temp.seal_pending (tbl, pk) VALUES ('${t.name}', ${key(row)});`;
    db.exec(`CREATE TEMP TRIGGER ${q(`da_seal_${t.name}_i`)} AFTER INSERT ON main.${q(t.name)} BEGIN ${ins('NEW')} END;
      CREATE TEMP TRIGGER ${q(`da_seal_${t.name}_u`)} AFTER UPDATE ON main.${q(t.name)} BEGIN ${ins('OLD')} ${ins('NEW')} END;
      CREATE TEMP TRIGGER ${q(`da_seal_${t.name}_d`)} AFTER DELETE ON main.${q(t.name)} BEGIN ${ins('OLD')} END;`);
  }
  captureInstalled.add(db);
  rowStatements.delete(db);
}

const captureInstalled = new WeakSet<Db>();

export function hasSealCapture(db: Db): boolean {
  return captureInstalled.has(db);
}

/** Columns whose value is a secret: sealed by a digest of the value, never the value. */
const SECRET_COLUMNS: Record<string, string[]> = { operator: ['password_hash'] };

/** FNV-1a, 32 bits: a cheap fingerprint per column, only to name the columns that differ. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface RowDigest {
  /** sha256 of the canonical row (first 32 hex digits) */
  hash: string;
  /** two hex digits per column, in table order */
  fp: string;
}

export function rowDigest(table: string, row: Record<string, unknown>): RowDigest {
  const secrets = SECRET_COLUMNS[table];
  const image: Record<string, unknown> = {};
  let fp = '';
  for (const [k, v0] of Object.entries(row)) {
    const v =
      secrets?.includes(k) && typeof v0 === 'string' ? createHash('sha256').update(v0).digest('hex').slice(0, 32) : v0;
    image[k] = v instanceof Buffer ? v.toString('base64') : v;
    fp += (fnv(`${typeof v}:${String(image[k])}`) & 0xff).toString(16).padStart(2, '0');
  }
  return {
    hash: createHash('sha256')
      .update(canonicalJson([table, image]))
      .digest('hex')
      .slice(0, 32),
    fp,
  };
}

/** One sealed row: [table, key (JSON array text), hash or null when the row is gone, fingerprint]. */
export type SealRow = [table: string, key: string, hash: string | null, fp: string];

/** A row as SELECT * returns it, by key (any sealed table). */
type RowStatement = Statement<[{ k: string }], Record<string, unknown>>;
const rowStatements = new WeakMap<Db, Map<string, RowStatement>>();

function rowStatement(db: Db, table: string): RowStatement | null {
  let m = rowStatements.get(db);
  if (!m) rowStatements.set(db, (m = new Map<string, RowStatement>()));
  let s = m.get(table);
  if (!s) {
    const t = sealedTables(db).find((x) => x.name === table);
    if (!t) return null;
    const where = t.pk.map((c, i) => `${q(c)} IS json_extract(@k, '$[${i}]')`).join(' AND ');
    s = db.prepare<[{ k: string }], Record<string, unknown>>(`SELECT * FROM main.${q(table)} WHERE ${where}`);
    m.set(table, s);
  }
  return s;
}

/** The rows changed in the open transaction, digested, and the capture emptied. */
export function takePendingSeals(db: Db): SealRow[] {
  if (!captureInstalled.has(db)) return [];
  const pending = many<{
    tbl: string;
    pk: string;
  }>(db, 'SELECT DISTINCT tbl, pk FROM temp.seal_pending ORDER BY tbl, pk');
  if (!pending.length) return [];
  db.prepare('DELETE FROM temp.seal_pending').run();
  return pending.map((p) => currentDigest(db, p.tbl, p.pk));
}

/** One row's seal as it stands now (null hash when the row is gone). */
export function currentDigest(db: Db, table: string, key: string): SealRow {
  const row = rowStatement(db, table)?.get({ k: key });
  if (!row) return [table, key, null, ''];
  const d = rowDigest(table, row);
  return [table, key, d.hash, d.fp];
}

/** Every live row of every sealed table, digested (the baseline, and the check's recomputation). */
export function* allRowDigests(db: Db): Generator<SealRow> {
  for (const t of sealedTables(db)) {
    const select =
      t.pk[0] === 'rowid' ? `SELECT rowid AS __k0, * FROM main.${q(t.name)}` : `SELECT * FROM main.${q(t.name)}`;
    for (const row of walk<Record<string, unknown>>(db, select)) {
      const key = JSON.stringify(t.pk[0] === 'rowid' ? [row.__k0] : t.pk.map((c) => row[c]));
      if (t.pk[0] === 'rowid') delete row.__k0;
      const d = rowDigest(t.name, row);
      yield [t.name, key, d.hash, d.fp];
    }
  }
}

/** Column names of a table in order, for naming the columns whose fingerprints differ. */
export function columnsOf(db: Db, table: string): string[] {
  return many<{ name: string }>(db, 'SELECT name FROM main.pragma_table_info(?)', table).map((c) => c.name);
}

/** The seals are written in entries of at most this many rows (a large import spans several). */
export const SEAL_ROWS_PER_ENTRY = 2000;
