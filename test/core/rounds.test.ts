// 报送期限 on a real store: deadlines per period with a department's own date over the default; who
// delivered each period when and how — typed in on the ratings page, the department's template
// imported, a 数据交换包 from the department's workstation — read from the audit log; overdue
// departments and the printed reminder list read back; bad dates and a decided year refused with
// nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, importFile, seedStore, writeXlsx, type SeededStore } from '../support/xlsx-fixtures';
import { callOk } from '../support/import-flow';
import { runInline } from '../support/inline-task';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { deliveryStatus } from '../../electron/core/rounds/delivery';
import { unitsInScope } from '../../electron/core/auth/scope';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';
import { daysBetween } from '../../shared/domain/dates';
import type { DeadlinesDto, DeliveryRow, DeliveryStatus } from '../../shared/api/rounds';
import type { ExchangePreview } from '../../shared/exchange/preview';

let office: TempCore;
let s: SeededStore;
beforeEach(() => {
  office = tempCore();
  s = seedStore(office.ctx, 3);
});
afterEach(() => office.cleanup());

const peopleOf = (dept: string, seeded = s) => seeded.people.filter((p) => p.unitId === seeded.departments[dept]);

async function setStandardDeadlines(): Promise<DeadlinesDto> {
  return callOk<DeadlinesDto>(office, 'rounds.setDeadlines', {
    yearId: s.yearId,
    periods: [
      {
        periodId: s.periods.Q1,
        defaultDue: '2026-04-10',
        departments: [{ unitId: s.departments['财务科'], due: '2026-04-20' }],
      },
      { periodId: s.periods.Q2, defaultDue: '2026-07-10' },
      { periodId: s.periods.Q3, defaultDue: '2026-10-10' },
    ],
  });
}

const row = (st: DeliveryStatus, dept: string, code: string): DeliveryRow =>
  st.rows.find((r) => r.unitName === dept && r.periodCode === code)!;

describe('rounds with deadlines', () => {
  it('keeps a default per period and a department’s own date, audited', async () => {
    const d = await setStandardDeadlines();
    const q1 = d.periods.find((p) => p.code === '2026Q1')!;
    expect(q1.defaultDue).toBe('2026-04-10');
    expect(q1.departments.map((x) => `${x.unitName}:${x.due ?? '-'}`)).toEqual([
      '办公室:-',
      '规划科:-',
      '财务科:2026-04-20',
    ]);
    expect(d.periods.find((p) => p.code === '2026Q4')!.defaultDue).toBeNull();
    const audit = office.core.db
      .prepare("SELECT entity_id, after_json FROM audit_log WHERE action = 'rounds.deadlines.save'")
      .all() as { entity_id: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(s.yearId);
    expect(JSON.parse(audit[0]!.after_json)[0]).toEqual({
      period: '2026Q1',
      defaultDue: '2026-04-10',
      departments: [{ unit: '财务科', due: '2026-04-20' }],
    });
    // replacing Q1 alone: its department date goes, Q2 keeps its own
    await callOk(office, 'rounds.setDeadlines', {
      yearId: s.yearId,
      periods: [{ periodId: s.periods.Q1, defaultDue: '2026-04-15' }],
    });
    const again = await callOk<DeadlinesDto>(office, 'rounds.deadlines', { yearId: s.yearId });
    expect(again.periods[0]!.departments.every((x) => x.due === null)).toBe(true);
    expect(again.periods[0]!.defaultDue).toBe('2026-04-15');
    expect(again.periods[1]!.defaultDue).toBe('2026-07-10');
  });

  it('says who delivered when and how: typed in, template, bundle; and who is overdue', async () => {
    await setStandardDeadlines();
    // 办公室 types its Q1 ratings in (the ratings page's paste)
    const typed = await dispatch(office.core, office.session, 'ratings.saveBatch', {
      rows: peopleOf('办公室').map((p) => ({ periodId: s.periods.Q1, personId: p.id, rating: 'fair' })),
    });
    expect(typed.ok, JSON.stringify(typed)).toBe(true);
    // 规划科 sends its filled template
    const file = join(office.dir, '规划科-2026Q1.xlsx');
    await writeXlsx(file, [
      {
        rows: [
          ['人员编号', '姓名', '期间', '工作纪实', '等次', '评语', '评价人'],
          ...peopleOf('规划科').map((p) => [p.personNo, p.name, '2026Q1', '按时完成', '较好', '', '科长']),
        ],
      },
    ]);
    await importFile(office.ctx, 'ratings', file, 'all', { periodId: s.periods.Q1 });
    // 财务科 keeps its own store and sends a 数据交换包 up
    const dept = tempCore();
    try {
      const sd = seedStore(dept.ctx, 3);
      ensureWorkstation(dept.ctx, '财务科工作站');
      saveRatingsBatch(
        dept.ctx,
        peopleOf('财务科', sd).map((p) => ({ periodId: sd.periods.Q1!, personId: p.id, rating: 'good' })),
      );
      const bundle = join(dept.dir, '财务科-2026Q1.dax');
      await runInline(dept, 'exchange.export', {
        direction: 'up',
        unitId: sd.departments['财务科'],
        yearId: sd.yearId,
        periodIds: [sd.periods.Q1],
        path: bundle,
        workstation: ensureWorkstation(dept.ctx),
        appVersion: dept.core.appVersion,
      });
      ensureWorkstation(office.ctx);
      const p = await runInline<ExchangePreview>(office, 'exchange.preview', { path: bundle, previewId: 'x' });
      await runInline(office, 'exchange.apply', { path: bundle, expectedSha256: p.bundle.sha256, choices: [] });
    } finally {
      dept.cleanup();
    }
    // Q2: 办公室 rates two of three, nobody else anything
    saveRatingsBatch(
      office.ctx,
      peopleOf('办公室')
        .slice(0, 2)
        .map((p) => ({ periodId: s.periods.Q2!, personId: p.id, rating: 'fair' })),
      { source: 'grid' },
    );

    const st = await callOk<DeliveryStatus>(office, 'rounds.status', { yearId: s.yearId });
    expect(st.asOf).toBe('2026-11-25');
    const a = row(st, '办公室', '2026Q1');
    expect(a).toMatchObject({
      delivered: true,
      via: 'typed',
      deliveredBy: '命令行工具',
      due: '2026-04-10',
      late: true,
    });
    expect(a.byVia).toEqual({ template: 0, bundle: 0, typed: 3, other: 0 });
    expect(a.deliveredOn).toBe('2026-11-25');
    const b = row(st, '规划科', '2026Q1');
    expect(b).toMatchObject({ delivered: true, via: 'template', viaDetail: '规划科-2026Q1.xlsx' });
    expect(b.byVia.template).toBe(3);
    const c = row(st, '财务科', '2026Q1');
    expect(c).toMatchObject({ delivered: true, via: 'bundle', due: '2026-04-20', overdue: false });
    expect(c.viaDetail).toBe('财务科工作站：财务科-2026Q1.dax');
    expect(c.byVia.bundle).toBe(3);

    const q2 = row(st, '办公室', '2026Q2');
    expect(q2).toMatchObject({ delivered: false, expected: 3, rated: 2, missing: 1, overdue: true, via: null });
    expect(q2.daysOverdue).toBe(daysBetween('2026-07-10', '2026-11-25'));
    // Q4 (current) has no due date: not overdue; every Q2 and Q3 row is
    expect(row(st, '办公室', '2026Q4').overdue).toBe(false);
    expect(st.rows.filter((r) => r.overdue).map((r) => `${r.unitName}${r.periodCode}`)).toEqual([
      '办公室2026Q2',
      '办公室2026Q3',
      '规划科2026Q2',
      '规划科2026Q3',
      '财务科2026Q2',
      '财务科2026Q3',
    ]);
    expect(st.overdue).toBe(6);
    expect(st.delivered).toBe(3);

    // the reminder list, read back: A4 portrait, one page wide, header repeated, one row per overdue
    const out = join(office.dir, '催报清单.xlsx');
    grantPath(office.session, out);
    const written = await callOk<{ rows: number }>(office, 'rounds.exportReminders', { yearId: s.yearId, path: out });
    expect(written.rows).toBe(6);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('催报清单')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(String(ws.getCell(1, 1).value)).toBe('某区发改委 2026 年度平时考核催报清单');
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '部门',
      '考核期间',
      '报送期限',
      '逾期天数',
      '应评',
      '已评',
      '未评',
      '未评定人员',
      '催报情况',
    ]);
    const first = ws.getRow(4).values as unknown[];
    // the longest overdue first: Q2 (due 07-10); 办公室 misses its third person only
    expect(first.slice(1, 10)).toEqual([
      1,
      '办公室',
      '第二季度（2026Q2）',
      '2026-07-10',
      daysBetween('2026-07-10', '2026-11-25'),
      3,
      2,
      1,
      peopleOf('办公室')[2]!.name,
    ]);
    expect(ws.rowCount).toBe(3 + 6);
  });

  it('refuses bad dates and a decided year, naming the field, with nothing written', async () => {
    await setStandardDeadlines();
    const before = dumpStore(office.core.db);
    const early = await dispatch(office.core, office.session, 'rounds.setDeadlines', {
      yearId: s.yearId,
      periods: [{ periodId: s.periods.Q2, defaultDue: '2026-03-01' }],
    });
    expect(early.ok).toBe(false);
    if (!early.ok)
      expect(early.error.message).toBe(
        '第二季度（各部门默认）的报送期限 2026-03-01 早于该期间开始（2026-04-01），请改为期间开始之后的日期。',
      );
    const notOurs = await dispatch(office.core, office.session, 'rounds.setDeadlines', {
      yearId: s.yearId,
      periods: [{ periodId: s.periods.Q2, defaultDue: null, departments: [{ unitId: s.agencyId, due: '2026-07-01' }] }],
    });
    expect(!notOurs.ok && notOurs.error.message).toBe('第二季度第 1 个部门不是本单位的部门，请刷新页面后重新选择。');
    const badDate = await dispatch(office.core, office.session, 'rounds.setDeadlines', {
      yearId: s.yearId,
      periods: [{ periodId: s.periods.Q2, defaultDue: '2026-02-30' }],
    });
    expect(!badDate.ok && badDate.error.code).toBe('INVALID_INPUT');
    expect(dumpStore(office.core.db)).toBe(before);

    office.core.db.prepare("UPDATE assessment_year SET stage = 'final' WHERE id = ?").run(s.yearId);
    const afterFinal = dumpStore(office.core.db);
    const locked = await dispatch(office.core, office.session, 'rounds.setDeadlines', {
      yearId: s.yearId,
      periods: [{ periodId: s.periods.Q2, defaultDue: '2026-07-20' }],
    });
    expect(!locked.ok && locked.error.code).toBe('LOCKED');
    expect(!locked.ok && locked.error.message).toMatch(/年度设置已锁定/);
    // and the store itself refuses a write that goes round the service
    expect(() =>
      office.core.db.prepare("UPDATE period_deadline SET due_on = '2026-07-30' WHERE unit_id = ''").run(),
    ).toThrow(/报送期限不能再修改/);
    expect(dumpStore(office.core.db)).toBe(afterFinal);
    const read = await callOk<DeadlinesDto>(office, 'rounds.deadlines', { yearId: s.yearId });
    expect(read.locked).toBe(true);
  });

  it("a department's rater sees only their own department's deliveries", async () => {
    await setStandardDeadlines();
    const rater = {
      ...office.ctx,
      operator: {
        id: 'r',
        username: 'r',
        displayName: '规划科评价人',
        role: 'rater' as const,
        unitScope: [s.departments['规划科']!],
      },
    };
    const st = deliveryStatus(office.core.db, s.yearId, office.core.now(), unitsInScope(rater));
    expect([...new Set(st.rows.map((r) => r.unitName))]).toEqual(['规划科']);
    expect(st.overdue).toBe(3); // Q1, Q2, Q3 all past due, nothing rated
  });
});
