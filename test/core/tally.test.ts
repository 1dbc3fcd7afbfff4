// 民主测评 tallies on a real store and real xlsx files: refused for a year whose settings do not
// enable the step; votes above the voters, a sum above them, and a word for a number each named by
// cell with nothing written; a clean file imports (audited), the workbench and the pack carry the
// votes, and only then does the notice name 民主测评.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeTx } from '../../electron/core/context';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { noticeBasis } from '../../shared/sheets/notice-list';
import { buildSummaryTable } from '../../shared/sheets/summary-table';
import { packFixture } from '../support/pack-fixtures';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, seedStore, writeXlsx, type SeededStore } from '../support/xlsx-fixtures';
import { apply, callOk, preview } from '../support/import-flow';

let t: TempCore;
let s: SeededStore;
beforeEach(() => {
  t = tempCore();
  s = seedStore(t.ctx, 2);
});
afterEach(() => t.cleanup());

const HEADER = ['人员编号', '姓名', '年度', '参加测评人数', '优秀票', '称职票', '基本称职票', '不称职票'];
const enable = () =>
  writeTx(t.ctx, () =>
    t.core.db
      .prepare('UPDATE assessment_year SET settings_json = ? WHERE id = ?')
      .run(JSON.stringify({ democraticAppraisal: true }), s.yearId),
  );
const file = (name: string, rows: unknown[][]) =>
  writeXlsx(join(t.dir, name), [{ name: '民主测评', rows: [['2026年度民主测评票数'], HEADER, ...rows] }]);
const p = (i: number) => [s.people[i]!.personNo, s.people[i]!.name, 2026];

describe('民主测评 tallies', () => {
  it('are refused for a year whose settings do not enable the step', async () => {
    const path = await file('未启用.xlsx', [[...p(0), 20, 12, 6, 2, 0]]);
    const before = dumpStore(t.core.db);
    const pv = await preview(t, 'tally', path);
    expect(pv.issues.map((i) => [i.row, i.header, i.problem])).toEqual([
      [3, '年度', '2026 年度未启用民主测评，请先在年度设置中启用“民主测评”后再导入票数'],
    ]);
    expect(dumpStore(t.core.db)).toBe(before);
  });

  it('names each bad cell: votes above the voters, a sum above them, a word for a number; nothing written', async () => {
    enable();
    const path = await file('有错.xlsx', [
      [...p(0), 20, 25, 0, 0, 0],
      [...p(1), 20, 12, 6, 3, 0],
      [...p(2), 20, '很多', 6, 2, 0],
      [...p(3), 0, 0, 0, 0, 0],
      [...p(4), 20, 10, 8, 2, 0],
    ]);
    const before = dumpStore(t.core.db);
    const pv = await preview(t, 'tally', path);
    expect(pv.issues.map((i) => [i.row, `${i.column}（${i.header}）`, i.problem])).toEqual([
      [3, 'E（优秀票）', '优秀票 25 超过参加测评人数 20'],
      [4, 'D（参加测评人数）', '四项票数合计 21 超过参加测评人数 20，请核对'],
      [5, 'E（优秀票）', '优秀票“很多”应为 0 或正整数'],
      [6, 'D（参加测评人数）', '参加测评人数应大于 0'],
    ]);
    const r = await apply(t, pv.previewId, 'all');
    expect(r.status).toBe('failed');
    expect(dumpStore(t.core.db)).toBe(before);
  });

  it('a clean file imports; the workbench, the committee’s table and the notice show the votes', async () => {
    enable();
    const rows = s.people.map((_, i) => [...p(i), 20, 10 - i, 8, 2, 0]);
    const pv = await preview(t, 'tally', await file('票数.xlsx', rows));
    expect(pv.issues).toEqual([]);
    expect(pv.summary).toMatchObject({ add: s.people.length });
    expect((await apply(t, pv.previewId, 'all')).status).toBe('done');
    const audit = t.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'tally.import'").get() as {
      n: number;
    };
    expect(audit.n).toBe(s.people.length);

    const wb = await callOk<{ rows: { person: { personNo: string }; tally: { excellent: number } | null }[] }>(
      t,
      'yearend.workbench',
      { yearId: s.yearId, limit: 500 },
    );
    const first = wb.rows.find((r) => r.person.personNo === s.people[0]!.personNo)!;
    expect(first.tally).toEqual({ voters: 20, excellent: 10, competent: 8, basic: 2, incompetent: 0 });

    const data = loadPackData(t.ctx, s.yearId);
    expect(data.persons.every((x) => x.tally)).toBe(true);
    const table = JSON.stringify(buildSummaryTable(data, data.persons, '某区发改委'));
    expect(table).toContain('民主测评优秀票/参评人数');
    expect(table).toContain('"10/20"');
    expect(noticeBasis(2026, data.persons, data.year.settings.democraticAppraisal)).toContain('民主测评');
  });
});

describe('the notice names 民主测评 only when the year enables it and every listed person has votes', () => {
  const tally = { voters: 20, excellent: 15, competent: 5, basic: 0, incompetent: 0 };
  it('is the rule', () => {
    const listed = packFixture({ persons: 3 }).persons.slice(0, 2);
    expect(noticeBasis(2026, listed)).not.toContain('民主测评');
    expect(noticeBasis(2026, listed, true)).not.toContain('民主测评');
    const withVotes = listed.map((x) => ({ ...x, tally }));
    expect(noticeBasis(2026, withVotes, false)).not.toContain('民主测评');
    expect(noticeBasis(2026, withVotes, true)).toMatch(/^经平时考核、民主测评/);
    expect(noticeBasis(2026, [withVotes[0]!, listed[1]!], true)).not.toContain('民主测评');
  });
});
