// The year dashboard on a fixture store: rated / missing per department and period, the missing
// list exactly, the 好 cap, evidence by kind, flagged people; the missing list's xlsx read back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { insertPerson, insertYear, smallAgency, type SmallAgency } from '../support/evidence-fixtures';
import { createEvidence, voidEvidence } from '../../electron/core/evidence/evidence-service';
import { yearDashboard } from '../../electron/core/progress/dashboard';
import { resolveYear } from '../../electron/core/progress/year-scope';
import { missingRows } from '../../electron/core/progress/missing';
import { dispatch } from '../../electron/core/api/dispatch';
import { type ScriptedDesktop } from '../../electron/core/desktop';
import type { DashboardDto, MissingRow } from '../../shared/api/evidence';

let t: TempCore;
let a: SmallAgency;
beforeEach(() => {
  t = tempCore();
  a = smallAgency(t.core.db);
});
afterEach(() => t.cleanup());

const NOW = new Date('2026-11-25T02:00:00Z');

function seedEvents() {
  const { zhang, li, wang, zhao } = a.people;
  createEvidence(t.ctx, { personId: li, kind: 'leave', subKind: '病假', date: '2026-01-05', endDate: '2026-06-13' }); // 160 days
  createEvidence(t.ctx, { personId: wang, kind: 'leave', subKind: '病假', date: '2025-12-01', endDate: '2026-05-31' }); // 151 in 2026
  createEvidence(t.ctx, { personId: wang, kind: 'leave', subKind: '事假', date: '2026-09-01', endDate: '2026-10-10' }); // +40 = 191
  createEvidence(t.ctx, { personId: zhao, kind: 'investigation', subKind: '立案审查调查', date: '2026-09-01' });
  createEvidence(t.ctx, { personId: zhao, kind: 'sanction', subKind: '警告', date: '2025-01-01', docNo: '旧' }); // ended 2025-06-30
  createEvidence(t.ctx, {
    personId: zhang,
    kind: 'sanction',
    subKind: '警告',
    date: '2026-08-01',
    docNo: '纪〔2026〕8号',
  });
  const v = createEvidence(t.ctx, { personId: li, kind: 'sanction', subKind: '记过', date: '2026-02-01', docNo: '错' });
  voidEvidence(t.ctx, v.id, '错录');
  createEvidence(t.ctx, { personId: zhang, kind: 'commendation', subKind: '嘉奖', date: '2026-03-01', docNo: '奖1' });
}

describe('year dashboard', () => {
  it('counts rated and missing per department and period, with the cap', () => {
    const d = yearDashboard(t.core.db, undefined, NOW);
    expect(d.year).toMatchObject({ id: a.year.yearId, year: 2026, unitName: '示例局' });
    expect(d.people).toBe(5);
    expect(d.periods.map((p) => p.state)).toEqual(['past', 'past', 'past', 'current']);
    expect(d.currentPeriodId).toBe(a.year.periodIds[3]);
    const grid = d.progress.map(
      (r) =>
        `${r.unitName}|${d.periods.find((p) => p.id === r.periodId)!.code}|${r.expected}/${r.rated}/${r.missing}/${r.good}`,
    );
    expect(grid).toEqual([
      '综合科|2026Q1|3/3/0/3',
      '综合科|2026Q2|3/1/2/1',
      '综合科|2026Q3|3/0/3/0',
      '综合科|2026Q4|3/0/3/0',
      '业务科|2026Q1|1/1/0/0',
      '业务科|2026Q2|1/0/1/0',
      '业务科|2026Q3|2/0/2/0',
      '业务科|2026Q4|2/0/2/0',
    ]);
    expect(d.ratedThisPeriod).toBe(0);
    expect(d.missingThisPeriod).toBe(5);
    expect(d.missingTotal).toBe(13);
    expect(d.missingPast).toBe(8); // Q2 2 + 1, Q3 3 + 2
    const q1a = d.goodCap.rows.find((r) => r.unitId === a.deptA && r.periodId === a.year.periodIds[0]);
    expect(q1a).toMatchObject({ good: 3, cap: 1, over: true });
    expect(d.goodCap.rows.find((r) => r.unitId === a.deptA && r.periodId === a.year.periodIds[1])).toMatchObject({
      good: 1,
      cap: 1,
      over: false,
    });
  });

  it('lists exactly who is missing what, department by department', async () => {
    const res = await dispatch(t.core, t.session, 'progress.missing', { yearId: a.year.yearId });
    expect(res.ok).toBe(true);
    const { rows, total } = (res as { value: { rows: MissingRow[]; total: number } }).value;
    expect(total).toBe(13);
    expect(rows.map((r) => `${r.unitName} ${r.periodCode} ${r.personNo} ${r.name}`)).toEqual([
      '综合科 2026Q2 A002 李四',
      '综合科 2026Q2 A003 王五',
      '综合科 2026Q3 A001 张三',
      '综合科 2026Q3 A002 李四',
      '综合科 2026Q3 A003 王五',
      '综合科 2026Q4 A001 张三',
      '综合科 2026Q4 A002 李四',
      '综合科 2026Q4 A003 王五',
      '业务科 2026Q2 B001 赵六',
      '业务科 2026Q3 B001 赵六',
      '业务科 2026Q3 B002 陈七',
      '业务科 2026Q4 B001 赵六',
      '业务科 2026Q4 B002 陈七',
    ]);
    const q3b = await dispatch(t.core, t.session, 'progress.missing', {
      yearId: a.year.yearId,
      periodId: a.year.periodIds[2],
      unitId: a.deptB,
    });
    expect(q3b).toMatchObject({ ok: true, value: { total: 2 } });
  });

  it("counts people where they were at each period's end, as the ratings grid does (left, moved)", () => {
    // left on 15 May: due in Q1 only
    insertPerson(t.core.db, {
      personNo: 'A009',
      name: '离职甲',
      unitId: a.deptA,
      status: 'left',
      leftDate: '2026-05-15',
    });
    // 李四 moved from 综合科 to 业务科 on 1 Aug: Q1, Q2 in 综合科; Q3, Q4 in 业务科
    t.core.db.prepare('UPDATE person SET unit_id = ? WHERE id = ?').run(a.deptB, a.people.li);
    t.core.db
      .prepare(
        `INSERT INTO person_move (id, person_id, from_unit_id, to_unit_id, move_date, created_at, created_by) VALUES ('m1', ?, ?, ?, '2026-08-01', 'x', 'x')`,
      )
      .run(a.people.li, a.deptA, a.deptB);
    const d = yearDashboard(t.core.db, a.year.yearId, NOW);
    expect(d.progress.filter((r) => r.unitId === a.deptA).map((r) => r.expected)).toEqual([4, 3, 2, 2]);
    expect(d.progress.filter((r) => r.unitId === a.deptB).map((r) => r.expected)).toEqual([1, 1, 3, 3]);
    const scope = resolveYear(t.core.db, a.year.yearId, NOW)!;
    const li = missingRows(t.core.db, scope)
      .filter((r) => r.name === '李四')
      .map((r) => `${r.periodCode}@${r.unitName}`);
    expect(li).toEqual(['2026Q2@综合科', '2026Q3@业务科', '2026Q4@业务科']);
  });

  it('flags long leave, open investigations, sanctions in force and probation; counts evidence by kind', () => {
    seedEvents();
    const d: DashboardDto = yearDashboard(t.core.db, a.year.yearId, NOW);
    expect(d.flags.map((f) => `${f.flag} ${f.name} ${f.detail}`)).toEqual([
      'leave_over 王五 病事假累计 191 天，超过 182 天',
      'leave_near 李四 病事假累计 160 天，接近 182 天',
      'investigation_open 赵六 2026-09-01 立案，尚未结案',
      'sanction_in_force 张三 警告，处分期 2026-08-01 至 2027-01-31',
      'probation 陈七 试用期至 2027-06-30',
    ]);
    expect(d.flagCounts).toEqual({
      leave_over: 1,
      leave_near: 1,
      investigation_open: 1,
      sanction_in_force: 1,
      probation: 1,
    });
    const kinds = Object.fromEntries(d.evidenceByKind.map((k) => [k.kind, `${k.active}/${k.voided}`]));
    // the 2025 警告 is outside the year; the voided 记过 counts as voided
    expect(kinds).toMatchObject({
      leave: '3/0',
      investigation: '1/0',
      sanction: '1/1',
      commendation: '1/0',
      transfer: '0/0',
    });
  });

  it('takes a past year as of its last day and shows nothing due for a future year', () => {
    const past = insertYear(t.core.db, a.agencyId, 2025);
    const d = yearDashboard(t.core.db, past.yearId, NOW);
    expect(d.asOf).toBe('2025-12-31');
    expect(d.periods.every((p) => p.state === 'past')).toBe(true);
    expect(d.missingPast).toBe(d.missingTotal);
    expect(d.missingTotal).toBe(4 * 4); // 陈七 was hired in 2026
    const future = insertYear(t.core.db, a.agencyId, 2027);
    const f = yearDashboard(t.core.db, future.yearId, NOW);
    expect(f.periods.every((p) => p.state === 'future')).toBe(true);
    expect([f.progress.length, f.missingTotal, f.currentPeriodId]).toEqual([0, 0, null]);
  });

  it('shows an empty dashboard when no year exists', () => {
    t.cleanup();
    t = tempCore();
    const d = yearDashboard(t.core.db, undefined, NOW);
    expect(d.year).toBeNull();
    expect(d.progress).toEqual([]);
  });
});

describe('missing list export', () => {
  it('writes the xlsx through a chosen path in a worker, and reads back row for row', async () => {
    const file = join(t.dir, '未评定名单.xlsx');
    const desktop = t.core.desktop as ScriptedDesktop;
    // a path the operator did not choose is refused
    const refused = await dispatch(t.core, t.session, 'progress.exportMissing', { yearId: a.year.yearId, path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    desktop.nextSave.push(file);
    await dispatch(t.core, t.session, 'desktop.pickSaveFile', {
      title: '导出',
      defaultName: '未评定名单.xlsx',
      filters: [],
    });
    const started = await dispatch(t.core, t.session, 'progress.exportMissing', { yearId: a.year.yearId, path: file });
    expect(started.ok).toBe(true);
    const job = await t.core.jobs.wait((started as { value: { id: string } }).value.id);
    expect(job).toMatchObject({ status: 'done', value: { rows: 13 } });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('未评定名单')!;
    expect(String(ws.getCell('A1').value)).toBe('示例局 2026 年度平时考核未评定名单（截至 2026-11-25）');
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['序号', '部门', '人员编号', '姓名', '考核期间', '状态']);
    expect(values(3)).toEqual([1, '综合科', 'A002', '李四', '2026Q2 第二季度', '未评定']);
    expect(values(15)).toEqual([13, '业务科', 'B002', '陈七', '2026Q4 第四季度', '未评定']);
    expect(ws.rowCount).toBe(15);
    const sum = wb.getWorksheet('按部门汇总')!;
    expect((sum.getRow(1).values as unknown[]).slice(1)).toEqual(['部门', '2026Q2', '2026Q3', '2026Q4', '合计']);
    expect((sum.getRow(2).values as unknown[]).slice(1)).toEqual(['综合科', 2, 3, 3, 8]);
    expect((sum.getRow(3).values as unknown[]).slice(1)).toEqual(['业务科', 1, 2, 2, 5]);
    // no formulas anywhere
    ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
  });
});
