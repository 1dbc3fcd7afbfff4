// The smaller trust holes (#15 item 8), each through the real dispatcher on a real store: a job is
// its operator's own; dialog grants end with the session; a rater sees only their departments in the
// cap and the review overview; common passwords are refused; evidence dated far outside the years is
// refused at import naming the cell; a damaged sheet is reported as damaged, not as "找不到表头".
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { newSession } from '../../electron/core/api/session';
import { hashPassword } from '../../electron/core/auth/password';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { startPackExport } from '../../electron/core/pack/start-export';
import { preview } from '../support/import-flow';
import { tempCore, type TempCore } from '../support/temp-core';
import { GOOD_PASSWORD, insertOperator, sessionAs } from '../support/trust-fixtures';
import { EVIDENCE_HEADER, ROSTER_HEADER, seedStore, writeXlsx, type SeededStore } from '../support/xlsx-fixtures';

let t: TempCore;
let seed: SeededStore;
beforeEach(() => {
  t = tempCore();
  seed = seedStore(t.ctx, 3);
});
afterEach(() => t.cleanup());

async function withPassword(role: 'clerk' | 'rater', unitScope: string[] = []) {
  const op = insertOperator(t.core, role, unitScope);
  t.core.db.prepare('UPDATE operator SET password_hash = ? WHERE id = ?').run(await hashPassword(GOOD_PASSWORD), op.id);
  return op;
}

describe('jobs belong to their operator', () => {
  it("another operator's job id answers as unknown (get and cancel); the owner reads it", async () => {
    const a = insertOperator(t.core, 'clerk');
    const b = insertOperator(t.core, 'clerk');
    const job = startPackExport(t.core, a, {
      yearId: seed.yearId,
      scope: 'unit',
      departmentIds: [],
      sheets: ['summary'],
      folder: t.dir,
    });
    const asB = await dispatch(t.core, sessionAs(t.core, b), 'jobs.get', { jobId: job.id });
    expect(asB).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const cancelB = await dispatch(t.core, sessionAs(t.core, b), 'jobs.cancel', { jobId: job.id });
    expect(cancelB).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const asA = await dispatch(t.core, sessionAs(t.core, a), 'jobs.get', { jobId: job.id });
    expect(asA).toMatchObject({ ok: true, value: { id: job.id } });
    expect((await t.core.jobs.wait(job.id)).status).toBe('done');
  });
});

describe('dialog grants end with the session', () => {
  it('a file picked before log-out cannot be read after signing in again', async () => {
    const clerk = await withPassword('clerk');
    const path = join(t.dir, 'roster.xlsx');
    await writeXlsx(path, [{ rows: [ROSTER_HEADER] }]);
    const session = newSession();
    const login = () => dispatch(t.core, session, 'auth.login', { username: clerk.username, password: GOOD_PASSWORD });
    expect((await login()).ok).toBe(true);
    t.core.desktop = new ScriptedDesktop([path]);
    expect(
      await dispatch(t.core, session, 'desktop.pickOpenFile', {
        title: '选择文件',
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      }),
    ).toMatchObject({ ok: true });
    expect(session.grantedPaths?.has(path)).toBe(true);
    expect((await dispatch(t.core, session, 'auth.logout', {})).ok).toBe(true);
    expect((await login()).ok).toBe(true);
    const r = await dispatch(t.core, session, 'imports.preview', { kind: 'roster', path });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('对话框') } });
  });
});

describe("a rater sees only their departments' counts", () => {
  it('ratings.capStatus and review.overview name no other department', async () => {
    const mine = seed.departments['办公室']!;
    const rater = insertOperator(t.core, 'rater', [mine]);
    const s = sessionAs(t.core, rater);
    const periodId = seed.periods.Q1;
    const cap = await dispatch(t.core, s, 'ratings.capStatus', { periodId });
    expect(cap.ok).toBe(true);
    const depts = (cap as { value: { departments: { unitId: string }[] } }).value.departments;
    expect(depts.map((d) => d.unitId)).toEqual([mine]);
    const ov = await dispatch(t.core, s, 'review.overview', { periodId });
    expect(ov.ok).toBe(true);
    const v = (ov as { value: Record<string, unknown> }).value as {
      departments: { unitId: string }[];
      capStatus: { departments: { unitId: string }[] };
      overrides: { unitId: string }[];
      readiness: { unaccepted: { unitId: string }[]; blockers: string[] };
    };
    expect(v.departments.map((d) => d.unitId)).toEqual([mine]);
    expect(v.capStatus.departments.map((d) => d.unitId)).toEqual([mine]);
    expect(v.readiness.unaccepted.every((u) => u.unitId === mine)).toBe(true);
    expect(v.readiness.blockers.join('')).not.toMatch(/规划科|财务科/);
    // the clerk still sees all three
    const all = await dispatch(t.core, t.session, 'ratings.capStatus', { periodId });
    expect((all as { value: { departments: unknown[] } }).value.departments).toHaveLength(3);
  });
});

describe('common passwords', () => {
  it('Password1 and its kin are refused in Chinese; a made-up one is accepted', async () => {
    for (const password of ['Password1', 'P@ssw0rd', 'Admin@123', 'Qwer1234', '1qaz@WSX', 'Aa123456']) {
      const r = await dispatch(t.core, t.session, 'operators.create', {
        username: 'zhangsan',
        displayName: '张三',
        role: 'clerk',
        password,
        unitScope: [],
      });
      expect(r, password).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((r as { error: { message: string } }).error.message).toMatch(/密码过于常见/);
    }
    const ok = await dispatch(t.core, t.session, 'operators.create', {
      username: 'zhangsan',
      displayName: '张三',
      role: 'clerk',
      password: 'Kaohe#2026a',
      unitScope: [],
    });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
  });
});

describe('evidence dated far outside the years', () => {
  it('1900 and 2099 are refused at import, naming the cell', async () => {
    const path = join(t.dir, 'evidence.xlsx');
    const p1 = seed.people[0]!;
    const p2 = seed.people[1]!;
    await writeXlsx(path, [
      {
        rows: [
          EVIDENCE_HEADER,
          [p1.personNo, p1.name, '1900-03-02', '请假', '病假', '住院', '', 3, ''],
          [p2.personNo, p2.name, '2026-03-02', '请假', '病假', '住院', '', '', '2099-03-04'],
          [p1.personNo, p1.name, '2026-05-06', '请假', '事假', '家事', '', 2, ''],
        ],
      },
    ]);
    const p = await preview(t, 'evidence', path);
    expect(p.summary).toMatchObject({ dataRows: 3, errorRows: 2, cleanRows: 1 });
    expect(p.issues).toEqual([
      expect.objectContaining({ row: 2, header: '日期', problem: expect.stringMatching(/1900-03-02 不在合理范围内/) }),
      expect.objectContaining({
        row: 3,
        header: '截止日期',
        problem: expect.stringMatching(/2099-03-04 不在合理范围内/),
      }),
    ]);
  });
});

describe('a damaged sheet', () => {
  it('truncated or malformed sheet XML is reported as a damaged file, not as a missing header', async () => {
    const path = join(t.dir, 'roster.xlsx');
    await writeXlsx(path, [{ name: '人员名册', rows: [ROSTER_HEADER, ['C001', '张三']] }]);
    grantPath(t.session, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    for (const bad of [xml.slice(0, Math.floor(xml.length / 2)), xml.replace('<sheetData>', '<sheetData><<row>')]) {
      zip.file('xl/worksheets/sheet1.xml', bad);
      writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      const job = await dispatch(t.core, t.session, 'imports.preview', { kind: 'roster', path });
      if (!job.ok) throw new Error(JSON.stringify(job));
      const end = await t.core.jobs.wait((job.value as { id: string }).id);
      expect(end.status).toBe('failed');
      expect(end.error?.message).toMatch(/已损坏：工作表“人员名册”的内容不完整或不是有效的 XML/);
      expect(end.error?.message).not.toMatch(/表头|Error|disallowed|unexpected|tag/);
    }
  });
});
