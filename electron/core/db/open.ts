// Opens the store with durable settings and refuses to go on if SQLite did not keep them.
// better-sqlite3's bundled SQLite reopens a WAL store with synchronous=NORMAL unless told again.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/result';
import { isNetworkPath } from './paths';
import { currentVersion, migrate, type MigrateOptions } from './migrate';
import { assertSchemaMatches } from './schema-check';
import { installSealCapture } from '../audit/row-seal';
import { strokeKey } from '../../../shared/names/stroke-order';

export type { Db } from './db-type';
import type { Db } from './db-type';

export interface OpenOptions extends MigrateOptions {
  readonly?: boolean;
  /** skip migrations (a worker opening a store main already migrated); skips the schema check too */
  skipMigrate?: boolean;
  /**
   * 'refuse' (default): a schema that differs from the migrations' stops the open. 'report': opens
   * anyway, for the command line's verify-audit and restore, which must work on such a store.
   */
  schemaDrift?: 'refuse' | 'report';
  /** run quick_check before anything (default true); the window's start defers it to a worker */
  quickCheck?: boolean;
}

export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

export function openStore(file: string, options: OpenOptions = {}): Db {
  if (isNetworkPath(file)) {
    throw new AppError(
      'STORE',
      `数据文件位于网络路径（${file}）。SQLite 的 WAL 模式在网络文件系统上会损坏数据，请将数据目录设在本机磁盘上（例如 %LOCALAPPDATA%）。`,
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    applyPragmas(db);
    // 姓氏笔画 order for lists sorted in SQL (ORDER BY stroke_key(p.name)): the same key the pack sorts on
    db.function('stroke_key', { deterministic: true }, (name: unknown) =>
      strokeKey(typeof name === 'string' ? name : ''),
    );
    const check = options.quickCheck === false ? 'ok' : db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError(
        'STORE',
        `数据文件完整性检查未通过（${String(check)}）。请从备份恢复：命令行 restore，或在“系统设置 → 备份”中选择最近的备份。`,
      );
    }
    if (!options.readonly && !options.skipMigrate) migrate(db, file, options);
    if (!options.skipMigrate && options.schemaDrift !== 'report')
      assertSchemaMatches(db, currentVersion(db), 'store', options.migrationsDir);
    // The app's own connections note every row they change, so each transaction seals them.
    if (!options.readonly) installSealCapture(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function applyPragmas(db: Db): void {
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  const actual = readPragmas(db);
  const wrong = (Object.keys(REQUIRED_PRAGMAS) as (keyof typeof REQUIRED_PRAGMAS)[]).filter((k) =>
    k === 'busy_timeout' ? Number(actual[k]) < REQUIRED_PRAGMAS[k] : String(actual[k]) !== String(REQUIRED_PRAGMAS[k]),
  );
  if (wrong.length > 0 && !(db.readonly && wrong.every((k) => k === 'journal_mode'))) {
    throw new AppError(
      'STORE',
      `数据库未能设置为安全的写入模式（${wrong.map((k) => `${k}=${String(actual[k])}`).join('，')}），为防止断电丢数据，已停止打开。`,
      { actual },
    );
  }
}

export function readPragmas(db: Db): Record<keyof typeof REQUIRED_PRAGMAS, string | number> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreign_keys: db.pragma('foreign_keys', { simple: true }) as number,
    busy_timeout: db.pragma('busy_timeout', { simple: true }) as number,
  };
}
