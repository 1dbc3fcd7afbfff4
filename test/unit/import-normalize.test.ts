// The pure normalizers of messy cells: each accepted wording and each refusal with its Chinese text.
import { describe, expect, it } from 'vitest';
import {
  normCategory,
  normDate,
  normDays,
  normGender,
  normHistoryGrade,
  normIdCard,
  normName,
  normPeriodCode,
  normRating,
  normYearMonth,
  normYesNo,
  normCode,
} from '../../shared/import/normalize';
import { idCardCheckChar, maskIdCard } from '../../shared/domain/idcard';
import { cleanText, columnLetter, toHalfWidth } from '../../shared/import/text';
import { dateCellToIso, excelSerialToIso, plainCell } from '../../shared/import/cells';
import { headerKey, matchHeader } from '../../shared/import/columns';

const val = <T>(r: { ok: true; value: T } | { ok: false; problem: string }) => (r.ok ? r.value : `ERR:${r.problem}`);

describe('text clean-up', () => {
  it('folds full-width forms, odd spaces and invisible characters', () => {
    expect(toHalfWidth('Ｐ０００１　ＡＢ')).toBe('P0001 AB');
    expect(cleanText('\u200b 好\u00a0\u00a0较好 \t\n')).toBe('好 较好');
    expect(val(normName('张 三 '))).toBe('张三');
    expect(val(normName('阿依古丽・买买提'))).toBe('阿依古丽·买买提');
    expect(val(normCode('Ｐ０００１ ', 40))).toBe('P0001');
    expect(val(normCode(1001, 40))).toBe('1001');
    expect(columnLetter(1) + columnLetter(26) + columnLetter(27)).toBe('AZAA');
    expect(headerKey('* 等次（好/较好/一般/较差）')).toBe('等次');
    expect(matchHeader('ratings', '考核等次')).toBe('rating');
    expect(matchHeader('roster', '所在部门 ')).toBe('department');
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['２０２６－０３－０１', '2026-03-01'],
    [' 2026-3-1 ', '2026-03-01'],
    ['20260301', '2026-03-01'],
    [20260301, '2026-03-01'],
    [46082, '2026-03-01'],
    [{ date: '2026-03-01' }, '2026-03-01'],
    ['', null],
  ])('%s → %s', (input, want) => {
    expect(val(normDate(input as never))).toBe(want);
  });
  it.each([
    ['2026-02-30', '不存在'],
    ['03/01/2026', '顺序不明确'],
    ['明天', '无法识别'],
    ['1850-01-01', '年份不合理'],
    [true, '应为日期'],
  ])('%s is refused (%s)', (input, words) => {
    expect(val(normDate(input as never))).toContain(words);
  });
  it('year-months, with the ambiguous 2026.1 refused', () => {
    expect(val(normYearMonth('1985.07'))).toBe('1985-07');
    expect(val(normYearMonth(1985.07))).toBe('1985-07');
    expect(val(normYearMonth('1985年7月'))).toBe('1985-07');
    expect(val(normYearMonth('198507'))).toBe('1985-07');
    expect(val(normYearMonth({ date: '1985-07-15' }))).toBe('1985-07');
    expect(val(normYearMonth(2026.1))).toContain('含义不明');
    expect(val(normYearMonth('1985-13'))).toContain('月份');
  });
  it('Excel serials: 1900 system with its leap-year bug', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45382)).toBe('2024-03-31');
  });
});

describe('dates survive the machine time zone', () => {
  for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    it(`under TZ=${tz}`, () => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        // exceljs builds date cells at UTC midnight; the edge conversion reads the UTC parts.
        expect(dateCellToIso(new Date(Date.UTC(2024, 2, 31)))).toBe('2024-03-31');
        expect(plainCell(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)))).toEqual({ date: '2026-01-01' });
        expect(val(normDate(45382))).toBe('2024-03-31');
        expect(val(normDate('2024-03-31'))).toBe('2024-03-31');
        // the zone is really in force: local midnight is not UTC midnight here
        expect(new Date(2024, 2, 31).getTimezoneOffset()).not.toBe(0);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  }
});

describe('ratings, categories and the rest', () => {
  it.each([
    ['好', 'good'],
    ['好 ', 'good'],
    ['　好', 'good'],
    ['优秀', 'good'],
    ['优', 'good'],
    ['较好', 'fair'],
    ['良好', 'fair'],
    ['良', 'fair'],
    ['一般', 'average'],
    ['中', 'average'],
    ['较差', 'poor'],
    ['差', 'poor'],
    ['', null],
  ])('rating %j → %s', (input, want) => {
    expect(val(normRating(input))).toBe(want);
  });
  it('refuses letters, annual grades and unknown words', () => {
    expect(val(normRating('A'))).toContain('字母等次');
    expect(val(normRating('称职'))).toContain('年度考核等次');
    expect(val(normRating('很好'))).toContain('无法识别');
  });
  it.each([
    ['公务员', 'civil_servant'],
    ['参公', 'civil_servant_managed'],
    ['参照公务员法管理', 'civil_servant_managed'],
    ['参照公务员法管理 ', 'civil_servant_managed'],
    ['事业', 'institution'],
    ['事业单位', 'institution'],
    ['事业单位工作人员', 'institution'],
  ])('category %s', (input, want) => {
    expect(val(normCategory(input))).toBe(want);
  });
  it('refuses unknown categories and blank', () => {
    expect(val(normCategory('临时工'))).toContain('无法识别');
    expect(val(normCategory(''))).toContain('未填写');
  });
  it('是/否, gender, days, periods, history grades', () => {
    expect([normYesNo('是'), normYesNo('否'), normYesNo(''), normYesNo('Y'), normYesNo('√')].map(val)).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(val(normYesNo('也许'))).toContain('是 或 否');
    expect([normGender('男'), normGender('女性'), normGender('')].map(val)).toEqual(['男', '女', null]);
    expect(val(normDays('３'))).toBe(3);
    expect(val(normDays('2.5天'))).toBe(2.5);
    expect(val(normDays(400))).toContain('不合理');
    expect(
      ['2026Q1', '2026年第一季度', '2026-q2', '2026年上半年', '2026年3月', '2026 Q4'].map((s) =>
        val(normPeriodCode(s)),
      ),
    ).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026H1', '2026M03', '2026Q4']);
    expect(val(normHistoryGrade('合格'))).toEqual({ outcome: 'graded', grade: 'competent' });
    expect(val(normHistoryGrade('不定等次'))).toEqual({ outcome: 'comments_only', grade: null });
    expect(val(normHistoryGrade('未参加'))).toEqual({ outcome: 'not_assessed', grade: null });
    expect(val(normHistoryGrade('良好'))).toContain('无法识别');
  });
  it('ID cards: GB 11643 check digit, numbers refused, masked', () => {
    const first = '11010519491231002';
    const id = first + idCardCheckChar(first);
    expect(id).toBe('11010519491231002X');
    expect(val(normIdCard(id.toLowerCase()))).toBe(id);
    expect(val(normIdCard('110105194912310021'))).toContain('校验位');
    expect(val(normIdCard(110105194912310020))).toContain('数字');
    expect(maskIdCard(id)).toBe('110105********002X');
  });
});
