// Numbered SQL migrations tracked by PRAGMA user_version; each file runs in one transaction.
// A backup of the store is taken before any migration runs; a store from a newer app is refused.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrateOptions {
  /** folder with NNNN-name.sql files; defaults to the one shipped beside this module */
  migrationsDir?: string;
  /** stop at this version (migration tests) */
  targetVersion?: number;
  /** the program's version, named when a store from a newer program is refused */
  appVersion?: string;
  /** where the pre-migration backup goes; defaults to <store dir>/backups */
  backupDir?: string;
  /** no pre-migration backup (a restore's staging copy, itself a copy of a backup) */
  skipBackup?: boolean;
}

export function defaultMigrationsDir(): string {
  // Source tree (tsx, vitest): beside this file. Built main bundle: out/main/migrations.
  const candidates = [join(__dirname, 'migrations'), join(__dirname, 'db', 'migrations')];
  const found = candidates.find((d) => existsSync(d));
  if (!found) throw new AppError('STORE', '找不到数据库迁移脚本目录，安装可能不完整。');
  return found;
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering broken at ${m.version}-${m.name}: expected ${i + 1}`);
  });
  return list;
}

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  db: Database.Database,
  file: string,
  options: MigrateOptions = {},
): { from: number; to: number; backup?: string } {
  const all = loadMigrations(options.migrationsDir);
  const latest = all.length;
  const target = options.targetVersion ?? latest;
  const from = currentVersion(db);
  if (from > latest) {
    throw new AppError(
      'STORE',
      `数据文件来自更新版本的程序（数据结构版本 ${from}；本程序${options.appVersion ? ` ${options.appVersion} ` : ''}` +
        `只支持到结构版本 ${latest}）。请安装新版本程序后再打开，不要用旧版本修改它。`,
    );
  }
  const pending = all.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  let backup: string | undefined;
  const hasData = from > 0;
  if (hasData && file !== ':memory:' && !options.skipBackup) {
    const dir = options.backupDir ?? join(dirname(file), 'backups');
    mkdirSync(dir, { recursive: true });
    backup = join(dir, `${basename(file, '.sqlite')}-before-v${pending[0]!.version}-${Date.now()}.sqlite`);
    db.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
  }
  for (const m of pending) runMigration(db, m);
  return backup ? { from, to: currentVersion(db), backup } : { from, to: currentVersion(db) };
}

/**
 * A migration that rebuilds tables starts with the line `-- migrate: foreign-keys-off`: enforcement
 * is off around its transaction (dropping a parent table with it on would delete or refuse through
 * its children; the pragma is a no-op inside a transaction), and every key is checked before commit.
 */
const FOREIGN_KEYS_OFF = /^-- migrate: foreign-keys-off\s*$/m;

function runMigration(db: Database.Database, m: Migration): void {
  const keysOff = FOREIGN_KEYS_OFF.test(m.sql) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(m.sql);
      if (keysOff) {
        const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        if (broken.length > 0) {
          const first = broken[0]!;
          throw new AppError(
            'STORE',
            `数据库结构升级（${m.version}-${m.name}）后有 ${broken.length} 行引用了不存在的记录（如表 ${first.table} 第 ${first.rowid} 行 → ${first.parent}），升级已撤销，数据未改动。请从备份恢复或联系技术支持。`,
          );
        }
      }
      db.pragma(`user_version = ${m.version}`);
    })();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
}
