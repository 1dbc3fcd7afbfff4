// Pooled caps through every grade-writing path, on a real store: three 分管领导 pools whose places are
// shared by largest remainder (8 + 7 + 5 graded people at 20%: 1.6 + 1.4 + 1.0 = 4 places → 2, 1, 1;
// each unit rounding on its own would give 1, 1, 1). 决定, 批量采纳, 复核 and 补定等次 each stop at the
// pool's places, and a change of base in one pool that would take the shared place from another is
// refused naming that pool. Each refusal leaves the store exactly as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Grade, Outcome } from '../../shared/domain/types';
import type { Result } from '../../shared/result';
import type { YearSettings } from '../../shared/settings/year-settings';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore } from '../support/xlsx-fixtures';
import { seedYearEnd, type SeedPerson } from '../support/yearend-fixtures';

let t: TempCore;
let clock = new Date('2026-11-25T02:00:00Z');
afterEach(() => t.cleanup());

const call = async <T = unknown>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(t.core, t.session, method, input)) as Result<T>;
const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

// 办公室 (王): 3 candidates + 5 others + 1 deferred; 财务科 (李): 1 + 6; 执法大队 (赵): 1 + 4
const people: SeedPerson[] = [
  ...['A1', 'A2', 'A3'].map((no) => ({ no, name: `办${no}`, dept: 0, ratings: '好 好 好 好' })),
  ...[1, 2, 3, 4, 5].map((i) => ({ no: `A0${i}`, name: `办员${i}`, dept: 0, ratings: '较好 较好 较好 较好' })),
  {
    no: 'AD',
    name: '办暂缓',
    dept: 0,
    ratings: '好 好 好 好',
    evidence: [{ kind: 'investigation' as const, subKind: '立案审查调查', date: '2026-09-01', docNo: '立〔2026〕1号' }],
  },
  { no: 'B1', name: '财B1', dept: 1, ratings: '好 好 好 好' },
  ...[1, 2, 3, 4, 5, 6].map((i) => ({ no: `B0${i}`, name: `财员${i}`, dept: 1, ratings: '较好 较好 较好 较好' })),
  { no: 'C1', name: '执C1', dept: 2, ratings: '好 好 好 好' },
  ...[1, 2, 3, 4].map((i) => ({ no: `C0${i}`, name: `执员${i}`, dept: 2, ratings: '较好 较好 较好 较好' })),
];

interface Unit {
  key: string;
  label: string;
  base: number;
  allowed: number;
  used: number;
  explanation: string;
}

describe('pooled caps (分管领导, largest remainder) × every grade-writing path', () => {
  it('decide, bulk accept, 复核 and 补定等次 stop at the pool’s shared places; nothing written on a refusal', async () => {
    clock = new Date('2026-11-25T02:00:00Z');
    t = tempCore({ now: () => clock });
    const y = seedYearEnd(t.ctx, {
      departments: ['办公室', '财务科', '执法大队'],
      people,
      settings: (s) => void (s.redress.appealableGrades = ['excellent', 'competent', 'basic', 'incompetent']),
    });
    const id = (no: string) => y.ids.get(no)!;
    const current = await ok<{ settings: YearSettings; updatedAt: string }>('years.getSettings', { yearId: y.yearId });
    const settings = structuredClone(current.settings);
    settings.quota.pooling = 'leader';
    settings.quota.sharing = 'largest_remainder';
    settings.quota.leaders = [
      { id: 'wang', name: '王副局长', departmentIds: [y.deptIds[0]!] },
      { id: 'li', name: '李副局长', departmentIds: [y.deptIds[1]!] },
      { id: 'zhao', name: '赵副局长', departmentIds: [y.deptIds[2]!] },
    ];
    // bad pools are refused naming the field, nothing written
    const bad = structuredClone(settings);
    bad.quota.leaders[1]!.departmentIds.push(y.deptIds[0]!);
    const before0 = dumpStore(t.core.db);
    const dup = await call('years.updateSettings', { yearId: y.yearId, settings: bad, reason: '分管领导' });
    expect(!dup.ok && dup.error.message).toContain(
      '分管领导的分管部门（第 2 行）：该部门已列在分管领导“王副局长”名下，一个部门在一个年度只能由一位分管领导分管',
    );
    bad.quota.leaders[1]!.departmentIds = ['no-such-dept'];
    const unknown = await call('years.updateSettings', { yearId: y.yearId, settings: bad, reason: '分管领导' });
    expect(!unknown.ok && unknown.error.message).toContain(
      '分管领导“李副局长”的分管部门中，“no-such-dept”不是本单位的部门',
    );
    expect(dumpStore(t.core.db)).toBe(before0);
    const saved = await ok<{ changes: string[] }>('years.updateSettings', {
      yearId: y.yearId,
      settings,
      reason: '按分管领导分配优秀名额',
    });
    expect(saved.changes).toEqual([
      '优秀名额计算单元 按单位 → 按分管领导',
      '名额分配方式 各单元分别取整 → 全单位名额按最大余数法分配',
      '新增分管领导“王副局长”（分管 1 个部门）',
      '新增分管领导“李副局长”（分管 1 个部门）',
      '新增分管领导“赵副局长”（分管 1 个部门）',
    ]);

    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const quota = async () => await ok<Unit[]>('yearend.quota', { yearId: y.yearId });
    const units = await quota();
    expect(units.map((u) => [u.label, u.base, u.allowed])).toEqual([
      ['王副局长分管·公务员（含参公）', 8, 2],
      ['李副局长分管·公务员（含参公）', 7, 1],
      ['赵副局长分管·公务员（含参公）', 5, 1],
    ]);
    expect(units[0]!.explanation).toContain('按最大余数法分配 → 2 名（全单位·公务员（含参公）基数 20 人 × 20% = 4');

    // 批量采纳: 王's 3 candidates exceed its 2 places and are left for the committee; the rest accepted
    const bulk = await ok<{ accepted: number; skipped: { name: string; reason: string }[] }>('yearend.bulkAccept', {
      yearId: y.yearId,
      departmentId: null,
    });
    expect(bulk.skipped.map((s) => s.name)).toEqual(['办A1', '办A2', '办A3']);
    expect(bulk.skipped[0]!.reason).toBe('“王副局长分管·公务员（含参公）”优秀候选 3 人，超过剩余名额 2 名，请逐一决定');
    expect(bulk.accepted).toBe(people.length - 3);

    // 决定: the second excellent in 王's pool takes the shared place; the third is refused
    const decide = (no: string, grade: Grade, approvalDocNo = '') =>
      call('yearend.decide', {
        yearId: y.yearId,
        personId: id(no),
        outcome: 'graded',
        grade,
        reason: '经考核委员会讨论决定',
        approvalDocNo,
      });
    expect((await decide('A1', 'excellent')).ok).toBe(true);
    expect((await decide('A2', 'excellent')).ok).toBe(true);
    let before = dumpStore(t.core.db);
    const third = await decide('A3', 'excellent');
    expect(!third.ok && third.error.code).toBe('QUOTA');
    expect(!third.ok && third.error.message).toContain('办A3（A3）：“王副局长分管·公务员（含参公）”优秀名额已满');
    expect(!third.ok && third.error.message).toContain('按最大余数法分配');
    expect(dumpStore(t.core.db)).toBe(before);
    expect((await decide('A3', 'competent')).ok).toBe(true);
    // an excellent in 李's pool beyond its one place: refused too
    before = dumpStore(t.core.db);
    const li = await decide('B01', 'excellent');
    expect(!li.ok && li.error.code).toBe('QUOTA');
    expect(dumpStore(t.core.db)).toBe(before);

    // a 记过 recorded after the freeze: 李's B02 is now comments only. That shrinks the pooled base to
    // 19 (3.8 → 3 places), and the place 王's pool holds by its remainder goes: refused, naming 王's pool
    t.core.db
      .prepare(
        `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, recorded_by, created_at, updated_at, updated_by)
         VALUES ('late-b02', ?, 'sanction', '记过', '2026-10-01', NULL, NULL, '', '纪〔2026〕9号', '{}', 'test', 'x', 'x', 'test')`,
      )
      .run(id('B02'));
    before = dumpStore(t.core.db);
    const shrink = await call('yearend.decide', {
      yearId: y.yearId,
      personId: id('B02'),
      outcome: 'comments_only',
      grade: null,
      reason: '当年受记过处分',
      approvalDocNo: '',
    });
    expect(!shrink.ok && shrink.error.code).toBe('QUOTA');
    expect(!shrink.ok && shrink.error.message).toContain('“王副局长分管·公务员（含参公）”优秀名额已满');
    expect(!shrink.ok && shrink.error.message).toContain('调整后名额为 1 名，已超出');
    expect(dumpStore(t.core.db)).toBe(before);
    t.core.db.prepare(`DELETE FROM evidence WHERE id = 'late-b02'`).run();

    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    // the year's pools are locked with it
    const locked = await call('years.updateSettings', {
      yearId: y.yearId,
      settings: { ...settings, quota: { ...settings.quota, leaders: [] } },
    });
    expect(!locked.ok && locked.error.code).toBe('LOCKED');

    // 复核: A3 asks for 优秀; 王's pool is full, so the changed outcome is refused
    const review = await ok<{ id: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId: id('A3'),
      kind: 'review',
      learnedOn: '2026-11-25',
      filedOn: '2026-11-25',
      request: '申请复核',
    });
    const redress = (redressId: string, grade: Grade, outcome: Outcome = 'graded', extra: object = {}) =>
      call('yearend.decideRedress', {
        redressId,
        decision: 'changed',
        decisionOn: clock.toISOString().slice(0, 10),
        decisionDocNo: '考核委〔2026〕15号',
        reason: '经复核改变等次',
        outcome,
        grade,
        approvalDocNo: '',
        ...extra,
      });
    before = dumpStore(t.core.db);
    const r1 = await redress(review.id, 'excellent');
    expect(!r1.ok && r1.error.code).toBe('QUOTA');
    expect(!r1.ok && r1.error.message).toContain('“王副局长分管·公务员（含参公）”优秀名额已满');
    expect(dumpStore(t.core.db)).toBe(before);
    await ok('yearend.decideRedress', {
      redressId: review.id,
      decision: 'upheld',
      decisionOn: '2026-11-25',
      reason: '维持原结果',
    });

    // 补定等次: the investigation closes without a sanction; 优秀 would be 王's third: refused
    clock = new Date('2027-01-20T02:00:00Z');
    const filed = await ok<{ id: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId: id('AD'),
      kind: 'deferred_grade',
      filedOn: '2027-01-20',
      request: '立案审查调查已结案，申请补定等次',
    });
    const closing = { evidenceId: null, endDate: '2027-01-15', closingOutcome: 'none' };
    before = dumpStore(t.core.db);
    const r2 = await redress(filed.id, 'excellent', 'graded', { closing, reason: '结案后补定等次' });
    expect(!r2.ok && r2.error.code).toBe('QUOTA');
    expect(!r2.ok && r2.error.message).toMatch(/^办暂缓（AD）：“王副局长分管·公务员（含参公）”优秀名额已满/);
    expect(dumpStore(t.core.db)).toBe(before);
    expect((await redress(filed.id, 'competent', 'graded', { closing, reason: '结案后补定等次' })).ok).toBe(true);

    // the year's count: 王 2 of 2, 李 1 of 1, 赵 1 of 1 — the 4 shared places, none over
    expect((await quota()).map((u) => [u.used, u.allowed])).toEqual([
      [2, 2],
      [1, 1],
      [1, 1],
    ]);
  }, 120_000);
});
