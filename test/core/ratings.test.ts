// The quarterly ratings grid and its writes on a real store: membership from person_move, optimistic
// conflicts, the cap on 好 (warn / block / override), locks that leave the store unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { updateSettings } from '../../electron/core/years/settings-service';
import { defaultYearSettings } from '../../shared/settings/year-settings';
import type { RatingsGridDto, SaveRatingsResultDto } from '../../shared/api/years';
import { tempCore, type TempCore } from '../support/temp-core';
import { addPerson, leave, makeAgency, makeYear, move, type AgencyFixture } from '../support/year-fixtures';
import { insertOperator, sessionAs } from '../support/trust-fixtures';
import type { YearWithPeriods } from '../../electron/core/years/year-service';

let t: TempCore;
let fx: AgencyFixture;
let y: YearWithPeriods;
let q1: string;
let office: string;
let planning: string;

beforeEach(() => {
  t = tempCore();
  fx = makeAgency(t.ctx, { departments: ['办公室', '规划科'], perDepartment: 5 });
  y = makeYear(t.ctx, fx.agencyId);
  q1 = y.periods[0]!.id;
  office = fx.departments['办公室']!;
  planning = fx.departments['规划科']!;
});
afterEach(() => t.cleanup());

const call = async <T>(
  method: string,
  input: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } }> =>
  (await dispatch(t.core, t.session, method, input)) as never;
const grid = async (periodId: string, unitId: string) => {
  const r = await call<RatingsGridDto>('ratings.grid', { periodId, unitId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;
const p = (no: string) => fx.people[no]!;

function setCap(patch: Partial<ReturnType<typeof defaultYearSettings>['goodCap']>) {
  const s = defaultYearSettings();
  updateSettings(t.ctx, { yearId: y.year.id, settings: { ...s, goodCap: { ...s.goodCap, ...patch } } });
}

describe('ratings grid', () => {
  it('lists the department with empty rows, the cap and the missing count', async () => {
    const g = await grid(q1, office);
    expect(g.rows.map((r) => r.personNo)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
    expect(g.rows.every((r) => r.rating === null && r.updatedAt === null && r.due)).toBe(true);
    expect(g.missing).toBe(5);
    expect(g.lockedReason).toBeNull();
    const dept = g.capStatus.departments.find((d) => d.unitId === office)!;
    expect(dept).toMatchObject({ base: 5, due: 5, rated: 0, cap: 2, good: 0, enforced: true });
    expect(g.capStatus.agency).toMatchObject({ base: 10, cap: 4, missing: 10 });
  });

  it('a mid-period transfer shows in both departments with a note; a leaver and a new hire too', async () => {
    move(t.ctx, p('A001'), planning, '2026-02-15');
    leave(t.ctx, p('A002'), '2026-03-10');
    addPerson(t.ctx, fx, 'A100', '新同志', '办公室', '2026-03-02');
    const o = await grid(q1, office);
    const row = (g: RatingsGridDto, no: string) => g.rows.find((r) => r.personNo === no);
    expect(row(o, 'A001')).toMatchObject({ note: '2月15日调出', due: false });
    expect(row(o, 'A002')).toMatchObject({ note: '3月10日离开', due: false });
    expect(row(o, 'A100')).toMatchObject({ note: '3月2日入职', due: true });
    expect(o.missing).toBe(4); // A003..A005 and A100
    const pl = await grid(q1, planning);
    expect(row(pl, 'A001')).toMatchObject({ note: '2月15日调入', due: true });
    expect(pl.missing).toBe(6);
    // In Q2 the mover belongs to 规划科 only, the leaver to nobody.
    const q2 = y.periods[1]!.id;
    expect(row(await grid(q2, office), 'A001')).toBeUndefined();
    expect(row(await grid(q2, office), 'A002')).toBeUndefined();
    expect(row(await grid(q2, planning), 'A001')).toMatchObject({ note: '', due: true });
    // Rated by the old department: the new department's grid names who rated.
    const s = await call<SaveRatingsResultDto>('ratings.save', {
      periodId: q1,
      personId: p('A001'),
      unitId: office,
      rating: 'fair',
      expectedUpdatedAt: null,
    });
    expect(s.ok).toBe(true);
    expect(row(await grid(q1, planning), 'A001')).toMatchObject({ rating: 'fair', ratedInUnitName: '办公室' });
    expect((await grid(q1, planning)).missing).toBe(5);
    // Someone never in the department cannot be rated there.
    const wrong = await call('ratings.save', { periodId: q1, personId: p('A006'), unitId: office, rating: 'good' });
    expect(!wrong.ok && wrong.error.message).toContain('不在“办公室”');
  });

  it('pages the department from the store, in 人员编号 or 姓氏笔画 order; cap and missing stay the whole', async () => {
    addPerson(t.ctx, fx, 'A101', '丁一', '办公室', '2026-01-01');
    addPerson(t.ctx, fx, 'A102', '赵二', '办公室', '2026-01-01');
    addPerson(t.ctx, fx, 'A103', '王三', '办公室', '2026-01-01');
    // Rated by 办公室 in Q2, then moved out before Q2 began: the rating stays listed in 办公室's grid.
    const q2 = y.periods[1]!.id;
    saveRatingsBatch(t.ctx, [{ periodId: q2, personId: p('A001'), unitId: office, rating: 'good' }]);
    move(t.ctx, p('A001'), planning, '2026-03-20');
    const page = async (input: Record<string, unknown>) => {
      const r = await call<RatingsGridDto>('ratings.grid', { periodId: q2, unitId: office, ...input });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const whole = await page({ limit: 500 });
    expect(whole.total).toBe(8);
    expect(whole.rows.map((r) => r.personNo)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A101', 'A102', 'A103']);
    expect(whole.rows[0]).toMatchObject({ note: '本期不在本部门（按调动记录）', due: false, rating: 'good' });
    for (const personOrder of ['personNo', 'strokes'] as const) {
      const all = await page({ personOrder, limit: 500 });
      const pages = [await page({ personOrder, limit: 3 }), await page({ personOrder, offset: 3, limit: 3 })];
      pages.push(await page({ personOrder, offset: 6, limit: 3 }));
      expect(pages.map((g) => g.rows.length)).toEqual([3, 3, 2]);
      expect(pages.map((g) => g.offset)).toEqual([0, 3, 6]);
      expect(pages.flatMap((g) => g.rows)).toEqual(all.rows);
      for (const g of pages) {
        expect(g.total).toBe(8);
        expect(g.missing).toBe(whole.missing);
        expect(g.capStatus).toEqual(whole.capStatus);
      }
    }
    // 丁 has the fewest strokes (2), then 王 (4) and the 办员 (办: 4, 人员编号 breaking the tie), 赵 (9) last.
    const strokes = (await page({ personOrder: 'strokes' })).rows.map((r) => r.name);
    expect(strokes[0]).toBe('丁一');
    expect(strokes.at(-1)).toBe('赵二');
    // The default page is 100 rows; more than 500 in one answer is refused, in Chinese.
    const refused = await call('ratings.grid', { periodId: q2, unitId: office, limit: 501 });
    expect(!refused.ok && refused.error.message).toContain('每页最多 500 人');
  });

  it('people placed directly in the agency (its leaders) have their own grid', async () => {
    const { createPerson } = await import('../../electron/core/roster');
    const head = createPerson(t.ctx, {
      personNo: 'L001',
      name: '局长甲',
      unitId: fx.agencyId,
      category: 'civil_servant',
      hireDate: '2020-01-01',
    });
    const g = await grid(q1, fx.agencyId);
    expect(g.department.name).toBe('某区发改委（直属）');
    expect(g.rows.map((r) => r.name)).toEqual(['局长甲']);
    const s = await call<SaveRatingsResultDto>('ratings.save', { periodId: q1, personId: head.id, rating: 'good' });
    expect(s.ok && s.value.saved[0]!.unitId).toBe(fx.agencyId);
    expect(s.ok && s.value.capStatus.agency.base).toBe(11);
  });

  it('saves a cell, audits it, and refuses a stale updatedAt with CONFLICT', async () => {
    const first = await call<SaveRatingsResultDto>('ratings.save', {
      periodId: q1,
      personId: p('A001'),
      unitId: office,
      rating: 'good',
      expectedUpdatedAt: null,
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const stamp1 = first.value.saved[0]!.updatedAt;
    const second = await call<SaveRatingsResultDto>('ratings.save', {
      periodId: q1,
      personId: p('A001'),
      unitId: office,
      workRecord: '完成年度规划编制',
      expectedUpdatedAt: stamp1,
    });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.saved[0]).toMatchObject({ rating: 'good', workRecord: '完成年度规划编制' });
    expect(second.value.saved[0]!.updatedAt > stamp1).toBe(true); // moves forward even under the fixed clock
    const stale = await call('ratings.save', {
      periodId: q1,
      personId: p('A001'),
      unitId: office,
      comment: '旧页面上的修改',
      expectedUpdatedAt: stamp1,
    });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('CONFLICT');
    expect(stale.error.message).toContain('刚被他人修改过');
    expect((stale.error.details as { current: { workRecord: string } }).current.workRecord).toBe('完成年度规划编制');
    // A second "new row" save on an existing row is also a conflict.
    const dupNew = await call('ratings.save', {
      periodId: q1,
      personId: p('A001'),
      unitId: office,
      rating: 'fair',
      expectedUpdatedAt: null,
    });
    expect(!dupNew.ok && dupNew.error.code).toBe('CONFLICT');
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE entity = 'period_rating'`)).toBe(2);
    expect(count(`SELECT count(*) AS n FROM period_rating WHERE comment <> ''`)).toBe(0);
  });

  it('a batch (pasted column) is one transaction: a bad row leaves nothing saved', async () => {
    const before = count('SELECT count(*) AS n FROM audit_log');
    const rows = ['A001', 'A002', 'A003'].map((no) => ({
      periodId: q1,
      personId: p(no),
      unitId: office,
      rating: 'fair' as const,
    }));
    const bad = await call('ratings.saveBatch', {
      rows: [...rows, { periodId: q1, personId: p('A006'), unitId: office, rating: 'fair' }],
    });
    expect(bad.ok).toBe(false);
    expect(count('SELECT count(*) AS n FROM period_rating')).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(before);
    const good = await call<SaveRatingsResultDto>('ratings.saveBatch', { rows });
    expect(good.ok && good.value.changed).toBe(3);
    // The same rows again change nothing (idempotent re-import).
    const again = saveRatingsBatch(t.ctx, rows, { source: 'import:test' });
    expect(again).toMatchObject({ changed: 0, unchanged: 3 });
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE entity = 'period_rating'`)).toBe(3);
  });

  it('warn: over the cap saves and carries a warning', async () => {
    const rows = ['A001', 'A002', 'A003'].map((no) => ({
      periodId: q1,
      personId: p(no),
      unitId: office,
      rating: 'good' as const,
    }));
    const r = await call<SaveRatingsResultDto>('ratings.saveBatch', { rows });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings).toHaveLength(1);
    expect(r.value.warnings[0]).toMatchObject({ unitId: office, good: 3, cap: 2, scope: 'department' });
    expect(r.value.warnings[0]!.message).toContain('办公室：“好” 3 人，超过上限 2 人（40% × 5 人，向下取整）');
    expect(r.value.capStatus.departments.find((d) => d.unitId === office)).toMatchObject({ over: true, good: 3 });
    expect(count('SELECT count(*) AS n FROM period_rating')).toBe(3);
    expect(count('SELECT count(*) AS n FROM cap_override')).toBe(0);
  });

  it('block: over the cap is refused unless an override with a reason is given (recorded and audited)', async () => {
    setCap({ enforcement: 'block' });
    const two = ['A001', 'A002'].map((no) => ({
      periodId: q1,
      personId: p(no),
      unitId: office,
      rating: 'good' as const,
    }));
    expect((await call('ratings.saveBatch', { rows: two })).ok).toBe(true);
    const third = {
      periodId: q1,
      personId: p('A003'),
      unitId: office,
      rating: 'good' as const,
      expectedUpdatedAt: null,
    };
    const auditBefore = count('SELECT count(*) AS n FROM audit_log');
    const refused = await call('ratings.save', third);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('QUOTA');
    expect(refused.error.message).toContain('超过上限 2 人');
    expect(count(`SELECT count(*) AS n FROM period_rating WHERE person_id = '${p('A003')}'`)).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
    // Lowering someone else is always allowed even when over.
    const noReason = await call('ratings.save', { ...third, override: { reason: ' ' } });
    expect(!noReason.ok && noReason.error.code).toBe('INVALID_INPUT');
    const ok = await call<SaveRatingsResultDto>('ratings.save', {
      ...third,
      override: { reason: '该同志本季度牵头完成重点项目，经考核办同意' },
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.value.overrideIds).toHaveLength(1);
    const row = t.core.db.prepare('SELECT * FROM cap_override').get() as {
      unit_id: string;
      good_count: number;
      cap: number;
      reason: string;
      person_ids_json: string;
    };
    expect(row).toMatchObject({
      unit_id: office,
      good_count: 3,
      cap: 2,
      reason: '该同志本季度牵头完成重点项目，经考核办同意',
    });
    expect(JSON.parse(row.person_ids_json)).toEqual([p('A003')]);
    const audit = t.core.db.prepare(`SELECT reason FROM audit_log WHERE action = 'rating.cap_override'`).all();
    expect(audit).toEqual([{ reason: '该同志本季度牵头完成重点项目，经考核办同意' }]);
    // A change that adds no 好 passes even while over the cap.
    const down = await call('ratings.save', { periodId: q1, personId: p('A004'), unitId: office, rating: 'fair' });
    expect(down.ok).toBe(true);
  });

  it('agency scope counts all departments together', async () => {
    setCap({ scope: 'agency', enforcement: 'block' });
    // 3 好 in 办公室 alone would break a department cap of 2, but the agency cap is 4 of 10.
    const rows = ['A001', 'A002', 'A003'].map((no) => ({
      periodId: q1,
      personId: p(no),
      unitId: office,
      rating: 'good' as const,
    }));
    const r = await call<SaveRatingsResultDto>('ratings.saveBatch', { rows });
    expect(r.ok && r.value.warnings).toEqual([]);
    const more = ['A006', 'A007'].map((no) => ({
      periodId: q1,
      personId: p(no),
      unitId: planning,
      rating: 'good' as const,
    }));
    const over = await call('ratings.saveBatch', { rows: more });
    expect(!over.ok && over.error.code).toBe('QUOTA');
    expect(!over.ok && over.error.message).toContain('某区发改委：“好” 5 人，超过上限 4 人');
  });

  it('a year past collecting, or a reviewed period, refuses writes and leaves the store unchanged', async () => {
    await call('ratings.save', { periodId: q1, personId: p('A001'), unitId: office, rating: 'fair' });
    const snapshot = () => [
      t.core.db.prepare('SELECT * FROM period_rating ORDER BY id').all(),
      count('SELECT count(*) AS n FROM audit_log'),
    ];
    const before = snapshot();
    t.core.db.prepare(`UPDATE assessment_year SET stage = 'review' WHERE id = ?`).run(y.year.id);
    const r = await call('ratings.save', { periodId: q1, personId: p('A001'), unitId: office, rating: 'good' });
    expect(!r.ok && r.error.code).toBe('LOCKED');
    expect(!r.ok && r.error.message).toContain('平时考核结果不能再修改');
    const b = await call('ratings.saveBatch', {
      rows: [{ periodId: q1, personId: p('A002'), unitId: office, rating: 'good' }],
    });
    expect(!b.ok && b.error.code).toBe('LOCKED');
    expect(() => saveRatingsBatch(t.ctx, [{ periodId: q1, personId: p('A002'), rating: 'good' }])).toThrow(
      /不能再修改/,
    );
    expect((await grid(q1, office)).lockedReason).toContain('审核');
    expect(snapshot()).toEqual(before);
    t.core.db.prepare(`UPDATE assessment_year SET stage = 'collecting' WHERE id = ?`).run(y.year.id);
    t.core.db.prepare(`UPDATE period SET review_status = 'reviewed' WHERE id = ?`).run(q1);
    const reviewed = await call('ratings.save', { periodId: q1, personId: p('A001'), unitId: office, rating: 'good' });
    expect(!reviewed.ok && reviewed.error.message).toContain('重新打开');
    expect(snapshot()).toEqual(before);
  });

  it('a rater sees and writes only their own departments', async () => {
    const rater = insertOperator(t.core, 'rater', [office]);
    t.session = sessionAs(t.core, rater);
    const own = await call('ratings.grid', { periodId: q1, unitId: office });
    expect(own.ok ? 'ok' : own.error.message).toBe('ok');
    const other = await call('ratings.grid', { periodId: q1, unitId: planning });
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    const w = await call<SaveRatingsResultDto>('ratings.save', {
      periodId: q1,
      personId: p('A001'),
      unitId: office,
      rating: 'good',
    });
    expect(w.ok && w.value.saved[0]!.rater).toBe(rater.displayName);
    const w2 = await call('ratings.save', { periodId: q1, personId: p('A006'), unitId: planning, rating: 'good' });
    expect(!w2.ok && w2.error.code).toBe('FORBIDDEN');
  });
});
