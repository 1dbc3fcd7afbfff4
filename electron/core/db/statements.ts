// Prepared statements cached per connection and SQL text: each distinct query is prepared once and
// reused (better-sqlite3's prepare costs ~20 µs; a batch of thousands of rows must not pay it per row).
// A plucked statement (first column only) is cached apart: pluck() changes the statement itself.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db-type';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string, mode: 'rows' | 'pluck' = 'rows'): Statement {
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  const key = mode === 'pluck' ? `\u0000pluck\u0000${sql}` : sql;
  let s = m.get(key);
  if (!s) m.set(key, (s = mode === 'pluck' ? db.prepare(sql).pluck() : db.prepare(sql)));
  return s;
}
