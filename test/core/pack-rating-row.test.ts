// A person transferred between agencies during the year has two rows for one quarter (one in each
// agency's period). The grade the engine uses and the 工作纪实 the pack prints must come from the same
// row: the pack follows the row id the engine carries instead of picking its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { tempCore, type TempCore } from '../support/temp-core';
import { insertPerson, insertRating, insertUnit, insertYear } from '../support/evidence-fixtures';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

describe('the printed quarter is the graded quarter', () => {
  it('prints the texts of the row the engine graded from, not another row of the same period', () => {
    const db = t.core.db;
    const agencyA = insertUnit(db, '甲局', null);
    const deptA = insertUnit(db, '甲局办公室', agencyA, 1);
    const agencyB = insertUnit(db, '乙局', null, 1);
    const deptB = insertUnit(db, '乙局综合科', agencyB, 1);
    const yearA = insertYear(db, agencyA, 2026);
    const yearB = insertYear(db, agencyB, 2026);
    const person = insertPerson(db, { personNo: 'T001', name: '调动人', unitId: deptB });
    // Q1 rated in both agencies; the 乙局 row is the newer one.
    const oldRow = insertRating(db, yearA.periodIds[0]!, person, deptA, 'good', '甲局的第一季度纪实');
    const newRow = insertRating(db, yearB.periodIds[0]!, person, deptB, 'average', '乙局的第一季度纪实');
    db.prepare('UPDATE period_rating SET updated_at = ? WHERE id = ?').run('2026-03-01T00:00:00.000Z', oldRow);
    db.prepare('UPDATE period_rating SET updated_at = ? WHERE id = ?').run('2026-04-01T00:00:00.000Z', newRow);

    const data = loadPackData(t.ctx, yearB.yearId);
    const printed = data.persons.find((p) => p.id === person)!;
    const q1 = printed.ratings.find((r) => r.periodId === yearB.periodIds[0]);
    expect(q1).toMatchObject({ id: newRow, rating: 'average', workRecord: '乙局的第一季度纪实' });

    // Swapped the other way round, the other row wins in both places.
    db.prepare('UPDATE period_rating SET updated_at = ? WHERE id = ?').run('2026-05-01T00:00:00.000Z', oldRow);
    const again = loadPackData(t.ctx, yearB.yearId).persons.find((p) => p.id === person)!;
    const q1again = again.ratings.find((r) => r.periodId === yearB.periodIds[0]);
    expect(q1again).toMatchObject({ id: oldRow, rating: 'good', workRecord: '甲局的第一季度纪实' });
  });
});
