import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { appErrorFromTrigger } from '../../electron/core/db/trigger-errors';

describe('trigger refusals', () => {
  it("a final year's trigger refusal becomes LOCKED with its own sentence; other errors do not", () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE t (x); CREATE TRIGGER t_lock BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, '该年度考核已定档，平时考核结果不能再修改。'); END;
             CREATE TABLE u (x UNIQUE);`);
    let caught: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (1)').run();
    } catch (e) {
      caught = e;
    }
    expect(appErrorFromTrigger(caught)?.toShape()).toEqual({
      code: 'LOCKED',
      message: '该年度考核已定档，平时考核结果不能再修改。',
    });
    db.prepare('INSERT INTO u VALUES (1)').run();
    try {
      db.prepare('INSERT INTO u VALUES (1)').run();
    } catch (e) {
      caught = e;
    }
    expect(appErrorFromTrigger(caught)).toBeNull();
    expect(appErrorFromTrigger(new Error('该年度考核已定档'))).toBeNull();
    db.close();
  });
});
