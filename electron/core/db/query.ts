// Queries through one typed door. A query's result type is named once, at the call, as a row type
// from rows.ts (generated from the migrations), a Pick of it, or the shape of a computed column —
// never as a cast on what better-sqlite3 returns. The statement comes from the per-connection
// cache (statements.ts), so every query is prepared once whichever module runs it.
//   one<Pick<PersonRow, 'id' | 'name'>>(db, 'SELECT id, name FROM person WHERE id = ?', id)
// The one cast from better-sqlite3's `unknown` to the named type is here.
/* eslint-disable no-restricted-syntax -- the typed door itself: the one place a query's result is cast */
import { stmt } from './statements';
import type { Db } from './db-type';

/** The first row, or undefined when there is none. */
export function one<R>(db: Db, sql: string, ...params: unknown[]): R | undefined {
  return stmt(db, sql).get(...params) as R | undefined;
}

/** The one row a query always returns (an aggregate: count, max, sum); a missing row is a bug. */
export function the<R>(db: Db, sql: string, ...params: unknown[]): R {
  const row = stmt(db, sql).get(...params) as R | undefined;
  if (row === undefined) throw new Error(`query returned no row: ${sql.slice(0, 80)}`);
  return row;
}

/** Every row. */
export function many<R>(db: Db, sql: string, ...params: unknown[]): R[] {
  return stmt(db, sql).all(...params) as R[];
}

/** The first column of the first row, or undefined when there is no row. */
export function scalar<V>(db: Db, sql: string, ...params: unknown[]): V | undefined {
  return stmt(db, sql, 'pluck').get(...params) as V | undefined;
}

/** The first column of every row. */
export function column<V>(db: Db, sql: string, ...params: unknown[]): V[] {
  return stmt(db, sql, 'pluck').all(...params) as V[];
}

/**
 * Row by row, for a walk over a large table. A statement of its own (not the cached one): a cached
 * statement is busy while a walk is open, and the walk's body may run the same query again.
 */
export function walk<R>(db: Db, sql: string, ...params: unknown[]): IterableIterator<R> {
  return db.prepare(sql).iterate(...params) as IterableIterator<R>;
}

/** The first column of every row, one by one (as walk). */
export function walkColumn<V>(db: Db, sql: string, ...params: unknown[]): IterableIterator<V> {
  return db
    .prepare(sql)
    .pluck()
    .iterate(...params) as IterableIterator<V>;
}
