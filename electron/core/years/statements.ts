// Prepared statements kept per connection: a batch of 2,000 ratings prepares each SQL once.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
