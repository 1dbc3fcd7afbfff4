// Prepared statements cached per connection and SQL text: each distinct query is prepared once and
// reused (better-sqlite3's prepare costs ~20 µs; a batch of thousands of rows must not pay it per row).
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
