// Messy department spreadsheets: every bad cell is named by sheet, Excel row and column, and a file
// with any error changes nothing (the dump of every table is identical before and after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/temp-core';
import {
  analyze,
  dumpStore,
  EVIDENCE_HEADER,
  HISTORY_HEADER,
  importFile,
  RATINGS_HEADER,
  ROSTER_HEADER,
  seedStore,
  writeXlsx,
} from '../support/xlsx-fixtures';
import type { ImportKind } from '../../shared/import/columns';
import { join } from 'node:path';
import { AppError } from '../../shared/result';

let t: TempCore;

beforeAll(() => {
  t = tempCore();
  seedStore(t.ctx, 4);
});
afterAll(() => t.cleanup());

const HEADERS: Record<ImportKind, string[]> = {
  roster: ROSTER_HEADER.concat('身份证号'),
  ratings: RATINGS_HEADER,
  evidence: EVIDENCE_HEADER,
  history: HISTORY_HEADER,
  tally: ['人员编号', '姓名', '年度', '参加测评人数', '优秀票', '称职票', '基本称职票', '不称职票'],
};
const SHEET: Record<ImportKind, string> = {
  roster: '人员名册',
  ratings: '平时考核',
  evidence: '事件',
  history: '历年结果',
  tally: '民主测评',
};

// Good rows around the bad one, so the error is found among clean data (row numbers: title 1, blank 2, header 3).
const GOOD: Record<ImportKind, unknown[]> = {
  roster: [
    'P0001',
    '张伟',
    '男',
    '1985-07',
    '中共党员',
    '大学',
    '办公室',
    '科员',
    '2020-01',
    '公务员',
    '',
    '2020-01-01',
    '',
    '否',
    '',
  ],
  ratings: ['P0002', '王芳', '2026Q1', '完成材料起草', '好', '表现突出', '李主任'],
  evidence: ['P0002', '王芳', '2026-03-02', '奖励', '嘉奖', '年度嘉奖', '区发改〔2026〕1号', '', ''],
  history: ['P0002', '王芳', 2024, '优秀'],
  tally: ['P0002', '王芳', 2026, 20, 5, 12, 3, 0],
};

interface Case {
  title: string;
  kind: ImportKind;
  row: unknown[];
  column: string;
  header: string;
  problem: string;
}

const cases: Case[] = [
  {
    title: 'rating as a letter',
    kind: 'ratings',
    row: ['P0001', '张伟', '2026Q1', '纪实', 'A', '', ''],
    column: 'E',
    header: '等次',
    problem: '字母等次',
  },
  {
    title: 'annual grade typed as a rating',
    kind: 'ratings',
    row: ['P0001', '张伟', '2026Q1', '纪实', '称职', '', ''],
    column: 'E',
    header: '等次',
    problem: '年度考核等次',
  },
  {
    title: 'unknown rating word',
    kind: 'ratings',
    row: ['P0001', '张伟', '2026Q1', '纪实', '很好', '', ''],
    column: 'E',
    header: '等次',
    problem: '无法识别',
  },
  {
    title: 'name does not match the number',
    kind: 'ratings',
    row: ['P0001', '王芳', '2026Q1', '纪实', '好', '', ''],
    column: 'B',
    header: '姓名',
    problem: '姓名与人员编号不符',
  },
  {
    title: 'number not in the roster',
    kind: 'ratings',
    row: ['P9999', '张伟', '2026Q1', '纪实', '好', '', ''],
    column: 'A',
    header: '人员编号',
    problem: '不在人员名册中',
  },
  {
    title: 'number missing',
    kind: 'ratings',
    row: ['', '张伟', '2026Q1', '纪实', '好', '', ''],
    column: 'A',
    header: '人员编号',
    problem: '人员编号未填写',
  },
  {
    title: 'impossible period',
    kind: 'ratings',
    row: ['P0001', '张伟', '2026Q5', '纪实', '好', '', ''],
    column: 'C',
    header: '期间',
    problem: '无法识别',
  },
  {
    title: 'period of a year not set up',
    kind: 'ratings',
    row: ['P0001', '张伟', '2025Q1', '纪实', '好', '', ''],
    column: 'C',
    header: '期间',
    problem: '本单位没有期间',
  },
  {
    title: 'period missing',
    kind: 'ratings',
    row: ['P0001', '张伟', '', '纪实', '好', '', ''],
    column: 'C',
    header: '期间',
    problem: '期间未填写',
  },
  {
    title: 'same person and period twice',
    kind: 'ratings',
    row: ['P0002', '王芳', '2026Q1', '重复一行', '较好', '', ''],
    column: 'A',
    header: '人员编号',
    problem: '重复',
  },
  {
    title: 'comment too long',
    kind: 'ratings',
    row: ['P0001', '张伟', '2026Q1', '纪实', '好', '长'.repeat(1001), ''],
    column: 'F',
    header: '评语',
    problem: '内容过长',
  },
  {
    title: 'date that does not exist',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-02-30', '奖励', '嘉奖', '', '', '', ''],
    column: 'C',
    header: '日期',
    problem: '不存在',
  },
  {
    title: 'day-first date',
    kind: 'evidence',
    row: ['P0001', '张伟', '03/01/2026', '奖励', '嘉奖', '', '', '', ''],
    column: 'C',
    header: '日期',
    problem: '顺序不明确',
  },
  {
    title: 'date as words',
    kind: 'evidence',
    row: ['P0001', '张伟', '上周三', '奖励', '嘉奖', '', '', '', ''],
    column: 'C',
    header: '日期',
    problem: '无法识别',
  },
  {
    title: 'unknown sub-kind',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '奖励', '记四等功', '', '', '', ''],
    column: 'E',
    header: '细类',
    problem: '无法识别',
  },
  {
    title: 'sub-kind of another kind',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '奖励', '警告', '', '', '', ''],
    column: 'E',
    header: '细类',
    problem: '不属于',
  },
  {
    // a day count alone is enough (the end follows from it: import-evidence-facts.test.ts)
    title: 'sick leave with neither an end date nor a day count',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '请假', '病假', '', '', '', ''],
    column: 'I',
    header: '截止日期',
    problem: '请填写截止日期',
  },
  {
    title: 'commendation without its 文号',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '奖励', '嘉奖', '', '', '', ''],
    column: 'G',
    header: '文号',
    problem: '请填写奖励文号',
  },
  {
    title: 'more leave days than the dates span',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '请假', '事假', '', '', 5, '2026-03-02'],
    column: 'H',
    header: '天数',
    problem: '超过',
  },
  {
    title: 'days as words',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '请假', '事假', '', '', '三天', ''],
    column: 'H',
    header: '天数',
    problem: '应为数字',
  },
  {
    title: 'days out of range',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '请假', '事假', '', '', 400, ''],
    column: 'H',
    header: '天数',
    problem: '不合理',
  },
  {
    title: 'end before start',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-10', '请假', '病假', '', '', 3, '2026-03-01'],
    column: 'I',
    header: '截止日期',
    problem: '早于',
  },
  {
    title: 'unknown kind',
    kind: 'evidence',
    row: ['P0001', '张伟', '2026-03-01', '表扬信', '嘉奖', '', '', '', ''],
    column: 'D',
    header: '类别',
    problem: '无法识别',
  },
  {
    title: 'unknown department',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', '1990-01', '', '', '不存在科', '', '', '公务员', '', '', '', '', ''],
    column: 'G',
    header: '部门',
    problem: '找不到部门',
  },
  {
    title: 'unknown category',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', '1990-01', '', '', '办公室', '', '', '临时工', '', '', '', '', ''],
    column: 'J',
    header: '人员类别',
    problem: '无法识别',
  },
  {
    title: 'odd gender',
    kind: 'roster',
    row: ['P0100', '孙丽', '女的', '1990-01', '', '', '办公室', '', '', '公务员', '', '', '', '', ''],
    column: 'C',
    header: '性别',
    problem: '男 或 女',
  },
  {
    title: 'ambiguous year-month 2026.1',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', 1990.1, '', '', '办公室', '', '', '公务员', '', '', '', '', ''],
    column: 'D',
    header: '出生年月',
    problem: '含义不明',
  },
  {
    title: '是/否 column with another word',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', '1990-01', '', '', '办公室', '', '', '公务员', '', '', '', '也许', ''],
    column: 'N',
    header: '上级考核',
    problem: '是 或 否',
  },
  {
    title: 'known number, other name',
    kind: 'roster',
    row: ['P0003', '钱七', '女', '1990-01', '', '', '办公室', '', '', '公务员', '', '', '', '', ''],
    column: 'B',
    header: '姓名',
    problem: '姓名与人员编号不符',
  },
  {
    title: 'ID card with a wrong check digit',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', '', '', '', '办公室', '', '', '公务员', '', '', '', '', '110105194912310021'],
    column: 'O',
    header: '身份证号',
    problem: '校验位',
  },
  {
    title: 'ID card stored as a number',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', '', '', '', '办公室', '', '', '公务员', '', '', '', '', 110105194912310020],
    column: 'O',
    header: '身份证号',
    problem: '存成了数字',
  },
  {
    title: 'probation ending before hire',
    kind: 'roster',
    row: ['P0100', '孙丽', '女', '', '', '', '办公室', '', '', '公务员', '', '2026-03-01', '2025-09-01', '', ''],
    column: 'M',
    header: '试用期满日期',
    problem: '早于入职日期',
  },
  {
    title: 'same number twice in the roster',
    kind: 'roster',
    row: ['P0001', '张伟', '男', '', '', '', '办公室', '', '', '公务员', '', '', '', '', ''],
    column: 'A',
    header: '人员编号',
    problem: '重复',
  },
  {
    title: 'history of the current year',
    kind: 'history',
    row: ['P0001', '张伟', 2026, '优秀'],
    column: 'C',
    header: '年度',
    problem: '不能导入',
  },
  {
    title: 'history grade 良好',
    kind: 'history',
    row: ['P0001', '张伟', 2024, '良好'],
    column: 'D',
    header: '等次',
    problem: '无法识别',
  },
  {
    title: 'history year in Chinese numerals',
    kind: 'history',
    row: ['P0001', '张伟', '二〇二四', '优秀'],
    column: 'C',
    header: '年度',
    problem: '四位数字',
  },
];

describe('each messy cell is named and nothing is applied', () => {
  it(`has at least 25 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(25));
  it.each(cases.map((c, i) => [i + 1, c.title, c] as const))('%i %s', async (i, _title, c) => {
    const path = join(t.dir, `messy-${i}.xlsx`);
    const header = HEADERS[c.kind];
    // Title merged over the columns, a blank row, the header, a good row, the bad row, a good row.
    const good2 =
      c.kind === 'roster'
        ? ['P0005', '陈静', '女', '', '', '', '规划科', '', '', '事业单位', '', '', '', '', '']
        : c.kind === 'ratings'
          ? ['P0004', '刘洋', '2026Q1', '', '较好', '', '']
          : c.kind === 'evidence'
            ? ['P0004', '刘洋', '2026/3/5', '请假', '病假', '', '', 2, '2026-03-06']
            : ['P0004', '刘洋', '2025', '称职'];
    await writeXlsx(path, [
      {
        name: SHEET[c.kind],
        rows: [[`2026年${SHEET[c.kind]}`], [], header, GOOD[c.kind], c.row, good2],
        merges: [`A1:${String.fromCharCode(64 + header.length)}1`],
      },
    ]);
    const before = dumpStore(t.core.db);
    const a = await analyze(t.ctx, c.kind, path);
    const issues = a.rows.flatMap((r) => r.issues);
    expect(issues.length, JSON.stringify(issues)).toBeGreaterThanOrEqual(1);
    const hit = issues.find((x) => x.row === 5 && x.column === c.column);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.sheet).toBe(SHEET[c.kind]);
    expect(hit!.header).toBe(c.header);
    expect(hit!.problem).toContain(c.problem);
    // Only the bad row has problems: the good rows around it are clean.
    expect(issues.every((x) => x.row === 5)).toBe(true);
    await expect(importFile(t.ctx, c.kind, path, 'all')).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
    expect(dumpStore(t.core.db)).toBe(before);
  });
});

describe('messy but valid cells are understood', () => {
  it('ratings with full-width numbers, spaced names, 好 with a trailing space, 良好, Chinese period names', async () => {
    const path = join(t.dir, 'ratings-messy-ok.xlsx');
    await writeXlsx(path, [
      {
        name: '平时考核',
        rows: [
          ['某区发改委 2026 年第一季度平时考核表'],
          ['填表说明：……'],
          [],
          ['人员编号 ', '姓 名', '考核期间', '工作纪实', '考核等次（好/较好/一般/较差）', '评语', '评价人'],
          ['Ｐ０００１', '张 伟', '2026年第一季度', ' 完成  文件起草 ', '好 ', '', '李主任 '],
          [],
          ['P0002', '王芳', '2026Q1', '', '良好', '', ''],
          ['P0004', '刘洋', '2026-q1', '', '优秀', '', ''],
          [null, null, null, null, null, null, null],
        ],
        merges: ['A1:G1', 'A2:G2'],
      },
    ]);
    const a = await analyze(t.ctx, 'ratings', path);
    expect(a.rows.flatMap((r) => r.issues)).toEqual([]);
    const res = await importFile(t.ctx, 'ratings', path);
    expect(res.added).toBe(3);
    const rows = t.core.db
      .prepare(
        'SELECT p.person_no, r.rating, r.work_record, r.rater FROM period_rating r JOIN person p ON p.id = r.person_id ORDER BY p.person_no',
      )
      .all();
    expect(rows).toEqual([
      { person_no: 'P0001', rating: 'good', work_record: '完成 文件起草', rater: '李主任' },
      { person_no: 'P0002', rating: 'fair', work_record: '', rater: '' },
      { person_no: 'P0004', rating: 'good', work_record: '', rater: '' },
    ]);
  });

  it('evidence dates as text, serial numbers and date cells; kind inferred from the sub-kind', async () => {
    const path = join(t.dir, 'evidence-messy-ok.xlsx');
    await writeXlsx(path, [
      {
        name: '事件',
        rows: [
          ['事件登记表'],
          EVIDENCE_HEADER,
          ['P0005', '陈静', '2026/3/1', '', '病假', '', '', '３', '2026.3.3'],
          ['P0005', '陈静', '2026.4.1', '请假', '事假', '', '', 1, '2026-04-01'],
          ['P0005', '陈静', '2026年5月1日', '奖励', '嘉奖', '', '区〔2026〕5号', '', ''],
          ['P0005', '陈静', 46082 + 91, '处分', '警告', '', '区纪〔2026〕3号', '', ''],
          ['P0005', '陈静', new Date(Date.UTC(2026, 6, 1)), '工作实绩', '重点任务', '', '', '', ''],
        ],
      },
    ]);
    const a = await analyze(t.ctx, 'evidence', path);
    expect(a.rows.flatMap((r) => r.issues)).toEqual([]);
    await importFile(t.ctx, 'evidence', path);
    const rows = t.core.db
      .prepare(
        "SELECT kind, sub_kind, date, end_date, days FROM evidence WHERE person_id = (SELECT id FROM person WHERE person_no = 'P0005') ORDER BY date",
      )
      .all();
    expect(rows).toEqual([
      { kind: 'leave', sub_kind: '病假', date: '2026-03-01', end_date: '2026-03-03', days: 3 },
      { kind: 'leave', sub_kind: '事假', date: '2026-04-01', end_date: '2026-04-01', days: 1 },
      { kind: 'commendation', sub_kind: '嘉奖', date: '2026-05-01', end_date: null, days: null },
      { kind: 'sanction', sub_kind: '警告', date: '2026-05-31', end_date: null, days: null },
      { kind: 'work', sub_kind: '重点任务', date: '2026-07-01', end_date: null, days: null },
    ]);
  });

  it('a roster with category wordings, 是/否 variants and full-width dates', async () => {
    const path = join(t.dir, 'roster-messy-ok.xlsx');
    await writeXlsx(path, [
      {
        name: '名册',
        rows: [
          ['人员名册'],
          [],
          ROSTER_HEADER,
          [
            'P0200',
            '欧阳 修',
            '男',
            '1980.05',
            '',
            '',
            ' 规划科 ',
            '',
            '',
            '参照公务员法管理',
            '',
            '２０１０－０９－０１',
            '',
            '是',
          ],
          ['P0201', '周 杰伦', '男性', '1990年1月', '', '', '财务科', '', '', '事业单位', '', '2019/9/1', '', 'N'],
        ],
      },
    ]);
    const res = await importFile(t.ctx, 'roster', path);
    expect(res.added).toBe(2);
    const rows = t.core.db
      .prepare(
        "SELECT person_no, name, gender, birth_month, category, hire_date, superior_assessed FROM person WHERE person_no IN ('P0200','P0201') ORDER BY person_no",
      )
      .all();
    expect(rows).toEqual([
      {
        person_no: 'P0200',
        name: '欧阳修',
        gender: '男',
        birth_month: '1980-05',
        category: 'civil_servant_managed',
        hire_date: '2010-09-01',
        superior_assessed: 1,
      },
      {
        person_no: 'P0201',
        name: '周杰伦',
        gender: '男',
        birth_month: '1990-01',
        category: 'institution',
        hire_date: '2019-09-01',
        superior_assessed: 0,
      },
    ]);
  });

  it('a file without the required columns is refused as a whole, naming them', async () => {
    const path = join(t.dir, 'no-columns.xlsx');
    await writeXlsx(path, [
      {
        rows: [
          ['人员编号', '姓名', '等次'],
          ['P0001', '张伟', '好'],
        ],
      },
    ]);
    const before = dumpStore(t.core.db);
    const e = await analyze(t.ctx, 'ratings', path).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toContain('缺少必填列：期间');
    expect(dumpStore(t.core.db)).toBe(before);
  });
});
