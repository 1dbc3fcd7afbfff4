// Year end on a real store: workbench rows with traces, decisions (reason, quota guard, audit),
// bulk accept, stage guards and locks, snapshot differences, objections, redress deadlines, results.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { loadYearResults } from '../../electron/core/yearend/results';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson, type SeededYear } from '../support/yearend-fixtures';
import { defaultYearSettings } from '../../shared/settings/year-settings';
import type { Result } from '../../shared/result';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

const call = async <T = unknown>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(t.core, t.session, method, input)) as Result<T>;
const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const audit = (action: string) =>
  t.core.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    before_json: string;
    after_json: string;
    reason: string;
    entity_id: string;
  }[];

// ten civil servants: five excellent candidates (quota 2), one basic, one with a 警告, one leader assessed by the superior
function tenPeople(): SeedPerson[] {
  return [
    { no: 'A01', name: '张一', ratings: '好 好 好 好' },
    { no: 'A02', name: '张二', ratings: '好 好 较好 好' },
    { no: 'A03', name: '张三', ratings: '好 好 较好 较好' },
    { no: 'A04', name: '张四', ratings: '好 好 好 较好', dept: 1 },
    { no: 'A05', name: '张五', ratings: '好 较好 好 好', dept: 1 },
    { no: 'A06', name: '李六', ratings: '较好 较好 较好 较好' },
    { no: 'A07', name: '李七', ratings: '一般 一般 较好 较好', dept: 1 },
    {
      no: 'A08',
      name: '李八',
      ratings: '好 好 好 好',
      evidence: [{ kind: 'sanction', subKind: '警告', date: '2026-04-01', docNo: '纪〔2026〕3号' }],
    },
    { no: 'A09', name: '李九', ratings: '较好 较好 好 较好', dept: 1 },
    { no: 'A10', name: '王十', ratings: '较好 较好 较好 较好' },
    { no: 'L01', name: '局长', ratings: '好 好 好 好', superior: true },
  ];
}

interface Row {
  person: { id: string; personNo: string; name: string };
  suggestion: { grade: string | null; label: string };
  suggestionOfRecord: { grade: string | null; label: string };
  snapshotChange: string;
  traceText: string;
  flags: string[];
  decision: { grade: string | null; reason: string; approvalDocNo: string } | null;
  differs: boolean;
}
interface Bench {
  rows: Row[];
  total: number;
  units: { key: string; allowed: number; used: number; base: number; full: boolean; candidates: number }[];
  state: {
    stage: string;
    transitions: { to: string; blockers: string[] }[];
    noticeEnd: string | null;
    counts: { undecided: number };
  };
}

async function rows(y: SeededYear, extra: Record<string, unknown> = {}): Promise<Bench> {
  return ok<Bench>('yearend.workbench', { yearId: y.yearId, limit: 500, ...extra });
}
const byNo = (b: Bench, no: string) => b.rows.find((r) => r.person.personNo === no)!;

describe('workbench', () => {
  it('lists every person with suggestion, trace, flags and quota units', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    const b = await rows(y);
    expect(b.total).toBe(11);
    expect(byNo(b, 'A02').traceText.split('\n')[0]).toBe('Q1 好, Q2 好, Q3 较好, Q4 好 → 3×好，无较好以下 → 优秀候选');
    expect(byNo(b, 'A08').suggestion.label).toBe('称职');
    expect(byNo(b, 'A08').flags).toEqual(expect.arrayContaining(['警告', '受限']));
    expect(byNo(b, 'A07').suggestion.label).toBe('基本称职');
    expect(b.units).toHaveLength(1);
    expect(b.units[0]).toMatchObject({ base: 10, allowed: 2, candidates: 5, used: 0 });
    const dept = await rows(y, { departmentId: y.deptIds[1] });
    expect(dept.total).toBe(4);
    const flagged = await rows(y, { flag: '警告' });
    expect(flagged.rows.map((r) => r.person.personNo)).toEqual(['A08']);
  });
});

describe('decisions', () => {
  it('are refused while collecting, need a reason when differing, and are audited with before/after', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    const b = await rows(y);
    const a06 = byNo(b, 'A06').person.id;
    const early = await call('yearend.decide', {
      yearId: y.yearId,
      personId: a06,
      outcome: 'graded',
      grade: 'competent',
    });
    expect(!early.ok && early.error.code).toBe('LOCKED');
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const noReason = await call('yearend.decide', {
      yearId: y.yearId,
      personId: a06,
      outcome: 'graded',
      grade: 'basic',
    });
    expect(!noReason.ok && noReason.error.code).toBe('INVALID_INPUT');
    expect(!noReason.ok && noReason.error.message).toContain('与建议“称职”不同，请填写理由');
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM yearend_decision').get()).toEqual({ n: 0 });
    await ok('yearend.decide', {
      yearId: y.yearId,
      personId: a06,
      outcome: 'graded',
      grade: 'basic',
      reason: '第四季度工作失误，考核委员会讨论决定',
    });
    const same = await ok<{ decision: { label: string } }>('yearend.decide', {
      yearId: y.yearId,
      personId: byNo(b, 'A10').person.id,
      outcome: 'graded',
      grade: 'competent',
    });
    expect(same.decision.label).toBe('称职');
    const rowsAudit = audit('yearend.decide');
    expect(rowsAudit).toHaveLength(2);
    const first = rowsAudit[0]!;
    expect(JSON.parse(first.before_json)).toMatchObject({ decision: null, suggestion: { grade: 'competent' } });
    expect(JSON.parse(first.after_json)).toMatchObject({ decision: { grade: 'basic' }, differsFromSuggestion: true });
    expect(first.reason).toBe('第四季度工作失误，考核委员会讨论决定');
    const after = await rows(y, { differs: true });
    expect(after.rows.map((r) => r.person.personNo)).toEqual(['A06']);
  });

  it('never exceed the quota without an approval 文号', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const b = await rows(y);
    const ex = (no: string, approvalDocNo = '') =>
      call('yearend.decide', {
        yearId: y.yearId,
        personId: byNo(b, no).person.id,
        outcome: 'graded',
        grade: 'excellent',
        approvalDocNo,
      });
    expect((await ex('A01')).ok).toBe(true);
    expect((await ex('A02')).ok).toBe(true);
    const third = await ex('A03');
    expect(!third.ok && third.error.code).toBe('QUOTA');
    expect(!third.ok && third.error.message).toContain('优秀名额已满');
    // counts what is decided (2), then what the refused write would add
    expect(!third.ok && third.error.message).toContain('已定优秀 2 名，再定 1 名优秀将超出名额');
    expect(t.core.db.prepare(`SELECT COUNT(*) AS n FROM yearend_decision WHERE grade = 'excellent'`).get()).toEqual({
      n: 2,
    });
    const approved = await ex('A03', '区考核委〔2026〕9号');
    expect(approved.ok).toBe(true);
    const u = (await rows(y)).units[0];
    expect(u).toMatchObject({ used: 3, allowed: 2, full: true });
    expect(audit('yearend.decide').at(-1)!.reason).toBe('批准文号 区考核委〔2026〕9号');
    // the leader assessed by the superior: outside the quota, needs the superior's notice number
    const leader = byNo(b, 'L01').person.id;
    const noNotice = await call('yearend.decide', {
      yearId: y.yearId,
      personId: leader,
      outcome: 'graded',
      grade: 'excellent',
    });
    expect(!noNotice.ok && noNotice.error.message).toContain('上级通知的文号');
    expect(
      (
        await call('yearend.decide', {
          yearId: y.yearId,
          personId: leader,
          outcome: 'graded',
          grade: 'excellent',
          approvalDocNo: '市委组〔2026〕12号',
        })
      ).ok,
    ).toBe(true);
    expect((await rows(y)).units[0]!.used).toBe(3);
  });

  it('bulk accept takes the suggestions of a department, leaving over-quota candidates and leaders to the committee', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const r = await ok<{ accepted: number; skipped: { name: string; reason: string }[] }>('yearend.bulkAccept', {
      yearId: y.yearId,
      departmentId: y.deptIds[0],
    });
    // dept 0: A01 A02 A03 A06 A08 A10 L01 — three candidates for two places are left, as is the leader
    expect(r.accepted).toBe(3);
    expect(r.skipped.map((s) => s.name).sort()).toEqual(['局长', '张一', '张三', '张二'].sort());
    expect(r.skipped.find((s) => s.name === '张一')!.reason).toContain('超过剩余名额 2 名');
    expect(audit('yearend.bulkAccept')).toHaveLength(3);
    const dept1 = await ok<{ accepted: number; skipped: unknown[] }>('yearend.bulkAccept', {
      yearId: y.yearId,
      departmentId: y.deptIds[1],
    });
    expect(dept1).toMatchObject({ accepted: 4, skipped: [] });
    expect((await rows(y)).units[0]!.used).toBe(2);
  });
});

describe('stages', () => {
  async function toNotice(y: SeededYear, noticeStart = '2026-11-16') {
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const b = await rows(y);
    for (const r of b.rows) {
      const leader = r.person.personNo === 'L01';
      const grade = ['A03', 'A04', 'A05'].includes(r.person.personNo) ? 'competent' : r.suggestionOfRecord.grade;
      await ok('yearend.decide', {
        yearId: y.yearId,
        personId: r.person.id,
        outcome: 'graded',
        grade,
        reason: grade !== r.suggestionOfRecord.grade ? '名额有限，考核委员会投票决定' : '',
        approvalDocNo: leader ? '市委组〔2026〕12号' : '',
      });
    }
    return ok<Bench['state']>('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart,
      confirmPastStart: true,
      noticePlace: '组织人事科',
    });
  }

  it('review needs every due rating; it freezes the suggestions', async () => {
    const people = tenPeople();
    people[5] = { ...people[5]!, ratings: '较好 较好 较好 未' };
    const y = seedYearEnd(t.ctx, { people });
    const r = await call('yearend.transition', { yearId: y.yearId, to: 'review' });
    expect(!r.ok && r.error.message).toContain('还有 1 人共 1 个期间的平时考核未评');
    t.core.db
      .prepare(
        `INSERT INTO period_rating (id, period_id, person_id, unit_id, rating, created_at, created_by, updated_at, updated_by) VALUES ('late', ?, ?, ?, 'fair', 'x', 'x', 'x', 'x')`,
      )
      .run(y.periodIds[3], y.ids.get('A06'), y.deptIds[0]);
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM yearend_snapshot').get()).toEqual({ n: 11 });
    expect(audit('yearend.stage.review')).toHaveLength(1);
  });

  it('a late evidence change shows as a difference against the frozen suggestion, never silently', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    t.core.db
      .prepare(
        `INSERT INTO evidence (id, person_id, kind, sub_kind, date, doc_no, recorded_by, created_at, updated_at, updated_by) VALUES ('late-ev', ?, 'org_handling', '诫勉', '2026-11-20', '纪〔2026〕9号', 'x', 'x', 'x', 'x')`,
      )
      .run(y.ids.get('A01'));
    const diff = await ok<{
      rows: {
        personId: string;
        change: string;
        before: { label: string };
        after: { label: string; traceText: string };
      }[];
    }>('yearend.snapshotDiff', { yearId: y.yearId });
    expect(diff.rows).toHaveLength(1);
    expect(diff.rows[0]).toMatchObject({ change: 'grade', before: { label: '优秀' }, after: { label: '称职' } });
    expect(diff.rows[0]!.after.traceText).toContain('诫勉');
    const row = byNo(await rows(y), 'A01');
    expect(row.snapshotChange).toBe('grade');
    expect(row.suggestionOfRecord.label).toBe('优秀');
    const state = await ok<{ counts: { snapshotChanged: number } }>('yearend.state', { yearId: y.yearId });
    expect(state.counts.snapshotChanged).toBe(1);
  });

  it('notice: end date skips weekends; objections block final until resolved; final takes a backup and keeps the settings', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    const thursday = await toNotice(y, '2026-11-19');
    expect(thursday.noticeEnd).toBe('2026-11-25'); // Thu, Fri, Mon, Tue, Wed
    const tooEarly = await call('yearend.transition', { yearId: y.yearId, to: 'final' });
    expect(!tooEarly.ok && tooEarly.error.message).toContain('公示期至 2026-11-25 止');
    await ok('yearend.transition', { yearId: y.yearId, to: 'review', reason: '调整公示开始日期' });
    const monday = await ok<Bench['state']>('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    expect(monday.noticeEnd).toBe('2026-11-20');
    const obj = await ok<{ id: string }>('yearend.addObjection', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      receivedOn: '2026-11-18',
      raisedBy: '匿名',
      content: '反映其第三季度考勤问题',
    });
    const blocked = await call('yearend.transition', { yearId: y.yearId, to: 'final' });
    expect(!blocked.ok && blocked.error.message).toContain('还有 1 条异议未处理完毕');
    await ok('yearend.resolveObjection', {
      objectionId: obj.id,
      handling: '经核实不属实，维持原结果',
      resolvedOn: '2026-11-21',
    });
    const fin = await ok<{ stage: string; finalBackup: string; settingsAsDecided: boolean }>('yearend.transition', {
      yearId: y.yearId,
      to: 'final',
    });
    expect(fin.stage).toBe('final');
    expect(fin.settingsAsDecided).toBe(true);
    expect(existsSync(fin.finalBackup)).toBe(true);
    expect(audit('yearend.stage.final')).toHaveLength(1);
  });

  it('after final every write to ratings, evidence, decisions and settings of the year is refused and the store unchanged', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    await toNotice(y);
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    const db = t.core.db;
    const dump = () =>
      JSON.stringify([
        db.prepare('SELECT * FROM period_rating ORDER BY id').all(),
        db.prepare('SELECT * FROM evidence ORDER BY id').all(),
        db.prepare('SELECT * FROM yearend_decision ORDER BY id').all(),
        db.prepare('SELECT settings_json FROM assessment_year').all(),
      ]);
    const before = dump();
    const a01 = y.ids.get('A01')!;
    const r = await call('yearend.decide', {
      yearId: y.yearId,
      personId: a01,
      outcome: 'graded',
      grade: 'competent',
      reason: '改动',
    });
    expect(!r.ok && r.error.code).toBe('LOCKED');
    expect(!r.ok && r.error.message).toContain('复核或申诉');
    expect(() => db.prepare(`UPDATE period_rating SET rating = 'poor' WHERE person_id = ?`).run(a01)).toThrow(/定档/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO period_rating (id, period_id, person_id, unit_id, rating, created_at, created_by, updated_at, updated_by) VALUES ('x', ?, ?, ?, 'poor', 'x', 'x', 'x', 'x')`,
        )
        .run(y.periodIds[0], y.ids.get('A02'), y.deptIds[0]),
    ).toThrow(/定档/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO evidence (id, person_id, kind, sub_kind, date, recorded_by, created_at, updated_at, updated_by) VALUES ('e-late', ?, 'sanction', '警告', '2026-12-01', 'x', 'x', 'x', 'x')`,
        )
        .run(a01),
    ).toThrow(/定档/);
    expect(() => db.prepare(`UPDATE yearend_decision SET grade = 'basic' WHERE person_id = ?`).run(a01)).toThrow(
      /定档/,
    );
    expect(() => db.prepare(`UPDATE assessment_year SET settings_json = '{}' WHERE id = ?`).run(y.yearId)).toThrow(
      /定档/,
    );
    // evidence of another year is still writable
    db.prepare(
      `INSERT INTO evidence (id, person_id, kind, sub_kind, date, recorded_by, created_at, updated_at, updated_by) VALUES ('e-2027', ?, 'commendation', '嘉奖', '2027-01-10', 'x', 'x', 'x', 'x')`,
    ).run(a01);
    db.prepare(`DELETE FROM evidence WHERE id = 'e-2027'`).run();
    expect(dump()).toBe(before);
  });
});

describe('redress after final', () => {
  it('records review and appeal with deadlines, refuses late or non-appealable filings, applies a changed grade with audit', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople() });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
    const b = await rows(y);
    for (const r of b.rows.filter((x) => !x.decision)) {
      const leader = r.person.personNo === 'L01';
      const excellent = ['A01', 'A02'].includes(r.person.personNo);
      await ok('yearend.decide', {
        yearId: y.yearId,
        personId: r.person.id,
        outcome: 'graded',
        grade: excellent || leader ? 'excellent' : 'competent',
        reason: excellent || leader ? '' : '名额有限',
        approvalDocNo: leader ? '市委组〔2026〕12号' : '',
      });
    }
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    const a07 = y.ids.get('A07')!; // 基本称职
    const late = await call('yearend.fileRedress', {
      yearId: y.yearId,
      personId: a07,
      kind: 'review',
      learnedOn: '2026-10-01',
      filedOn: '2026-11-24',
      request: '申请复核',
    });
    expect(!late.ok && late.error.message).toContain('已超过复核期限');
    const notAppealable = await call('yearend.fileRedress', {
      yearId: y.yearId,
      personId: y.ids.get('A06'),
      kind: 'review',
      filedOn: '2026-11-25',
      request: '申请复核',
    });
    expect(!notAppealable.ok && notAppealable.error.message).toContain(
      '只允许对以下等次申请复核或申诉：基本称职、不称职',
    );
    const review = await ok<{ id: string; deadline: string; deadlineBasis: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId: a07,
      kind: 'review',
      learnedOn: '2026-11-20',
      filedOn: '2026-11-24',
      request: '第二、三季度为出差期间，评价不全面',
    });
    // 30 days end on Sunday 20 December: the deadline moves to Monday 21 December
    expect(review.deadline).toBe('2026-12-21');
    expect(review.deadlineBasis).toContain('30 日内申请复核（期满日 2026年12月20日 为休息日，顺延至 2026年12月21日）');
    const decided = await ok<{ resultLabel: string; status: string }>('yearend.decideRedress', {
      redressId: review.id,
      decision: 'changed',
      decisionOn: '2026-11-25',
      decisionDocNo: '考核委〔2026〕15号',
      reason: '经复核，出差期间工作成效突出',
      outcome: 'graded',
      grade: 'competent',
    });
    expect(decided).toMatchObject({ status: 'decided', resultLabel: '称职' });
    const row = t.core.db.prepare('SELECT grade, source FROM yearend_decision WHERE person_id = ?').get(a07);
    expect(row).toEqual({ grade: 'competent', source: 'review' });
    expect(audit('yearend.redress.apply')).toHaveLength(1);
    expect(JSON.parse(audit('yearend.redress.apply')[0]!.before_json)).toMatchObject({ decision: { grade: 'basic' } });
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM yearend_unlock').get()).toEqual({ n: 0 });
    // appeal after the review: 15 days from the review decision — but 称职 is not appealable by default
    const appeal = await call('yearend.fileRedress', {
      yearId: y.yearId,
      personId: a07,
      kind: 'appeal',
      reviewId: review.id,
      filedOn: '2026-11-25',
      request: '不服复核',
    });
    expect(!appeal.ok && appeal.error.message).toContain('只允许对以下等次');
    const results = loadYearResults(t.core.db, y.yearId, new Date('2026-11-25T02:00:00Z'));
    expect(results.people.find((p) => p.person.personNo === 'A07')!.final.label).toBe('称职');
  });
});

describe('points mode on the store', () => {
  it('ranks within the quota unit so bulk accept can take every suggestion', async () => {
    const y = seedYearEnd(t.ctx, { people: tenPeople(), settings: (s) => void (s.suggestion.mode = 'points') });
    const b = await rows(y);
    expect(b.units[0]).toMatchObject({ allowed: 2, candidates: 2 });
    // A01 and A08 score 16, but A08 carries a 警告 cap; then A02, A04, A05 tie on 15 with three 好 each:
    // 人员编号 decides, and the trace says so
    expect(byNo(b, 'A01').suggestion.label).toBe('优秀');
    expect(byNo(b, 'A08').suggestion.label).toBe('称职');
    expect(byNo(b, 'A02').suggestion.label).toBe('优秀');
    expect(byNo(b, 'A04').suggestion.label).toBe('称职');
    expect(byNo(b, 'A04').traceText).toContain(
      '排第 3 名（共 8 人，优秀名额 2 名）；与张二（A02）、张五（A05）同分，依次按“好”的次数、人员编号先后排定',
    );
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const r = await ok<{ accepted: number; skipped: { name: string }[] }>('yearend.bulkAccept', {
      yearId: y.yearId,
      departmentId: null,
    });
    expect(r.accepted).toBe(10);
    expect(r.skipped.map((x) => x.name)).toEqual(['局长']);
  });
});

describe('results and settings impact', () => {
  it('loadYearResults gives the pack everything, with the settings as decided', async () => {
    const y = seedYearEnd(t.ctx, {
      people: [
        ...tenPeople(),
        {
          no: 'H01',
          name: '赵三年',
          ratings: '好 好 好 好',
          history: [
            { year: 2025, grade: 'excellent' },
            { year: 2024, grade: 'excellent' },
          ],
        },
      ],
    });
    const r = loadYearResults(t.core.db, y.yearId, new Date('2026-11-25T02:00:00Z'));
    expect(r.people).toHaveLength(12);
    expect(r.periods.map((p) => p.code)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    const h = r.people.find((p) => p.person.personNo === 'H01')!;
    expect(h.consequences.map((c) => c.label)).toContain('记三等功候选');
    expect(h.ratings[0]).toMatchObject({ periodCode: '2026Q1', periodLabel: '第一季度', rating: 'good' });
    expect(r.settingsAsDecided).toBe(false);
    expect(r.units[0]!.allowed).toBe(2);
  });

  it('settingsImpact lists the people whose suggestion would change', async () => {
    const y = seedYearEnd(t.ctx, {
      people: [
        ...tenPeople(),
        {
          no: 'S01',
          name: '病假人',
          ratings: '好 好 好 好',
          evidence: [{ kind: 'leave', subKind: '病假', date: '2026-02-01', endDate: '2026-06-30', days: 150 }],
        },
      ],
    });
    const s = defaultYearSettings();
    s.leaveDaysThreshold = 120;
    // a job: the two evaluations run in a worker; its steps are pushed, then the comparison
    const started = await ok<{ id: string; task: string }>('yearend.settingsImpact', { yearId: y.yearId, settings: s });
    expect(started.task).toBe('yearend.settingsImpact');
    const end = await t.core.jobs.wait(started.id);
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    const r = end.value as {
      changedTotal: number;
      changed: { name: string; before: string; after: string; reason: string }[];
    };
    expect(r.changedTotal).toBe(1);
    expect(r.changed[0]).toMatchObject({ name: '病假人', before: '优秀', after: '只写评语，不定等次' });
    expect(r.changed[0]!.reason).toContain('超过 120 天');
  });
});
