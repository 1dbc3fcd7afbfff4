// The calendar and the sign-off from the command line, on a real store and real xlsx files: show,
// edit, import and reset a year's 放假/调休上班 days; record one person's 送达 and 本人意见, sign a
// department in bulk, list who has not signed, and print the 送达签收表. Each through the same
// dispatch as the window (audited; a bad file or bad input names the cell or field, writes nothing).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { cliIn, insertCliOperator } from '../support/cli-fixtures';
import { tempCore, type TempCore } from '../support/temp-core';
import { writeXlsx } from '../support/xlsx-fixtures';
import { seedYearEnd } from '../support/yearend-fixtures';

let t: TempCore;
let cli: ReturnType<typeof cliIn>;
beforeEach(async () => {
  t = tempCore(); // 2026-11-25
  await insertCliOperator(t.core, 'jingban', 'clerk');
  cli = cliIn(t.dir, { DA_OPERATOR: 'jingban', DA_TEST_NOW: '2026-11-25T02:00:00Z' });
});
afterEach(() => t.cleanup());

const audits = (action: string) =>
  (t.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

describe('calendar from the command line', () => {
  it('shows a year, imports a spreadsheet (bad cells named, nothing saved), edits and resets a year', async () => {
    const shipped = await cli(['calendar', 'get', '--year', '2026', '--json']);
    expect(shipped.err).toBe('');
    const y2026 = JSON.parse(shipped.out) as { source: string; days: { date: string; kind: string; name: string }[] };
    expect(y2026.source).toBe('shipped');
    expect(y2026.days).toEqual(expect.arrayContaining([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }]));
    expect(JSON.parse((await cli(['calendar', 'get', '--year', '2027', '--json'])).out)).toBeNull();

    const bad = await writeXlsx(join(t.dir, '错误.xlsx'), [
      {
        rows: [
          ['日期', '类型', '名称'],
          ['2027-02-31', '放假', '春节'],
          ['2027-02-11', '请假', '春节'],
        ],
      },
    ]);
    const refused = await cli(['import-calendar', bad]);
    expect(refused.code).toBe(EXIT_CODE.IMPORT_REJECTED);
    expect(refused.err).toContain('发现 2 处错误，未导入');
    expect(refused.err).toMatch(/第 2 行 A 列.*2027-02-31/);
    expect(refused.err).toContain('第 3 行 B 列（类型）：无法识别“请假”，请填写“放假”或“上班”');
    expect(JSON.parse((await cli(['calendar', 'get', '--year', '2027', '--json'])).out)).toBeNull();
    expect(audits('calendar.import')).toBe(0);

    const good = await writeXlsx(join(t.dir, '2027节假日.xlsx'), [
      {
        rows: [
          ['日期', '类型', '名称', '依据'],
          ['2027-01-01', '放假', '元旦', '国办发明电〔2026〕（测试）'],
          ['2027-01-02', '放假', '元旦', ''],
          ['2027-01-03', '放假', '元旦', ''],
          ['2027-02-20', '上班', '春节', ''],
        ],
      },
    ]);
    const imported = await cli(['import-calendar', good]);
    expect(imported.err).toBe('');
    expect(imported.out).toBe('已导入 2027 年：放假 3 天，调休上班 1 天（国办发明电〔2026〕（测试）） / saved 2027');
    expect(audits('calendar.import')).toBe(1);
    const y2027 = JSON.parse((await cli(['calendar', 'get', '--year', '2027', '--json'])).out) as {
      source: string;
      days: unknown[];
      meta: { source: string; fileName: string };
    };
    expect(y2027).toMatchObject({ source: 'office', meta: { source: 'import', fileName: '2027节假日.xlsx' } });
    expect(y2027.days).toHaveLength(4);

    // edit a year by hand (the whole year replaced), then take a shipped year back to the table
    const days = JSON.stringify([
      { year: 2026, basis: '本单位更正（测试）', days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }] },
    ]);
    const saved = await cli(['calendar', 'save', '--source', 'manual', '--years', days]);
    expect(saved.err).toBe('');
    expect(saved.code).toBe(0);
    expect(JSON.parse((await cli(['calendar', 'get', '--year', '2026', '--json'])).out)).toMatchObject({
      source: 'office',
      days: [{ date: '2026-10-01' }],
    });
    const reset = await cli(['calendar', 'reset', '--year', '2026', '--reason', '误录，恢复内置数据']);
    expect(reset.code).toBe(0);
    expect(JSON.parse((await cli(['calendar', 'get', '--year', '2026', '--json'])).out)).toMatchObject({
      source: 'shipped',
    });
    expect(audits('calendar.reset')).toBe(1);
  }, 120_000);
});

describe('sign-off from the command line', () => {
  it('records one person, signs a department in bulk, lists the unsigned and prints the 送达签收表', async () => {
    const y = seedYearEnd(t.ctx, {
      people: [
        { no: 'A01', name: '张一', ratings: '较好 较好 较好 较好' },
        { no: 'A02', name: '张二', ratings: '较好 较好 较好 较好' },
        { no: 'B01', name: '李一', ratings: '较好 较好 较好 较好', dept: 1 },
        { no: 'B02', name: '李二', ratings: '较好 较好 较好 较好', dept: 1 },
      ],
    });
    const ok = async (method: string, input: unknown) => {
      const r = await dispatch(t.core, t.session, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    };
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });

    const one = await cli([
      'signoff',
      'record',
      '--year-id',
      '2026',
      '--person-id',
      'A01',
      '--delivered-on',
      '2026-11-25',
      '--opinion',
      'disagree',
      '--opinion-text',
      '本人认为第四季度工作实绩应予考虑',
      '--signed-on',
      '2026-11-25',
    ]);
    expect(one.err).toBe('');
    expect(one.code).toBe(0);
    // bad input is named and writes nothing
    const signoffs = () => JSON.stringify(t.core.db.prepare('SELECT * FROM yearend_signoff ORDER BY person_id').all());
    const before = signoffs();
    const recorded = audits('yearend.signoff.record');
    expect(recorded).toBeGreaterThan(0);
    const bad = await cli([
      'signoff',
      'record',
      '--year-id',
      '2026',
      '--person-id',
      'A02',
      '--delivered-on',
      '2026-11-24',
      '--opinion',
      'null',
    ]);
    expect(bad.code).toBe(EXIT_CODE.INVALID_INPUT);
    expect(bad.err).toContain('张二（A02）：送达日期不能早于定档日（2026-11-25）');
    expect(signoffs()).toBe(before);
    expect(audits('yearend.signoff.record')).toBe(recorded);

    const bulk = await cli([
      'signoff',
      'bulk',
      '--year-id',
      '2026',
      '--department-id',
      '综合科',
      '--delivered-on',
      '2026-11-25',
      '--signed-on',
      '2026-11-25',
      '--json',
    ]);
    expect(bulk.err).toBe('');
    expect(JSON.parse(bulk.out)).toMatchObject({ recorded: 2, skipped: [] });
    const unsigned = JSON.parse(
      (await cli(['signoff', 'list', '--year-id', '2026', '--only-unsigned', '--json'])).out,
    ) as { rows: { personNo: string }[]; counts: { total: number; signed: number; unsigned: number } };
    expect(unsigned.rows.map((r) => r.personNo)).toEqual(['A02']);
    expect(unsigned.counts).toMatchObject({ total: 4, signed: 3, unsigned: 1 });
    expect(audits('yearend.signoff.bulk')).toBe(2); // one entry per person signed

    // the 送达签收表, printed from what was recorded
    const out = join(t.dir, 'pack');
    const pack = await cli(['pack', '--year', '2026', '--sheets', 'signoff', '--out', out]);
    expect(pack.err).toBe('');
    expect(pack.code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, files[0]!));
    const ws = wb.getWorksheet('送达签收表')!;
    const rows: string[] = [];
    ws.eachRow((r) =>
      rows.push(
        (r.values as unknown[])
          .slice(1)
          // the writer breaks long text into lines itself (Chinese line rules); the words are what we check
          .map((v) => String(v ?? '').replace(/\n/g, ''))
          .join('|'),
      ),
    );
    expect(rows.find((r) => r.includes('张一'))).toMatch(/不同意.*本人认为第四季度工作实绩应予考虑/);
    expect(rows.find((r) => r.includes('李二'))).toContain('同意');
    expect(rows.find((r) => r.includes('张二'))).not.toMatch(/同意/);
  }, 180_000);
});
