// The office's quarterly review (复核): departments side by side with flags, return with a note that
// the grid shows, accept, mark the period reviewed (writes then refused) and reopen — all audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import type { RatingsGridDto, ReviewOverviewDto } from '../../shared/api/years';
import type { DashboardDto } from '../../shared/api/evidence';
import { loadYearResults } from '../../electron/core/yearend/results';
import type { PeriodDto } from '../../shared/domain/records';
import type { PeriodRatingValue } from '../../shared/domain/types';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear, type AgencyFixture } from '../support/year-fixtures';

let t: TempCore;
let fx: AgencyFixture;
let q1: string;
let yearId: string;

beforeEach(() => {
  // a clock that moves (a second per reading), as a real one does: "changed since accepted" compares times
  let tick = 0;
  t = tempCore({ now: () => new Date(Date.parse('2026-11-25T02:00:00Z') + 1000 * tick++) });
  fx = makeAgency(t.ctx, { departments: ['办公室', '规划科', '财务科'], perDepartment: 5 });
  const y = makeYear(t.ctx, fx.agencyId);
  yearId = y.year.id;
  q1 = y.periods[0]!.id;
  const rate = (from: number, ratings: PeriodRatingValue[]) =>
    ratings.map((rating, i) => ({
      periodId: q1,
      personId: fx.people[`A${String(from + i).padStart(3, '0')}`]!,
      rating,
    }));
  saveRatingsBatch(t.ctx, [
    ...rate(1, ['good', 'good', 'good', 'good', 'fair']), // 办公室: 4 of 5 好 — over the cap, far above average
    ...rate(6, ['fair', 'fair', 'fair', 'fair', 'fair']), // 规划科: all the same
    ...rate(11, ['good', 'fair', 'average']), // 财务科: two missing
  ]);
});
afterEach(() => t.cleanup());

const call = async <T>(method: string, input: unknown) =>
  (await dispatch(t.core, t.session, method, input)) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const actions = () =>
  (t.core.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);

describe('quarterly review', () => {
  it('shows each department side by side with counts, cap, missing and flags', async () => {
    const r = await call<ReviewOverviewDto>('review.overview', { periodId: q1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byName = Object.fromEntries(r.value.departments.map((d) => [d.unitName, d]));
    expect(byName['办公室']).toMatchObject({
      counts: { good: 4, fair: 1, average: 0, poor: 0 },
      cap: 2,
      over: true,
      missing: 0,
    });
    expect(byName['办公室']!.flags.map((f) => f.kind)).toEqual(['over_cap', 'high_good_share']);
    expect(byName['规划科']!.flags.map((f) => f.kind)).toEqual(['all_same']);
    expect(byName['财务科']).toMatchObject({ rated: 3, missing: 2, flags: [] });
    expect(r.value.agency).toMatchObject({ good: 5, rated: 13, missing: 2, base: 15, cap: 6 });
  });

  it('return with a note (shown on the grid), accept, mark reviewed, reopen — each audited', async () => {
    const office = fx.departments['办公室'];
    const ret = await call('review.returnDepartment', {
      periodId: q1,
      unitId: office,
      note: '“好”比例过高，请按 40% 重新评定',
    });
    expect(ret.ok).toBe(true);
    const g = await call<RatingsGridDto>('ratings.grid', { periodId: q1, unitId: office });
    expect(g.ok && g.value.review).toMatchObject({ status: 'returned', note: '“好”比例过高，请按 40% 重新评定' });
    // A period with a returned department cannot be marked reviewed.
    const early = await call('review.markReviewed', { periodId: q1 });
    expect(!early.ok && early.error.message).toContain('办公室');
    const acc = await call('review.acceptDepartment', { periodId: q1, unitId: office, note: '已说明情况' });
    expect(acc.ok && (acc.value as { status: string }).status).toBe('accepted');
    // still not: the other departments are not accepted, and 办公室's excess has no reason on file
    const notYet = await call('review.markReviewed', { periodId: q1 });
    expect(!notYet.ok && notYet.error.message).toContain('规划科、财务科：尚未通过');
    expect(!notYet.ok && notYet.error.message).toContain('办公室“好”4 人，超过上限 2 人');
    for (const d of ['规划科', '财务科'])
      expect((await call('review.acceptDepartment', { periodId: q1, unitId: fx.departments[d] })).ok).toBe(true);
    const confirmed = await call('review.confirmExcess', {
      periodId: q1,
      unitId: office,
      reason: '本季度承担专项任务，经考核委员会研究同意',
    });
    expect(confirmed.ok).toBe(true);
    const done = await call<PeriodDto>('review.markReviewed', { periodId: q1 });
    expect(done.ok && done.value.reviewStatus).toBe('reviewed');
    const write = await call('ratings.save', { periodId: q1, personId: fx.people['A005'], rating: 'good' });
    expect(!write.ok && write.error.code).toBe('LOCKED');
    const noReason = await call('review.reopen', { periodId: q1, reason: '' });
    expect(!noReason.ok && noReason.error.code).toBe('INVALID_INPUT');
    const reopened = await call<PeriodDto>('review.reopen', { periodId: q1, reason: '办公室申请更正一人等次' });
    expect(reopened.ok && reopened.value.reviewStatus).toBe('open');
    expect((await call('ratings.save', { periodId: q1, personId: fx.people['A005'], rating: 'fair' })).ok).toBe(true);
    expect(actions().filter((a) => a.startsWith('review.') || a.startsWith('period.'))).toEqual([
      'review.return',
      'review.accept',
      'review.accept',
      'review.accept',
      'review.confirm_excess',
      'period.review',
      'period.reopen',
    ]);
    const reopenAudit = t.core.db.prepare(`SELECT reason FROM audit_log WHERE action = 'period.reopen'`).get();
    expect(reopenAudit).toEqual({ reason: '办公室申请更正一人等次' });
    const years = await call<{ id: string }[]>('years.list', {});
    expect(years.ok && years.value[0]!.id).toBe(yearId);
  });
});

describe('the review binds', () => {
  const acceptAll = async () => {
    for (const d of ['办公室', '规划科', '财务科'])
      expect((await call('review.acceptDepartment', { periodId: q1, unitId: fx.departments[d] })).ok).toBe(true);
  };
  const overview = async () => {
    const r = await call<ReviewOverviewDto>('review.overview', { periodId: q1 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('an excess is resolved by adjusting the ratings, or confirmed with a reason that covers the current count', async () => {
    await acceptAll();
    expect((await overview()).readiness.blockers).toEqual([
      '办公室“好”4 人，超过上限 2 人：请退回部门调整，或填写理由确认超出',
    ]);
    const shortReason = await call('review.confirmExcess', {
      periodId: q1,
      unitId: fx.departments['办公室'],
      reason: '',
    });
    expect(!shortReason.ok && shortReason.error.code).toBe('INVALID_INPUT');
    const notOver = await call('review.confirmExcess', {
      periodId: q1,
      unitId: fx.departments['规划科'],
      reason: '规划科并未超出',
    });
    expect(!notOver.ok && notOver.error.message).toContain('未超过上限');
    // confirmed at 4 好, then a fifth: the reason no longer covers it
    await call('review.confirmExcess', { periodId: q1, unitId: fx.departments['办公室'], reason: '专项任务' });
    expect((await overview()).readiness.excess).toMatchObject([{ unitName: '办公室', good: 4, confirmed: true }]);
    saveRatingsBatch(t.ctx, [{ periodId: q1, personId: fx.people['A005']!, rating: 'good' }]);
    const r = await overview();
    expect(r.readiness.excess).toMatchObject([{ good: 5, confirmed: false }]);
    // the change after acceptance also asks for 办公室 to be accepted again
    expect(r.readiness.blockers[0]).toBe('办公室：通过后结果又有修改，须重新通过');
    const refused = await call('review.markReviewed', { periodId: q1 });
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    expect(t.core.db.prepare('SELECT review_status FROM period WHERE id = ?').get(q1)).toEqual({
      review_status: 'open',
    });
    // resolved: back within the cap, accepted again
    saveRatingsBatch(
      t.ctx,
      ['A001', 'A002', 'A005'].map((no) => ({ periodId: q1, personId: fx.people[no]!, rating: 'fair' as const })),
    );
    await call('review.acceptDepartment', { periodId: q1, unitId: fx.departments['办公室'] });
    expect((await overview()).readiness).toMatchObject({ excess: [], blockers: [] });
    const done = await call<PeriodDto>('review.markReviewed', { periodId: q1 });
    expect(done.ok && done.value.reviewStatus).toBe('reviewed');
  });

  it('by default an unreviewed period is left out at year end, and the dashboard and the trace say so', async () => {
    const a001 = fx.people['A001'];
    const trace = () => {
      const p = loadYearResults(t.core.db, yearId, new Date('2026-11-25T02:00:00Z')).people.find(
        (x) => x.person.id === a001,
      )!;
      return { counts: p.ratings[0]!.counts, text: p.traceText };
    };
    const dashboard = async () => {
      const r = await call<DashboardDto>('progress.dashboard', { yearId });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.reviewCounting;
    };
    expect(trace().counts).toBe(false);
    expect(trace().text).toContain('未计入：Q1 尚未复核（年度设置“年终只计入已复核的期间”）');
    expect((await dashboard()).message).toContain('第一季度（已评 13 人）尚未复核，其结果目前不计入年终建议');
    // reviewed: it counts, and nobody says otherwise
    await acceptAll();
    await call('review.confirmExcess', { periodId: q1, unitId: fx.departments['办公室'], reason: '专项任务' });
    expect((await call('review.markReviewed', { periodId: q1 })).ok).toBe(true);
    expect(trace().counts).toBe(true);
    expect(trace().text).not.toContain('未计入');
    expect(await dashboard()).toEqual({ onlyReviewedCount: true, leftOut: [], message: null });
    // configurable: an office that counts every period
    await call('review.reopen', { periodId: q1, reason: '更正' });
    const s = JSON.parse(
      (
        t.core.db.prepare('SELECT settings_json FROM assessment_year WHERE id = ?').get(yearId) as {
          settings_json: string;
        }
      ).settings_json,
    ) as Record<string, unknown>;
    t.core.db
      .prepare('UPDATE assessment_year SET settings_json = ? WHERE id = ?')
      .run(JSON.stringify({ ...s, onlyReviewedPeriodsCount: false }), yearId);
    expect(trace()).toMatchObject({ counts: true });
    expect((await dashboard()).message).toBeNull();
  });
});

describe('review scope', () => {
  it('a rater sees only their own departments in the comparison and cannot return or accept', async () => {
    const { insertOperator, sessionAs } = await import('../support/trust-fixtures');
    const rater = insertOperator(t.core, 'rater', [fx.departments['规划科']!]);
    t.session = sessionAs(t.core, rater);
    const r = await call<ReviewOverviewDto>('review.overview', { periodId: q1 });
    expect(r.ok && r.value.departments.map((d) => d.unitName)).toEqual(['规划科']);
    const ret = await call('review.returnDepartment', {
      periodId: q1,
      unitId: fx.departments['规划科'],
      note: '自己退回自己',
    });
    expect(!ret.ok && ret.error.code).toBe('FORBIDDEN');
  });
});
