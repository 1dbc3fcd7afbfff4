// The evidence service on a real store: record, edit, void (kept, audited), the locked year, the
// batch's all-or-nothing, the list's filters and the per-person timeline's order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/temp-core';
import {
  insertRating,
  insertUnit,
  setYearStage,
  smallAgency,
  insertYear,
  type SmallAgency,
} from '../support/evidence-fixtures';
import {
  createEvidence,
  createEvidenceBatch,
  updateEvidence,
  voidEvidence,
} from '../../electron/core/evidence/evidence-service';
import { listEvidence } from '../../electron/core/evidence/evidence-query';
import { personTimeline } from '../../electron/core/evidence/timeline';
import { dispatch } from '../../electron/core/api/dispatch';
import { writeTx } from '../../electron/core/context';
import { unitsInScope } from '../../electron/core/auth/scope';
import { yearDashboard } from '../../electron/core/progress/dashboard';
import { AppError } from '../../shared/result';
import { addDays, daysBetween } from '../../shared/domain/dates';
import { sumLeaveDaysInYear } from '../../shared/evidence/leave';
import { personLeaveDays } from '../../electron/core/evidence/leave-sql';

let t: TempCore;
let a: SmallAgency;
beforeEach(() => {
  t = tempCore();
  a = smallAgency(t.core.db);
});
afterEach(() => t.cleanup());

const count = (sql: string, ...p: unknown[]) => (t.core.db.prepare(sql).get(...p) as { n: number }).n;
const audits = (id: string) =>
  t.core.db
    .prepare("SELECT action, reason FROM audit_log WHERE entity = 'evidence' AND entity_id = ? ORDER BY seq")
    .all(id) as { action: string; reason: string }[];

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('evidence service', () => {
  it('records a 警告 with its computed period and an audit row', () => {
    const v = createEvidence(t.ctx, {
      personId: a.people.zhang,
      kind: 'sanction',
      subKind: '警告',
      date: '2026-03-15',
      docNo: '纪发〔2026〕3号',
    });
    expect(v).toMatchObject({
      personNo: 'A001',
      personName: '张三',
      unitName: '综合科',
      status: 'active',
      effectPeriod: { start: '2026-03-15', end: '2026-09-14', months: 6 },
    });
    expect(audits(v.id)).toEqual([{ action: 'evidence.create', reason: '' }]);
  });

  it('takes the sanction months from the year of the effective date', () => {
    t.cleanup();
    t = tempCore();
    a = smallAgency(t.core.db, { sanctionMonths: { 警告: 3 } });
    const v = createEvidence(t.ctx, {
      personId: a.people.li,
      kind: 'sanction',
      subKind: '警告',
      date: '2026-03-15',
      docNo: 'x',
    });
    expect(v.effectPeriod?.end).toBe('2026-06-14');
    // 2025 has no year of its own: the defaults apply
    const w = createEvidence(t.ctx, {
      personId: a.people.li,
      kind: 'sanction',
      subKind: '警告',
      date: '2025-03-15',
      docNo: 'y',
    });
    expect(w.effectPeriod?.end).toBe('2025-09-14');
  });

  it('voids without deleting: the row, its reason and both audit rows stay', () => {
    const v = createEvidence(t.ctx, {
      personId: a.people.zhang,
      kind: 'commendation',
      subKind: '嘉奖',
      date: '2026-05-01',
      docNo: '奖〔2026〕1号',
    });
    const voided = voidEvidence(t.ctx, v.id, '录入错误，重复记录');
    expect(voided).toMatchObject({ status: 'voided', voidReason: '录入错误，重复记录' });
    expect(count('SELECT COUNT(*) AS n FROM evidence WHERE id = ?', v.id)).toBe(1);
    expect(audits(v.id)).toEqual([
      { action: 'evidence.create', reason: '' },
      { action: 'evidence.void', reason: '录入错误，重复记录' },
    ]);
    expect(thrown(() => voidEvidence(t.ctx, v.id, '再次')).code).toBe('CONFLICT');
    expect(thrown(() => voidEvidence(t.ctx, v.id, '  ')).code).toBe('INVALID_INPUT');
    expect(
      thrown(() =>
        updateEvidence(t.ctx, v.id, {
          personId: a.people.zhang,
          kind: 'commendation',
          subKind: '嘉奖',
          date: '2026-05-01',
          docNo: 'z',
        }),
      ).code,
    ).toBe('CONFLICT');
    // still listed (struck through in the UI), but not among active ones
    expect(listEvidence(t.core.db, { status: 'all' }).items.map((i) => i.id)).toContain(v.id);
    expect(listEvidence(t.core.db, { status: 'active' }).items.map((i) => i.id)).not.toContain(v.id);
  });

  it('edits with a before/after audit and refuses a stale edit', () => {
    const v = createEvidence(t.ctx, {
      personId: a.people.li,
      kind: 'leave',
      subKind: '病假',
      date: '2026-03-02',
      endDate: '2026-03-06',
    });
    expect(v.days).toBe(5);
    const e = updateEvidence(
      t.ctx,
      v.id,
      { personId: a.people.li, kind: 'leave', subKind: '病假', date: '2026-03-02', endDate: '2026-03-13', days: 10 },
      { expectedUpdatedAt: v.updatedAt },
    );
    expect(e).toMatchObject({ days: 10, endDate: '2026-03-13', yearLeaveTotal: 10 });
    expect(
      thrown(() =>
        updateEvidence(
          t.ctx,
          v.id,
          { personId: a.people.li, kind: 'leave', subKind: '病假', date: '2026-03-02', endDate: '2026-03-03' },
          { expectedUpdatedAt: 'old' },
        ),
      ).code,
    ).toBe('CONFLICT');
    const row = t.core.db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'evidence.update'")
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(row.before_json)).toMatchObject({ days: 5 });
    expect(JSON.parse(row.after_json)).toMatchObject({ days: 10 });
  });

  it('names the field of a bad input and writes nothing', () => {
    const before = count('SELECT COUNT(*) AS n FROM audit_log');
    const e = thrown(() =>
      createEvidence(t.ctx, { personId: a.people.li, kind: 'sanction', subKind: '警告', date: '2026-03-15' }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('文号：请填写处分决定文号');
    expect(e.details).toEqual({ issues: [{ field: 'docNo', message: '请填写处分决定文号' }] });
    expect(
      thrown(() =>
        createEvidence(t.ctx, { personId: 'nobody', kind: 'org_handling', subKind: '诫勉', date: '2026-03-15' }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(count('SELECT COUNT(*) AS n FROM evidence')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM audit_log')).toBe(before);
  });

  it('refuses writes dated in a final or archived year (LOCKED) and leaves the store unchanged', () => {
    const v = createEvidence(t.ctx, {
      personId: a.people.wang,
      kind: 'org_handling',
      subKind: '诫勉',
      date: '2026-04-01',
    });
    setYearStage(t.core.db, a.year.yearId, 'final');
    const e = thrown(() =>
      createEvidence(t.ctx, { personId: a.people.wang, kind: 'org_handling', subKind: '诫勉', date: '2026-06-01' }),
    );
    expect(e.code).toBe('LOCKED');
    expect(e.message).toContain('2026 年度考核已定档');
    expect(thrown(() => voidEvidence(t.ctx, v.id, '更正')).code).toBe('LOCKED');
    // a leave that reaches into the final year is refused too
    expect(
      thrown(() =>
        createEvidence(t.ctx, {
          personId: a.people.wang,
          kind: 'leave',
          subKind: '事假',
          date: '2025-12-28',
          endDate: '2026-01-03',
        }),
      ).code,
    ).toBe('LOCKED');
    // 2027 is open
    createEvidence(t.ctx, { personId: a.people.wang, kind: 'org_handling', subKind: '诫勉', date: '2027-02-01' });
    setYearStage(t.core.db, a.year.yearId, 'archived');
    expect(
      thrown(() =>
        updateEvidence(t.ctx, v.id, {
          personId: a.people.wang,
          kind: 'org_handling',
          subKind: '诫勉',
          date: '2027-04-01',
        }),
      ).code,
    ).toBe('LOCKED');
    // the redress path may: inside its transaction the year is marked in yearend_unlock
    const redress = writeTx(t.ctx, () => {
      t.core.db.prepare('INSERT INTO yearend_unlock (year_id) VALUES (?)').run(a.year.yearId);
      const r = voidEvidence(t.ctx, v.id, '申诉改正');
      t.core.db.prepare('DELETE FROM yearend_unlock WHERE year_id = ?').run(a.year.yearId);
      return r;
    });
    expect(redress.status).toBe('voided');
    expect(count('SELECT COUNT(*) AS n FROM evidence')).toBe(2);
  });

  it('records a batch in one transaction, or nothing when one item is bad', () => {
    const good = {
      personId: a.people.zhao,
      kind: 'work',
      subKind: '重点任务',
      date: '2026-02-01',
      description: '牵头完成',
    };
    const bad = { personId: a.people.zhao, kind: 'leave', subKind: '病假', date: '2026-03-10', endDate: '2026-03-01' };
    const e = thrown(() => createEvidenceBatch(t.ctx, [good, good, bad]));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('第 3 条：截止日期：截止日期不能早于开始日期');
    expect(count('SELECT COUNT(*) AS n FROM evidence')).toBe(0);
    // an unknown person at the end rolls back the rows before it
    expect(thrown(() => createEvidenceBatch(t.ctx, [good, { ...good, personId: 'ghost' }])).message).toContain(
      '第 2 条',
    );
    expect(count('SELECT COUNT(*) AS n FROM evidence')).toBe(0);
    const ids = createEvidenceBatch(t.ctx, [good, good], { audit: 'batch', reason: '导入 evidence.xlsx' });
    expect(ids).toHaveLength(2);
    expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evidence.create_batch'")).toBe(1);
  });

  it("links a heavier investigation outcome only to the same person's sanction", () => {
    const s = createEvidence(t.ctx, {
      personId: a.people.zhang,
      kind: 'sanction',
      subKind: '记过',
      date: '2026-08-01',
      docNo: 'x',
    });
    const inv = {
      personId: a.people.zhang,
      kind: 'investigation',
      subKind: '立案审查调查',
      date: '2026-05-01',
      endDate: '2026-07-30',
      closingOutcome: 'heavier',
      linkedEvidenceId: s.id,
    };
    expect(createEvidence(t.ctx, inv).investigationState).toBe('closed');
    const e = thrown(() => createEvidence(t.ctx, { ...inv, personId: a.people.li }));
    expect(e.details).toEqual({
      issues: [{ field: 'linkedEvidenceId', message: '关联的应是同一人员的处分或党纪处分记录' }],
    });
  });
});

describe('evidence list', () => {
  it('filters by kind, department, date range, status and name or 人员编号', () => {
    createEvidence(t.ctx, {
      personId: a.people.zhang,
      kind: 'commendation',
      subKind: '嘉奖',
      date: '2026-02-01',
      docNo: '1',
    });
    createEvidence(t.ctx, {
      personId: a.people.zhao,
      kind: 'commendation',
      subKind: '通报表扬',
      date: '2026-06-01',
      docNo: '2',
    });
    createEvidence(t.ctx, {
      personId: a.people.zhao,
      kind: 'leave',
      subKind: '事假',
      date: '2025-12-20',
      endDate: '2026-01-10',
    });
    createEvidence(t.ctx, { personId: a.people.li, kind: 'org_handling', subKind: '诫勉', date: '2025-06-01' });
    const names = (f: Parameters<typeof listEvidence>[1]) =>
      listEvidence(t.core.db, f).items.map((i) => `${i.personName}/${i.subKind}`);
    expect(names({ kind: 'commendation' })).toEqual(['赵六/通报表扬', '张三/嘉奖']);
    expect(names({ unitId: a.deptB })).toEqual(['赵六/通报表扬', '赵六/事假']);
    expect(names({ unitId: a.agencyId })).toHaveLength(4);
    expect(names({ year: 2026 })).toEqual(['赵六/通报表扬', '张三/嘉奖', '赵六/事假']);
    expect(names({ from: '2026-03-01', to: '2026-12-31' })).toEqual(['赵六/通报表扬']);
    expect(names({ search: 'B001' })).toEqual(['赵六/通报表扬', '赵六/事假']);
    expect(names({ search: '李' })).toEqual(['李四/诫勉']);
    expect(names({ search: '%' })).toEqual([]);
    const leave = listEvidence(t.core.db, { year: 2026, kind: 'leave' }).items[0];
    expect(leave).toMatchObject({ days: 22, yearLeaveTotal: 10 });
    expect(listEvidence(t.core.db, { year: 2025, kind: 'leave' }).items[0]?.yearLeaveTotal).toBe(12);
    expect(listEvidence(t.core.db, { limit: 2, offset: 0 })).toMatchObject({ total: 4 });
  });
});

describe('leave sums', () => {
  it('the SQL sum per year equals the pure sum, for leaves across year ends and imported ones without an end date', () => {
    const leaves: { date: string; endDate: string | null; days: number }[] = [];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 60; i++) {
      const start = addDays('2025-10-01', rnd(500));
      const end = addDays(start, rnd(40));
      const span = daysBetween(start, end) + 1;
      const days = rnd(3) === 0 ? Math.max(0.5, Math.round(span * 0.7 * 2) / 2) : null;
      const v = createEvidence(t.ctx, {
        personId: a.people.zhao,
        kind: 'leave',
        subKind: i % 2 ? '病假' : '事假',
        date: start,
        endDate: end,
        days,
      });
      leaves.push({ date: start, endDate: end, days: v.days! });
    }
    // as the spreadsheet import stores a leave given only in days
    t.core.db
      .prepare(
        `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, recorded_by, created_at, updated_at, updated_by) VALUES ('imp1', ?, 'leave', '病假', '2026-04-01', NULL, 12, 'x', 'x', 'x', 'x')`,
      )
      .run(a.people.zhao);
    leaves.push({ date: '2026-04-01', endDate: null, days: 12 });
    for (const y of [2025, 2026, 2027]) {
      expect(personLeaveDays(t.core.db, a.people.zhao, y)).toBeCloseTo(sumLeaveDaysInYear(leaves, y), 1);
    }
    expect(sumLeaveDaysInYear(leaves, 2026)).toBeGreaterThan(100);
  });
});

describe('person timeline', () => {
  it('puts period ratings and evidence in date order, voided items included', () => {
    const z = a.people.zhang;
    createEvidence(t.ctx, {
      personId: z,
      kind: 'work',
      subKind: '重点任务',
      date: '2026-03-31',
      description: '季度末完成',
    });
    const v = createEvidence(t.ctx, {
      personId: z,
      kind: 'commendation',
      subKind: '嘉奖',
      date: '2026-05-10',
      docNo: '1',
    });
    voidEvidence(t.ctx, v.id, '错录');
    createEvidence(t.ctx, { personId: z, kind: 'sanction', subKind: '记大过', date: '2025-10-01', docNo: '2' }); // in force into 2026
    createEvidence(t.ctx, { personId: z, kind: 'org_handling', subKind: '诫勉', date: '2024-01-01' }); // not in 2026
    createEvidence(t.ctx, { personId: z, kind: 'leave', subKind: '病假', date: '2026-12-28', endDate: '2027-01-04' });
    const tl = personTimeline(t.ctx, z, 2026);
    const lines = tl.entries.map((e) =>
      e.type === 'rating'
        ? `${e.date} ${e.periodCode} ${e.rating ?? '未评'}`
        : `${e.date} ${e.item.subKind}${e.item.status === 'voided' ? '(作废)' : ''}`,
    );
    expect(lines).toEqual([
      '2025-10-01 记大过',
      '2026-03-31 重点任务',
      '2026-03-31 2026Q1 good',
      '2026-05-10 嘉奖(作废)',
      '2026-06-30 2026Q2 good',
      '2026-09-30 2026Q3 未评',
      '2026-12-28 病假',
      '2026-12-31 2026Q4 未评',
    ]);
    expect(tl.leaveDays).toBe(4);
    expect(tl.assessmentYear).toMatchObject({ id: a.year.yearId, stage: 'collecting' });
  });

  it("carries quarters rated in another agency's year after a transfer", () => {
    const other = insertUnit(t.core.db, '另一局', null);
    const otherDept = insertUnit(t.core.db, '办公室', other);
    const theirs = insertYear(t.core.db, other, 2026);
    insertRating(t.core.db, theirs.periodIds[2]!, a.people.li, otherDept, 'fair');
    // 李四 moves to 另一局 mid-year: its quarters show, with his Q1 rating from 示例局 carried along in place of its unrated Q1
    t.core.db.prepare('UPDATE person SET unit_id = ? WHERE id = ?').run(otherDept, a.people.li);
    const ratings = personTimeline(t.ctx, a.people.li, 2026).entries.filter((e) => e.type === 'rating');
    expect(ratings.map((e) => `${e.periodCode}:${e.rating ?? '-'}`)).toEqual([
      '2026Q1:good',
      '2026Q2:-',
      '2026Q3:fair',
      '2026Q4:-',
    ]);
  });
});

describe('data scope (数据范围)', () => {
  it('a department rater records, sees and counts only their own departments', () => {
    createEvidence(t.ctx, {
      personId: a.people.zhang,
      kind: 'commendation',
      subKind: '嘉奖',
      date: '2026-02-01',
      docNo: '1',
    });
    const rater = {
      ...t.ctx,
      operator: { id: 'r1', username: 'r1', displayName: '业务科评价人', role: 'rater' as const, unitScope: [a.deptB] },
    };
    expect(
      thrown(() =>
        createEvidence(rater, { personId: a.people.zhang, kind: 'org_handling', subKind: '诫勉', date: '2026-03-01' }),
      ).code,
    ).toBe('FORBIDDEN');
    const own = createEvidence(rater, {
      personId: a.people.zhao,
      kind: 'org_handling',
      subKind: '诫勉',
      date: '2026-03-01',
    });
    expect(own.recordedBy).toBe('业务科评价人');
    const first = listEvidence(t.core.db, {}).items.find((i) => i.personNo === 'A001')!;
    expect(thrown(() => voidEvidence(rater, first.id, '越权')).code).toBe('FORBIDDEN');
    expect(listEvidence(t.core.db, {}, t.core.now(), unitsInScope(rater)).items.map((i) => i.personNo)).toEqual([
      'B001',
    ]);
    const d = yearDashboard(t.core.db, a.year.yearId, t.core.now(), unitsInScope(rater));
    expect(new Set(d.progress.map((r) => r.unitName))).toEqual(new Set(['业务科']));
    expect(d.people).toBe(2);
    expect(d.missingTotal).toBe(5);
  });
});

describe('through the contract', () => {
  it('validates, records and reads back', async () => {
    const bad = await dispatch(t.core, t.session, 'evidence.create', {
      data: { personId: a.people.li, kind: 'sanction', subKind: '警告', date: '2026-13-01', docNo: 'x' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const ok = await dispatch(t.core, t.session, 'evidence.create', {
      data: { personId: a.people.li, kind: 'sanction', subKind: '警告', date: '2026-03-01', docNo: 'x' },
    });
    expect(ok.ok).toBe(true);
    const list = await dispatch(t.core, t.session, 'evidence.list', { year: 2026 });
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
    const tl = await dispatch(t.core, t.session, 'evidence.timeline', { personId: a.people.li, year: 2026 });
    expect(tl.ok).toBe(true);
    const lookups = await dispatch(t.core, t.session, 'evidence.lookups', {});
    expect(lookups.ok).toBe(true);
    const people = await dispatch(t.core, t.session, 'evidence.people', { search: '赵' });
    expect(people).toMatchObject({ ok: true, value: [{ personNo: 'B001' }] });
  });
});
