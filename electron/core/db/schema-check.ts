// The store's schema compared with the one the migrations define: tables (with their columns),
// indexes, triggers and views. A restored backup with an extra trigger once stored a saved 较好 as
// 较差 while the audit recorded 较好; one without the append-only triggers let the log be edited.
// Any difference is refused, on open and on restore.
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { loadMigrations } from './migrate';
import type { Db } from './db-type';
import { many } from './query';

interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

const TYPE_LABEL: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' };

function objectsOf(db: Db): Map<string, SchemaObject> {
  const rows = many<{ type: string; name: string; tbl: string; sql: string | null }>(
    db,
    "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
  );
  const out = new Map<string, SchemaObject>();
  // Whitespace is not meaning; everything else (a WHEN clause, a column default) is.
  for (const r of rows)
    out.set(`${r.type}:${r.name}`, {
      type: r.type,
      name: r.name,
      table: r.tbl,
      sql: (r.sql ?? '').replace(/\s+/g, ' ').trim(),
    });
  return out;
}

function columnsOf(db: Db, table: string): string[] {
  return many<{ name: string }>(db, `SELECT name FROM pragma_table_info(?)`, table).map((r) => r.name);
}

const expectedByVersion = new Map<number, Map<string, SchemaObject>>();
let expectedDb: { version: number; db: Db } | null = null;

/** The schema the migrations build at a version, made once per process in memory. */
function expectedAt(version: number, migrationsDir?: string): { objects: Map<string, SchemaObject>; db: Db } {
  const cached = expectedByVersion.get(version);
  if (cached && expectedDb?.version === version) return { objects: cached, db: expectedDb.db };
  const db = new Database(':memory:');
  for (const m of loadMigrations(migrationsDir).filter((x) => x.version <= version)) db.exec(m.sql);
  const objects = objectsOf(db);
  expectedByVersion.set(version, objects);
  expectedDb?.db.close();
  expectedDb = { version, db };
  return { objects, db };
}

/** Each difference as a Chinese phrase; empty when the store's schema is exactly the migrations'. */
export function schemaDifferences(db: Db, version: number, migrationsDir?: string): string[] {
  const expected = expectedAt(version, migrationsDir);
  const actual = objectsOf(db);
  const out: string[] = [];
  for (const [key, want] of expected.objects) {
    const have = actual.get(key);
    const label = `${TYPE_LABEL[want.type] ?? want.type} ${want.name}`;
    if (!have) out.push(`缺少${label}`);
    else if (have.sql !== want.sql) {
      if (want.type === 'table') {
        const wantCols = columnsOf(expected.db, want.name);
        const haveCols = columnsOf(db, want.name);
        const missing = wantCols.filter((c) => !haveCols.includes(c));
        const extra = haveCols.filter((c) => !wantCols.includes(c));
        const parts = [
          missing.length ? `缺少列 ${missing.join('、')}` : '',
          extra.length ? `多出列 ${extra.join('、')}` : '',
        ].filter(Boolean);
        out.push(`${label} 的结构被改动${parts.length ? `（${parts.join('；')}）` : '（列的定义或约束不同）'}`);
      } else out.push(`${label} 的定义被改动`);
    }
  }
  for (const [key, have] of actual)
    if (!expected.objects.has(key))
      out.push(
        `多出${TYPE_LABEL[have.type] ?? have.type} ${have.name}${have.type === 'trigger' ? `（作用于 ${have.table} 表）` : ''}`,
      );
  return out;
}

/** Throws when the schema differs; `what` says whose schema it is (the store, the backup). */
export function assertSchemaMatches(db: Db, version: number, what: 'store' | 'backup', migrationsDir?: string): void {
  const diffs = schemaDifferences(db, version, migrationsDir);
  if (!diffs.length) return;
  const shown = diffs.slice(0, 6).join('；') + (diffs.length > 6 ? `等 ${diffs.length} 处` : '');
  if (what === 'backup')
    throw new AppError(
      'FILE_REFUSED',
      `备份文件的数据库结构与本程序不一致（${shown}），可能被程序以外的工具改动过，不能用于恢复。请选择另一个备份。`,
      { differences: diffs },
    );
  throw new AppError(
    'STORE',
    `数据文件的数据库结构与本程序不一致（${shown}），可能被程序以外的工具改动过。为防止数据被暗中改写，已停止打开。请从备份恢复：命令行 restore 备份文件（恢复前会校验备份）。`,
    { differences: diffs },
  );
}
