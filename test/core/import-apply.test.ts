// Applying imports through the contract: all-or-nothing under an error in the last row, clean rows
// only by explicit choice, idempotent re-import, cancel without a trace, wrong templates refused,
// kind permissions, the error report read back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { tempCore, type TempCore } from '../support/temp-core';
import {
  dumpStore,
  EVIDENCE_HEADER,
  HISTORY_HEADER,
  ROSTER_HEADER,
  seedStore,
  writeXlsx,
  type SeededStore,
} from '../support/xlsx-fixtures';
import { apply, callOk, jobEnd, preview } from '../support/import-flow';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { dispatch } from '../../electron/core/api/dispatch';
import { requireKindPermission } from '../../electron/core/api/handlers/imports';
import type { JobState } from '../../electron/core/jobs/runner';

let t: TempCore;
let s: SeededStore;
beforeEach(() => {
  t = tempCore();
  s = seedStore(t.ctx, 4);
});
afterEach(() => t.cleanup());

function rosterRows(n: number, badLast: boolean): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++)
    rows.push([
      `N${String(i + 1).padStart(4, '0')}`,
      `新人${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}`,
      i % 2 ? '女' : '男',
      '1990-01',
      '群众',
      '大学',
      '规划科',
      '科员',
      '2024-01',
      '公务员',
      '',
      '2024-01-01',
      '',
      '否',
    ]);
  if (badLast) rows[n - 1]![6] = '宣传科';
  return rows;
}

const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;

describe('apply', () => {
  it('refuses the whole file when only its LAST row is bad, then applies the clean rows by explicit choice', async () => {
    const path = join(t.dir, 'roster.xlsx');
    await writeXlsx(path, [{ name: '名册', rows: [ROSTER_HEADER, ...rosterRows(30, true)] }]);
    const p = await preview(t, 'roster', path);
    expect(p.summary).toMatchObject({ dataRows: 30, errorRows: 1, cleanRows: 29, add: 29 });
    expect(p.issues).toEqual([
      {
        sheet: '名册',
        row: 31,
        column: 'G',
        header: '部门',
        value: '宣传科',
        problem: expect.stringContaining('找不到部门“宣传科”'),
      },
    ]);
    const before = dumpStore(t.core.db);
    const refused = await apply(t, p.previewId, 'all');
    expect(refused.status).toBe('failed');
    expect(refused.error?.code).toBe('IMPORT_REJECTED');
    expect(refused.error?.message).toContain('未导入任何数据');
    expect(dumpStore(t.core.db)).toBe(before);

    const audits = count('SELECT COUNT(*) AS n FROM audit_log');
    const done = await apply(t, p.previewId, 'clean');
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.value).toMatchObject({ added: 29, changed: 0, skippedRows: 1 });
    expect(count("SELECT COUNT(*) AS n FROM person WHERE person_no LIKE 'N%'")).toBe(29);
    expect(count("SELECT COUNT(*) AS n FROM person WHERE person_no = 'N0030'")).toBe(0);
    // one audit row per person plus the batch's own
    expect(count('SELECT COUNT(*) AS n FROM audit_log') - audits).toBe(30);
    expect(t.core.db.prepare('SELECT kind, rows_applied, rows_skipped FROM import_batch').all()).toEqual([
      { kind: 'roster', rows_applied: 29, rows_skipped: 1 },
    ]);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const path = join(t.dir, 'roster-ok.xlsx');
    await writeXlsx(path, [{ rows: [ROSTER_HEADER, ...rosterRows(5, false)] }]);
    const first = await preview(t, 'roster', path);
    expect((await apply(t, first.previewId, 'all')).value).toMatchObject({ added: 5 });
    const before = dumpStore(t.core.db);
    const again = await preview(t, 'roster', path);
    expect(again.alreadyImportedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(again.summary).toMatchObject({ add: 0, change: 0, unchanged: 5 });
    // the finished preview can be fetched again by its id (checked against the contract's schema)
    expect(
      (await callOk<{ previewId: string }>(t, 'imports.getPreview', { previewId: again.previewId })).previewId,
    ).toBe(again.previewId);
    const second = await apply(t, again.previewId, 'all');
    expect(second.value?.message).toContain('该文件已于 2026-11-25 02:00 导入，没有新的变化');
    expect(dumpStore(t.core.db)).toBe(before);
  }, 120_000);

  it('a file changed after its preview is refused; a finished apply leaves no parse cache behind', async () => {
    const path = join(t.dir, 'edited.xlsx');
    await writeXlsx(path, [{ rows: [ROSTER_HEADER, ...rosterRows(2, false)] }]);
    const p = await preview(t, 'roster', path);
    expect(existsSync(join(t.dir, 'import-cache', `${p.sha256}.json`))).toBe(true);
    await writeXlsx(path, [{ rows: [ROSTER_HEADER, ...rosterRows(3, false)] }]);
    const before = dumpStore(t.core.db);
    const refused = await apply(t, p.previewId, 'all');
    expect(refused.error?.code).toBe('CONFLICT');
    expect(refused.error?.message).toContain('在预览之后被修改过');
    expect(dumpStore(t.core.db)).toBe(before);
    const again = await preview(t, 'roster', path);
    expect((await apply(t, again.previewId, 'all')).value).toMatchObject({ added: 3 });
    expect(existsSync(join(t.dir, 'import-cache', `${again.sha256}.json`))).toBe(false);
  }, 120_000);

  it('a changed roster row is a change, shown field by field, and recorded with before/after', async () => {
    const path = join(t.dir, 'roster-change.xlsx');
    await writeXlsx(path, [
      {
        rows: [
          [...ROSTER_HEADER, '调动日期'],
          [
            'P0001',
            '张伟',
            '男',
            '1985-07',
            '中共党员',
            '研究生',
            '财务科',
            '副科长',
            '2025-06',
            '公务员',
            '',
            '',
            '',
            '是',
            '2026-07-01',
          ],
        ],
      },
    ]);
    const p = await preview(t, 'roster', path);
    expect(p.changes[0]).toMatchObject({ personNo: 'P0001', action: 'change' });
    expect(p.changes[0]!.fields).toEqual(
      expect.arrayContaining([
        { field: '部门', before: '办公室', after: '财务科' },
        { field: '上级考核', before: '否', after: '是' },
        { field: '调动日期', before: '', after: '2026-07-01' },
      ]),
    );
    await apply(t, p.previewId, 'all');
    const row = t.core.db
      .prepare("SELECT unit_id, position, superior_assessed FROM person WHERE person_no = 'P0001'")
      .get();
    expect(row).toEqual({ unit_id: s.departments['财务科'], position: '副科长', superior_assessed: 1 });
    expect(
      count(
        "SELECT COUNT(*) AS n FROM person_move WHERE move_date = '2026-07-01' AND to_unit_id = (SELECT id FROM unit WHERE name = '财务科')",
      ),
    ).toBe(1);
    const audit = t.core.db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'person.update' AND reason = '名册导入'")
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json).position).toBeNull();
    expect(JSON.parse(audit.after_json).position).toBe('副科长');
  });

  it('cancel during the write rolls everything back', async () => {
    const path = join(t.dir, 'big-roster.xlsx');
    await writeXlsx(path, [
      {
        rows: [ROSTER_HEADER, ...rosterRows(6000, false).map((r, i) => ((r[0] = `M${String(i).padStart(5, '0')}`), r))],
      },
    ]);
    const p = await preview(t, 'roster', path);
    const before = dumpStore(t.core.db);
    const job = await callOk<JobState>(t, 'imports.apply', { previewId: p.previewId, mode: 'all' });
    for (let i = 0; i < 400 && t.core.jobs.get(job.id).message !== '正在写入'; i++)
      await new Promise((r) => setTimeout(r, 10));
    await callOk(t, 'jobs.cancel', { jobId: job.id });
    const end = await t.core.jobs.wait(job.id);
    expect(end.status).toBe('cancelled');
    expect(dumpStore(t.core.db)).toBe(before);
  }, 120_000);

  it('ratings, evidence and history land in their tables with audit rows', async () => {
    const ratings = join(t.dir, 'ratings.xlsx');
    await writeXlsx(ratings, [
      {
        rows: [
          ['人员编号', '姓名', '期间', '工作纪实', '等次', '评语', '评价人'],
          ['P0001', '张伟', '2026Q2', '起草报告', '好', '很好', '李主任'],
          ['P0002', '王芳', '2026Q2', '', '一般', '', ''],
        ],
      },
    ]);
    const pr = await preview(t, 'ratings', ratings, { periodId: s.periods.Q2 });
    expect((await apply(t, pr.previewId, 'all')).value).toMatchObject({ added: 2 });
    expect(
      t.core.db.prepare('SELECT rating, unit_id FROM period_rating WHERE person_id = ?').get(s.people[0]!.id),
    ).toEqual({ rating: 'good', unit_id: s.people[0]!.unitId });
    // a second file updates one rating: upsert, not a duplicate
    const ratings2 = join(t.dir, 'ratings2.xlsx');
    await writeXlsx(ratings2, [
      {
        rows: [
          ['人员编号', '姓名', '期间', '等次'],
          ['P0001', '张伟', '2026Q2', '较好'],
        ],
      },
    ]);
    const pr2 = await preview(t, 'ratings', ratings2);
    expect(pr2.changes[0]!.fields).toEqual([{ field: '等次', before: '好', after: '较好' }]);
    await apply(t, pr2.previewId, 'all');
    expect(
      t.core.db.prepare('SELECT work_record, rating FROM period_rating WHERE person_id = ?').get(s.people[0]!.id),
    ).toEqual({ work_record: '起草报告', rating: 'fair' });

    const evidence = join(t.dir, 'evidence.xlsx');
    await writeXlsx(evidence, [
      {
        rows: [
          EVIDENCE_HEADER,
          ['P0003', '李娜', '2026-03-02', '请假', '病假', '住院', '', 5, '2026-03-06'],
          ['P0003', '李娜', '2026-05-01', '奖励', '嘉奖', '', '区〔2026〕1号', '', ''],
        ],
      },
    ]);
    const pe = await preview(t, 'evidence', evidence);
    expect((await apply(t, pe.previewId, 'all')).value).toMatchObject({ added: 2 });
    // the same items in another file are recognised as already stored
    const evidence2 = join(t.dir, 'evidence-again.xlsx');
    await writeXlsx(evidence2, [
      {
        name: '另一张',
        rows: [['说明'], EVIDENCE_HEADER, ['P0003', '李娜', '2026/3/2', '请假', '病假', '住院', '', 5, '2026-03-06']],
      },
    ]);
    const pe2 = await preview(t, 'evidence', evidence2);
    expect(pe2.summary).toMatchObject({ add: 0, unchanged: 1 });

    const history = join(t.dir, 'history.xlsx');
    await writeXlsx(history, [
      {
        rows: [
          HISTORY_HEADER,
          ['P0003', '李娜', 2024, '优秀'],
          ['P0003', '李娜', '2025年', '合格'],
          ['P0004', '刘洋', 2025, '不定等次'],
        ],
      },
    ]);
    const ph = await preview(t, 'history', history);
    expect((await apply(t, ph.previewId, 'all')).value).toMatchObject({ added: 3 });
    expect(t.core.db.prepare('SELECT year, outcome, grade FROM history_grade ORDER BY person_id, year').all()).toEqual([
      { year: 2024, outcome: 'graded', grade: 'excellent' },
      { year: 2025, outcome: 'graded', grade: 'competent' },
      { year: 2025, outcome: 'comments_only', grade: null },
    ]);
    // one audit row per changed record (ratings and evidence through their owners' batch services)
    expect(
      count("SELECT COUNT(*) AS n FROM audit_log WHERE entity IN ('period_rating','evidence','history_grade')"),
    ).toBe(2 + 1 + 2 + 3);
  }, 240_000); // ten worker jobs: slow on a loaded 2-core machine

  it('the error report lists the bad rows as typed, with the problem named', async () => {
    const path = join(t.dir, 'bad.xlsx');
    await writeXlsx(path, [{ name: '名册', rows: [['人员名册'], ROSTER_HEADER, ...rosterRows(3, true)] }]);
    const p = await preview(t, 'roster', path);
    const out = join(t.dir, 'report.xlsx');
    grantPath(t.session, out);
    const end = await jobEnd(t, 'imports.errorReport', { previewId: p.previewId, path: out });
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('名册-错误')!;
    expect(ws.getRow(2).getCell(1).value).toBe('原行号');
    expect(ws.getRow(2).getCell(16).value).toBe('问题');
    expect(ws.getRow(3).getCell(1).value).toBe('5');
    expect(ws.getRow(3).getCell(8).value).toBe('宣传科');
    expect(String(ws.getRow(3).getCell(16).value)).toContain('G列“部门”：找不到部门“宣传科”');
    expect(ws.rowCount).toBe(3);
  });

  it('needs the kind’s permission and a path chosen in a dialog', async () => {
    const path = join(t.dir, 'r.xlsx');
    await writeXlsx(path, [{ rows: [ROSTER_HEADER, ...rosterRows(1, false)] }]);
    const notGranted = await dispatch(t.core, t.session, 'imports.preview', { kind: 'roster', path });
    expect(notGranted.ok ? null : notGranted.error.code).toBe('FORBIDDEN');
    // The kind's own permission (the dispatcher's session checks come first; this is the handler's).
    const as = (role: 'rater' | 'auditor' | 'clerk' | 'admin') => ({
      operator: { id: role, username: role, displayName: role, role, unitScope: [] },
      lastActivityMs: 0,
    });
    expect(() => requireKindPermission(as('rater'), 'roster', 'write')).toThrow(/无权/);
    expect(() => requireKindPermission(as('rater'), 'ratings', 'write')).not.toThrow();
    expect(() => requireKindPermission(as('auditor'), 'ratings', 'write')).toThrow(/无权/);
    expect(() => requireKindPermission(as('admin'), 'history', 'write')).toThrow(/无权/);
    expect(() => requireKindPermission(as('clerk'), 'history', 'write')).not.toThrow();
    expect(() => requireKindPermission(as('auditor'), 'evidence', 'read')).not.toThrow();
  });
});
