// A roster import that moves someone records the move on the date the file gives (调动日期), never
// "today"; a missing or impossible date is refused on its cell and nothing is written. A ratings file
// for earlier periods then lands in the department the person was in at each period's end, or names
// the cell it cannot place. Real store, real xlsx files, through the import jobs.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, RATINGS_HEADER, seedStore, writeXlsx, type SeededStore } from '../support/xlsx-fixtures';
import { apply, preview } from '../support/import-flow';

let t: TempCore;
let s: SeededStore;
beforeEach(() => {
  t = tempCore(); // today is 2026-11-25
  s = seedStore(t.ctx, 2); // P0001 P0002 办公室 · P0003 P0004 规划科 · P0005 P0006 财务科, hired 2020-01-01
});
afterEach(() => t.cleanup());

const MOVE_HEADER = ['人员编号', '姓名', '部门', '人员类别', '调动日期'];

async function rosterFile(name: string, rows: unknown[][]): Promise<string> {
  const path = join(t.dir, name);
  await writeXlsx(path, [{ name: '名册', rows }]);
  return path;
}

const moves = () =>
  t.core.db
    .prepare(
      'SELECT p.person_no AS no, u.name AS toName, m.move_date AS date, m.reason FROM person_move m JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = m.to_unit_id ORDER BY m.move_date',
    )
    .all();

async function expectRefused(path: string, cell: { header: string; column: string; problem: RegExp }) {
  const p = await preview(t, 'roster', path);
  expect(p.issues).toHaveLength(1);
  expect(p.issues[0]).toMatchObject({ header: cell.header, column: cell.column, row: 2 });
  expect(p.issues[0]!.problem).toMatch(cell.problem);
  const before = dumpStore(t.core.db);
  const r = await apply(t, p.previewId, 'all');
  expect(r.status).toBe('failed');
  expect(dumpStore(t.core.db)).toBe(before);
}

describe('roster import: a department move is dated by the file', () => {
  it('no 调动日期 column: refused on the 部门 cell, saying to add the column; nothing written', async () => {
    const path = await rosterFile('no-column.xlsx', [
      ['人员编号', '姓名', '部门', '人员类别'],
      ['P0001', '张伟', '财务科', '公务员'],
    ]);
    await expectRefused(path, {
      header: '部门',
      column: 'C',
      problem: /张伟（P0001）的部门由“办公室”改为“财务科”，是一次调动，须注明调动日期：请在表中加一列“调动日期”/,
    });
  }, 180_000);

  it('a blank, future, pre-hire or impossible date is refused on each 调动日期 cell; nothing written', async () => {
    const path = await rosterFile('bad-dates.xlsx', [
      MOVE_HEADER,
      ['P0001', '张伟', '财务科', '公务员', ''],
      ['P0002', '王芳', '财务科', '公务员', '2026-12-01'],
      ['P0003', '李娜', '财务科', '事业', '2019-05-01'],
      ['P0004', '刘洋', '财务科', '公务员', '2026-13-01'],
    ]);
    const p = await preview(t, 'roster', path);
    expect(p.issues.map((i) => [i.row, i.header, i.column])).toEqual([
      [2, '调动日期', 'E'],
      [3, '调动日期', 'E'],
      [4, '调动日期', 'E'],
      [5, '调动日期', 'E'],
    ]);
    const problems = p.issues.map((i) => i.problem);
    expect(problems[0]).toMatch(
      /张伟（P0001）的部门由“办公室”改为“财务科”，是一次调动，请填写调动日期（到新部门的第一天/,
    );
    expect(problems[1]).toBe('调动日期 2026-12-01 晚于今天（2026-11-25），请在调动生效后再导入');
    expect(problems[2]).toBe('调动日期 2019-05-01 早于入职日期 2020-01-01');
    expect(problems[3]).toMatch(/2026-13-01/);
    const before = dumpStore(t.core.db);
    expect((await apply(t, p.previewId, 'all')).status).toBe('failed');
    expect(dumpStore(t.core.db)).toBe(before);
    expect(moves()).toEqual([]);
  }, 180_000);

  it('records the move on the date given, audited with it; a later file cannot date one before it', async () => {
    const path = await rosterFile('move.xlsx', [
      MOVE_HEADER,
      ['P0001', '张伟', '财务科', '公务员', '2026-07-01'],
      // same department: the date is not a move and changes nothing
      ['P0003', '李娜', '规划科', '事业', '2026-05-01'],
    ]);
    const p = await preview(t, 'roster', path);
    expect(p.issues).toEqual([]);
    expect(p.changes.find((c) => c.personNo === 'P0001')?.fields).toEqual(
      expect.arrayContaining([
        { field: '部门', before: '办公室', after: '财务科' },
        { field: '调动日期', before: '', after: '2026-07-01' },
      ]),
    );
    expect((await apply(t, p.previewId, 'all')).status).toBe('done');
    expect(moves()).toEqual([{ no: 'P0001', toName: '财务科', date: '2026-07-01', reason: '名册导入调整部门' }]);
    const audit = t.core.db
      .prepare("SELECT after_json FROM audit_log WHERE action = 'person.update' AND reason = '名册导入'")
      .get() as { after_json: string };
    expect(JSON.parse(audit.after_json)).toMatchObject({ unit_id: s.departments['财务科'], move_date: '2026-07-01' });

    const back = await rosterFile('back.xlsx', [MOVE_HEADER, ['P0001', '张伟', '办公室', '公务员', '2026-06-01']]);
    await expectRefused(back, { header: '调动日期', column: 'E', problem: /应晚于上一次调动（2026-07-01）/ });
  }, 180_000);
});

describe('ratings import for earlier periods after a dated move', () => {
  it('lands each period in the department of its last day, and names the cell of a person not hired yet', async () => {
    const roster = await rosterFile('move.xlsx', [
      ['人员编号', '姓名', '部门', '人员类别', '入职日期', '调动日期'],
      ['P0001', '张伟', '财务科', '公务员', '', '2026-07-01'],
      ['P0100', '孙新', '规划科', '公务员', '2026-05-06', ''],
    ]);
    const r = await preview(t, 'roster', roster);
    expect(r.issues).toEqual([]);
    await apply(t, r.previewId, 'all');

    const path = join(t.dir, 'ratings.xlsx');
    await writeXlsx(path, [
      {
        rows: [
          RATINGS_HEADER,
          ['P0001', '张伟', '2026Q1', '完成一季度预算编制', '好', '', ''],
          ['P0001', '张伟', '2026Q2', '完成二季度预算执行分析', '较好', '', ''],
          ['P0001', '张伟', '2026Q3', '完成三季度财务审核', '好', '', ''],
          ['P0100', '孙新', '2026Q1', '（未入职）', '一般', '', ''],
          ['P0100', '孙新', '2026Q2', '熟悉规划业务', '较好', '', ''],
        ],
      },
    ]);
    const p = await preview(t, 'ratings', path);
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ row: 5, header: '期间', column: 'C' });
    expect(p.issues[0]!.problem).toBe(
      '孙新（P0100）于 2026-05-06 入职，2026Q1（截至 2026-03-31）时尚未入职，不能录入该期平时考核',
    );
    const before = dumpStore(t.core.db);
    expect((await apply(t, p.previewId, 'all')).status).toBe('failed');
    expect(dumpStore(t.core.db)).toBe(before);
    expect((await apply(t, p.previewId, 'clean')).value).toMatchObject({ added: 4 });
    const placed = t.core.db
      .prepare(
        `SELECT p.person_no AS no, pe.code, u.name AS dept FROM period_rating r JOIN person p ON p.id = r.person_id
         JOIN period pe ON pe.id = r.period_id JOIN unit u ON u.id = r.unit_id ORDER BY p.person_no, pe.code`,
      )
      .all();
    expect(placed).toEqual([
      { no: 'P0001', code: '2026Q1', dept: '办公室' },
      { no: 'P0001', code: '2026Q2', dept: '办公室' },
      { no: 'P0001', code: '2026Q3', dept: '财务科' },
      { no: 'P0100', code: '2026Q2', dept: '规划科' },
    ]);
  }, 180_000);
});
