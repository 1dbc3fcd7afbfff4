// The official calendar on a real store: the office enters a year the app does not ship, the 公示
// counts on it (and is refused, naming the year, before it is entered), a decided year keeps the
// calendar it was counted on, a spreadsheet of days is read in a worker with every bad cell named,
// and every change is audited in the same transaction; a refused change leaves the store as it was.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { calendarOfYear } from '../../electron/core/calendar/calendar-repo';
import { isWorkingDay } from '../../shared/calendar/official-calendar';
import type { CalendarFileDto, CalendarYearDto } from '../../shared/api/calendar';
import type { Result } from '../../shared/result';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeededYear } from '../support/yearend-fixtures';
import { writeXlsx } from '../support/xlsx-fixtures';

let t: TempCore;
beforeEach(() => {
  // mid-January 2027: a notice begun on 28 December 2026 is over
  t = tempCore({ now: () => new Date('2027-01-20T02:00:00Z') });
});
afterEach(() => t.cleanup());

const call = async <T = unknown>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(t.core, t.session, method, input)) as Result<T>;
const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const audits = (action: string) =>
  t.core.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    entity_id: string;
    before_json: string | null;
    after_json: string;
    reason: string;
  }[];
const dump = () =>
  JSON.stringify([
    t.core.db.prepare('SELECT * FROM calendar_year ORDER BY year').all(),
    t.core.db.prepare('SELECT * FROM calendar_day ORDER BY date').all(),
    t.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
  ]);

// made-up days for 2027 as an office would type them from the notice (2027 is not shipped)
const DAYS_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { date: '2027-02-06', kind: 'holiday', name: '春节' },
  { date: '2027-02-20', kind: 'workday', name: '春节' },
] as const;

async function decidedToNotice(): Promise<SeededYear> {
  const y = seedYearEnd(t.ctx, {
    people: [
      { no: 'A01', name: '张一', ratings: '较好 较好 较好 较好' },
      { no: 'A02', name: '张二', ratings: '较好 较好 较好 较好' },
      { no: 'A03', name: '张三', ratings: '较好 较好 较好 较好' },
    ],
    settings: (s) => void (s.redress.appealableGrades = ['excellent', 'competent', 'basic', 'incompetent']),
  });
  await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
  await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
  return y;
}

describe('official calendar', () => {
  it('shows shipped years; a year the app does not ship is unknown until the office enters it', async () => {
    const o = await ok<{ shippedSource: string; shippedFirst: number; shippedLast: number; years: { year: number }[] }>(
      'calendar.overview',
      {},
    );
    expect(o).toMatchObject({ shippedSource: 'chinese-days 1.5.7', shippedFirst: 2004, shippedLast: 2026 });
    expect(o.years[0]!.year).toBe(2026);
    expect(await ok('calendar.get', { year: 2027 })).toBeNull();
    const y2026 = await ok<CalendarYearDto>('calendar.get', { year: 2026 });
    expect(y2026).toMatchObject({ source: 'shipped', shipped: true, meta: null });
    expect(y2026.days.find((d) => d.date === '2026-02-28')).toEqual({
      date: '2026-02-28',
      kind: 'workday',
      name: '春节',
    });
  });

  it('refuses bad days by name and writes nothing', async () => {
    const before = dump();
    const r = await call('calendar.save', {
      source: 'manual',
      years: [
        {
          year: 2027,
          basis: '',
          days: [
            { date: '2027-02-10', kind: 'workday', name: '春节' },
            { date: '2028-01-01', kind: 'holiday', name: '元旦' },
            { date: '2027-02-06', kind: 'holiday', name: '' },
            { date: '2027-02-06', kind: 'holiday', name: '春节' },
          ],
        },
      ],
    });
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    const msg = !r.ok ? r.error.message : '';
    expect(msg).toContain('2027-02-10 是星期三，本来就是工作日；“调休上班”只用于周六或周日');
    expect(msg).toContain('2028-01-01 不在 2027 年内');
    expect(msg).toContain('2027-02-06 未填写节日名称');
    expect(msg).toContain('2027-02-06 重复录入');
    expect(dump()).toBe(before);
  });

  it('the notice is refused over an unknown year, then counts on the office’s days; a decided year keeps its calendar', async () => {
    const y = await decidedToNotice();
    const refused = await call('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-12-28',
      // the test clock stands in 2027; the notice is recorded as posted on that earlier day
      confirmPastStart: true,
    });
    expect(!refused.ok && refused.error.message).toContain('不能开始公示：2027 年的法定节假日安排尚未录入日历');
    expect(audits('yearend.stage.notice')).toHaveLength(0);

    const saved = await ok<CalendarYearDto[]>('calendar.save', {
      source: 'manual',
      years: [{ year: 2027, basis: '国办发明电〔2026〕（测试）', days: DAYS_2027 }],
    });
    expect(saved[0]).toMatchObject({ source: 'office', shipped: false, meta: { source: 'manual' } });
    const a = audits('calendar.save');
    expect(a).toHaveLength(1);
    expect(a[0]!.entity_id).toBe('2027');
    expect(a[0]!.before_json).toBe('null');
    expect(JSON.parse(a[0]!.after_json)).toMatchObject({ days: expect.arrayContaining(['2027-01-01 放假 元旦']) });

    // Mon 28, Tue 29, Wed 30, Thu 31 December, then 元旦 1–3 January off: the fifth day is Monday 4 January
    const st = await ok<{ noticeEnd: string }>('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-12-28',
      confirmPastStart: true,
    });
    expect(st.noticeEnd).toBe('2027-01-04');
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    const kept = t.core.db
      .prepare('SELECT decided_calendar_json AS j FROM yearend_state WHERE year_id = ?')
      .get(y.yearId) as {
      j: string;
    };
    expect((JSON.parse(kept.j) as { year: number }[]).map((c) => c.year)).toEqual([2026, 2027]);

    // the office later marks 4 January a rest day too: the decided year still counts on its copy
    await ok('calendar.save', {
      source: 'manual',
      years: [
        { year: 2027, basis: '更正', days: [...DAYS_2027, { date: '2027-01-04', kind: 'holiday', name: '元旦' }] },
      ],
    });
    const view = await ok<CalendarYearDto>('calendar.get', { year: 2027 });
    expect(view.keptBy.map((k) => k.year)).toEqual([2026]);
    expect(isWorkingDay(calendarOfYear(t.core.db, y.yearId), '2027-01-04')).toBe(true);
    // 3 December + 30 days = Saturday 2 January (元旦): moved to Monday 4 January on the kept calendar
    const redress = await ok<{ deadline: string; deadlineBasis: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      kind: 'review',
      learnedOn: '2026-12-03',
      filedOn: '2027-01-04',
      request: '申请复核本人等次',
    });
    expect(redress.deadline).toBe('2027-01-04');
    expect(redress.deadlineBasis).toContain('顺延至 2027年1月4日');
  });

  it('reads a spreadsheet of days in a worker, names every bad cell, and saves it as an audited import', async () => {
    const good = await writeXlsx(join(t.dir, '2027节假日.xlsx'), [
      {
        rows: [
          ['2027年部分节假日安排'],
          [],
          ['日期', '类型', '名称', '依据'],
          [new Date(Date.UTC(2027, 0, 1)), '放假', '元旦', '国办发明电〔2026〕（测试）'],
          ['2027/1/2', '放假', '元旦', ''],
          ['2027年1月3日', '休息', '元旦', ''],
          [],
          ['2027-02-20', '上班', '春节', ''],
          ['2028-01-01', '放假', '元旦', ''],
        ],
        merges: ['A1:D1'],
      },
    ]);
    grantPath(t.session, good);
    const job = await ok<{ id: string }>('calendar.readFile', { path: good });
    const end = await t.core.jobs.wait(job.id);
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    const file = end.value as CalendarFileDto;
    expect(file.issues).toEqual([]);
    expect(file.years.map((y) => [y.year, y.basis, y.days.length])).toEqual([
      [2027, '国办发明电〔2026〕（测试）', 4],
      [2028, '', 1],
    ]);
    expect(file.years[0]!.days.map((d) => `${d.date}${d.kind}`)).toEqual([
      '2027-01-01holiday',
      '2027-01-02holiday',
      '2027-01-03holiday',
      '2027-02-20workday',
    ]);
    await ok('calendar.save', {
      source: 'import',
      fileName: file.fileName,
      fileSha256: file.sha256,
      years: file.years,
    });
    expect(audits('calendar.import').map((a) => a.entity_id)).toEqual(['2027', '2028']);
    expect(audits('calendar.import')[0]!.reason).toContain('导入 2027节假日.xlsx');

    const bad = await writeXlsx(join(t.dir, '错误.xlsx'), [
      {
        rows: [
          ['日期', '类型', '名称'],
          ['2027-02-31', '放假', '春节'],
          ['2027-02-10', '上班', '春节'],
          ['2027-02-11', '请假', '春节'],
          ['2027-02-12', '放假', '春节'],
          ['2027-02-12', '放假', '春节'],
        ],
      },
    ]);
    grantPath(t.session, bad);
    const badEnd = await t.core.jobs.wait((await ok<{ id: string }>('calendar.readFile', { path: bad })).id);
    const issues = (badEnd.value as CalendarFileDto).issues.map((i) => `${i.row}${i.column} ${i.problem}`);
    expect(issues).toEqual([
      expect.stringMatching(/^2A .*2027-02-31/),
      '4B 无法识别“请假”，请填写“放假”或“上班”',
      '6A 2027-02-12 与第 5 行重复，每个日期只能有一种安排',
      '3 2027-02-10 是星期三，本来就是工作日；“调休上班”只用于周六或周日',
    ]);
  });

  it('a reset takes a year back to the shipped table, audited; resetting a shipped year is refused', async () => {
    await ok('calendar.save', { source: 'manual', years: [{ year: 2026, basis: '本单位更正', days: [] }] });
    expect(await ok<CalendarYearDto>('calendar.get', { year: 2026 })).toMatchObject({ source: 'office', days: [] });
    const noReason = await call('calendar.reset', { year: 2026, reason: '' });
    expect(!noReason.ok && noReason.error.message).toContain('请填写恢复或删除的原因');
    const back = await ok<CalendarYearDto>('calendar.reset', { year: 2026, reason: '误录，恢复内置数据' });
    expect(back).toMatchObject({ source: 'shipped' });
    expect(back.days.length).toBeGreaterThan(30);
    expect(audits('calendar.reset')).toHaveLength(1);
    const again = await call('calendar.reset', { year: 2026, reason: '再次恢复' });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });
});
