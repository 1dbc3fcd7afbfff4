import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStore, readPragmas } from '../../electron/core/db/open';
import { currentVersion, loadMigrations } from '../../electron/core/db/migrate';
import { tempDir } from '../support/temp-core';
import { isNetworkPath } from '../../electron/core/db/paths';

describe('store open', () => {
  it('keeps WAL, synchronous=FULL, foreign keys and busy timeout across a close and reopen', () => {
    const file = join(tempDir(), 'a.sqlite');
    openStore(file).close();
    // A plain reopen by better-sqlite3 falls back to synchronous=NORMAL (1): the trap we guard.
    const raw = new Database(file);
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
    const db = openStore(file);
    expect(readPragmas(db)).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 });
    expect(currentVersion(db)).toBe(loadMigrations().length);
    db.close();
  });

  it('refuses a store written by a newer app', () => {
    const file = join(tempDir(), 'b.sqlite');
    const db = openStore(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openStore(file)).toThrow(/更新版本/);
    // the program's version and both schema versions are named
    expect(() => openStore(file, { appVersion: '0.1.0' })).toThrow(/结构版本 999；本程序 0\.1\.0 只支持到结构版本 \d+/);
  });

  it('refuses network paths', () => {
    expect(isNetworkPath('\\\\fileserver\\profiles\\clerk\\assessment.sqlite')).toBe(true);
    expect(isNetworkPath('//fileserver/share/a.sqlite')).toBe(true);
    expect(isNetworkPath('C:\\Users\\clerk\\AppData\\Local\\DynamicAssessment\\a.sqlite')).toBe(false);
    expect(() => openStore('\\\\fileserver\\share\\a.sqlite')).toThrow(/网络路径/);
  });
});
