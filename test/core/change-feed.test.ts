// The change feed: each writeTx commit names the rows it wrote (from the seal capture); a listener
// that throws is asked to drop what it kept, and the committed write still returns its value.
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/temp-core';
import { writeTx } from '../../electron/core/context';
import { onCommit, type Commit } from '../../electron/core/db/change-feed';
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
});
