// The change feed: each writeTx commit names the rows it wrote (from the seal capture); a listener
// that throws is asked to drop what it kept, and the committed write still returns its value.
// Another connection's commits are named by the seals they appended; an edit with no seal is unknown.
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/temp-core';
import { writeTx } from '../../electron/core/context';
import Database from 'better-sqlite3';
import { followOtherConnections, onCommit, storeKey, type Commit } from '../../electron/core/db/change-feed';
import { openStore } from '../../electron/core/db/open';
import { storeFile } from '../../electron/core/db/paths';
import { createUnit } from '../../electron/core/roster';

let t: TempCore | undefined;
afterEach(() => t?.cleanup());

describe('change feed', () => {
  it('names the rows of each commit, and a failing listener drops instead of failing the write', () => {
    t = tempCore();
    const seen: Commit[] = [];
    let fail = false;
    let dropped = 0;
    onCommit({
      commit: (db, c) => {
        if (db !== t?.core.db) return;
        seen.push(c);
        if (fail) throw new Error('listener broke');
      },
      drop: () => void dropped++,
      holds: () => false,
    });
    const unit = createUnit(t.ctx, { parentId: null, name: '某区测试局' });
    const last = seen.at(-1)!;
    expect(last.rows).toContainEqual({ table: 'unit', key: JSON.stringify([unit.id]) });
    expect(last.before).not.toBe(last.after);
    fail = true;
    const value = writeTx(t.ctx, () => {
      createUnit(t!.ctx, { parentId: unit.id, name: '办公室' });
      return 'committed';
    });
    expect(value).toBe('committed');
    expect(dropped).toBe(1);
    expect(t.core.db.prepare("SELECT COUNT(*) FROM unit WHERE name = '办公室'").pluck().get()).toBe(1);
  });

  it("names another connection's commits from the seals they appended, and null when none names them", () => {
    t = tempCore();
    const db = t.core.db;
    const seen: Commit[] = [];
    onCommit({ commit: (d, c) => void (d === db && seen.push(c)), drop: () => undefined, holds: (d) => d === db });
    followOtherConnections(db);
    // A job worker's connection: the app's capture, its own writeTx.
    const worker = openStore(storeFile(t.dir), { skipMigrate: true, quickCheck: false });
    const raw = new Database(storeFile(t.dir));
    try {
      const a = createUnit({ ...t.ctx, db: worker }, { parentId: null, name: '某区甲局' });
      const b = createUnit({ ...t.ctx, db: worker }, { parentId: null, name: '某区乙局' });
      expect(seen).toHaveLength(0);
      followOtherConnections(db);
      expect(seen).toHaveLength(1);
      const keys = seen[0]!.rows!.filter((r) => r.table === 'unit').map((r) => r.key);
      expect(keys.sort()).toEqual([JSON.stringify([a.id]), JSON.stringify([b.id])].sort());
      expect(seen[0]!.after).toBe(storeKey(db));
      // Nothing new: no commit told twice.
      followOtherConnections(db);
      expect(seen).toHaveLength(1);
      // An edit by a tool without the capture appends no seal: what it changed is unknown.
      raw.prepare("UPDATE unit SET name = '某区丙局' WHERE id = ?").run(a.id);
      followOtherConnections(db);
      expect(seen).toHaveLength(2);
      expect(seen[1]!.rows).toBeNull();
    } finally {
      raw.close();
      worker.close();
    }
  });
});
