// The pack through the contract on a real demo store: options, previews of every sheet, summary
// drafts (save audited, too long refused, stale refused), the export job (granted folder only, read
// back against the models) and a cancelled export that leaves the folder empty.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { newSession, type Session } from '../../electron/core/api/session';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { runDemo, type DemoRun } from '../../electron/core/demo';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { buildPackModels, scopeFor, PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import { checkModel, type SheetModel } from '../../shared/sheets/model';
import { readBackDifferences } from '../support/pack-readback';
import { packHandlers } from '../../electron/core/api/handlers/pack';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import type { Operator } from '../../electron/core/context';
import { tempDir } from '../support/temp-core';

let run: DemoRun;
let session: Session;
let yearId: string;
const dirs: string[] = [];

beforeAll(async () => {
  const dir = tempDir('da-pack-demo-');
  dirs.push(dir);
  run = await runDemo({ dataDir: dir, people: 40, now: () => new Date('2026-12-20T02:00:00Z') });
  session = newSession();
  session.operator = SYSTEM_OPERATOR;
  yearId = run.summary.agencies[0]!.yearId;
});
afterAll(() => {
  run?.core.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(run.core, session, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}

async function pickFolder(): Promise<string> {
  const folder = tempDir('da-pack-out-');
  dirs.push(folder);
  run.core.desktop = new ScriptedDesktop([], [], [folder]);
  const { path } = await call<{ path: string }>('desktop.pickFolder', { title: '选择保存位置' });
  return path;
}

describe('pack contract on the demo store', () => {
  it('lists departments, persons and sheets, and previews every sheet', async () => {
    const opts = await call<{ departments: { id: string }[]; persons: { id: string }[]; sheets: { kind: string }[] }>(
      'pack.options',
      { yearId },
    );
    expect(opts.persons.length).toBeGreaterThan(30);
    expect(opts.sheets.map((s) => s.kind)).toEqual([...PACK_SHEET_KINDS]);
    for (const sheet of PACK_SHEET_KINDS) {
      const { models } = await call<{ models: SheetModel[] }>('pack.preview', {
        yearId,
        sheet,
        personId: opts.persons[0]!.id,
        departmentId: sheet === 'summary' ? opts.departments[0]!.id : null,
      });
      expect(models.length).toBeGreaterThan(0);
      for (const m of models) expect(checkModel(m)).toEqual([]);
    }
    const form = await call<{ models: SheetModel[] }>('pack.preview', {
      yearId,
      sheet: 'forms',
      personId: opts.persons[0]!.id,
    });
    expect(form.models[0]!.pages).toBe(2);
    // the demo year is undecided: its notice list says it is a draft of suggestions
    const notice = await call<{ models: SheetModel[] }>('pack.preview', { yearId, sheet: 'notice' });
    expect(JSON.stringify(notice.models[0])).toContain('【草稿：含尚未经考核委员会确定的建议等次】');
    await expect(call('pack.preview', { yearId, sheet: 'forms' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('drafts, saves (audited), refuses a summary too long for its box and a stale save, regenerates', async () => {
    const personId = run.summary.edgeCases[0]
      ? (await call<{ persons: { id: string }[] }>('pack.options', { yearId })).persons[3]!.id
      : '';
    type Draft = {
      sentences: { text: string; source: { kind: string; id: string } | null }[];
      stored: boolean;
      edited: boolean;
      updatedAt: string | null;
      lines: number;
      maxLines: number;
    };
    const d0 = await call<Draft>('pack.summary.get', { yearId, personId });
    expect(d0.stored).toBe(false);
    expect(d0.sentences.length).toBeGreaterThan(0);
    expect(d0.lines).toBeLessThanOrEqual(d0.maxLines);
    const edited = [...d0.sentences.slice(0, 2), { text: '本人认真履行岗位职责，全年无差错。', source: null }];
    const d1 = await call<Draft>('pack.summary.save', { yearId, personId, sentences: edited, expectedUpdatedAt: null });
    expect(d1).toMatchObject({ stored: true, edited: true });
    const audit = run.core.db.prepare("SELECT action, entity FROM audit_log WHERE action = 'pack.summary.save'").all();
    expect(audit).toHaveLength(1);
    // the saved draft prints on the form
    const form = await call<{ models: SheetModel[] }>('pack.preview', { yearId, sheet: 'forms', personId });
    expect(JSON.stringify(form.models[0])).toContain('本人认真履行岗位职责，全年无差错。');
    // stale and too long
    await expect(
      call('pack.summary.save', { yearId, personId, sentences: edited, expectedUpdatedAt: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const long = Array.from({ length: 60 }, (_, i) => ({
      text: `第${i + 1}句：按时完成领导交办的各项工作任务，积极参加单位组织的各项学习活动。`,
      source: null,
    }));
    const before = run.core.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    await expect(
      call('pack.summary.save', { yearId, personId, sentences: long, expectedUpdatedAt: d1.updatedAt }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(run.core.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    const d2 = await call<Draft>('pack.summary.regenerate', { yearId, personId });
    expect(d2).toMatchObject({ stored: true, edited: false });
    expect(d2.sentences).toEqual(d0.sentences);
  });

  it('a clerk restricted to one department sees, previews and exports only that department', async () => {
    const all = await call<{ departments: { id: string }[]; persons: { id: string; departmentId: string }[] }>(
      'pack.options',
      { yearId },
    );
    const dept = all.departments[1]!;
    const other = all.persons.find((p) => p.departmentId !== dept.id)!;
    const mine = all.persons.find((p) => p.departmentId === dept.id)!;
    const clerk: Operator = { id: 'c1', username: 'c1', displayName: '科室经办', role: 'clerk', unitScope: [dept.id] };
    const ctx = run.core.ctx(clerk);
    const s = newSession();
    s.operator = clerk;
    const h = packHandlers;
    const opts = await h['pack.options'](ctx, { yearId }, s, run.core);
    expect(opts.persons.length).toBeGreaterThan(0);
    expect(opts.persons.every((p) => p.departmentId === dept.id)).toBe(true);
    expect(opts.departments.map((d) => d.id)).toEqual([dept.id]);
    await expect(async () =>
      h['pack.preview'](ctx, { yearId, sheet: 'forms', personId: other.id, departmentId: null }, s, run.core),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () =>
      h['pack.preview'](ctx, { yearId, sheet: 'summary', personId: null, departmentId: null }, s, run.core),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () =>
      h['pack.summary.get'](ctx, { yearId, personId: other.id }, s, run.core),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await h['pack.preview'](ctx, { yearId, sheet: 'forms', personId: mine.id, departmentId: null }, s, run.core))
        .models[0]!.pages,
    ).toBe(2);
    expect(
      (await h['pack.preview'](ctx, { yearId, sheet: 'summary', personId: null, departmentId: dept.id }, s, run.core))
        .models,
    ).toHaveLength(1);
    const folder = tempDir('da-pack-scope-');
    dirs.push(folder);
    grantPath(s, folder);
    await expect(async () =>
      h['pack.export'](ctx, { yearId, scope: 'unit', departmentIds: [], sheets: ['summary'], folder }, s, run.core),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(async () =>
      h['pack.export'](
        ctx,
        { yearId, scope: 'departments', departmentIds: [other.departmentId], sheets: ['summary'], folder },
        s,
        run.core,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it("keeps the office's form labels and extra rows per year (audited) and prints them", async () => {
    const personId = (await call<{ persons: { id: string }[] }>('pack.options', { yearId })).persons[5]!.id;
    const before = await call<{ labels: Record<string, string>; extraFields: string[] }>('pack.formOptions.get', {
      yearId,
    });
    expect(before.labels.duties).toBe('从事或分管工作');
    expect(before.extraFields).toEqual([]);
    const saved = await call<{ labels: Record<string, string>; extraFields: string[] }>('pack.formOptions.save', {
      yearId,
      labels: { duties: '分管工作', summary: '个人年度总结' },
      extraFields: ['rewards', 'training'],
    });
    expect(saved).toMatchObject({
      labels: { duties: '分管工作', summary: '个人年度总结', name: '姓名' },
      extraFields: ['rewards', 'training'],
    });
    expect(run.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pack.form.save'").get()).toEqual({
      n: 1,
    });
    const form = JSON.stringify(
      (await call<{ models: SheetModel[] }>('pack.preview', { yearId, sheet: 'forms', personId })).models,
    );
    for (const text of ['分管工作', '个\\n人\\n年\\n度\\n总\\n结', '奖惩情况', '培训学时'])
      expect(form).toContain(text);
    const { models } = await call<{ models: SheetModel[] }>('pack.preview', { yearId, sheet: 'forms', personId });
    const labels = models[0]!.rows
      .flatMap((r) => r.cells)
      .filter((c) => c.s === 'label')
      .map((c) => c.v);
    expect(labels).toContain('分管工作');
    expect(labels).not.toContain('从事或分管工作');
    expect(models[0]!.pages).toBe(2);
    expect(checkModel(models[0]!)).toEqual([]);
    await expect(
      call('pack.formOptions.save', { yearId, labels: { duties: '' }, extraFields: [] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await call('pack.formOptions.save', { yearId, labels: {}, extraFields: [] });
  });

  it('exports only into a folder picked in the dialog', async () => {
    const folder = tempDir('da-pack-nogrant-');
    dirs.push(folder);
    await expect(call('pack.export', { yearId, scope: 'unit', sheets: ['summary'], folder })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('exports the whole pack per unit and per department, each file read back equal to its models', async () => {
    const folder = await pickFolder();
    const job = await call<{ id: string }>('pack.export', {
      yearId,
      scope: 'unit',
      sheets: [...PACK_SHEET_KINDS],
      folder,
    });
    const end = await run.core.jobs.wait(job.id);
    expect(end.error).toBeUndefined();
    expect(end.status).toBe('done');
    const files = (end.value as { files: { path: string; fileName: string; pages: number }[] }).files;
    expect(files).toHaveLength(1);
    expect(files[0]!.fileName).toMatch(/_2026年度考核材料\.xlsx$/);
    expect(readdirSync(folder)).toEqual([files[0]!.fileName]);
    const data = loadPackData(run.core.ctx(SYSTEM_OPERATOR), yearId);
    const models = buildPackModels(data, scopeFor(data, null, data.unit.name), PACK_SHEET_KINDS);
    expect(await readBackDifferences(files[0]!.path, models)).toEqual([]);
    expect(files[0]!.pages).toBe(models.reduce((a, m) => a + m.pages, 0));
    // the summary table carries the audit chain's head
    expect(JSON.stringify(models[1])).toContain(data.auditHead.hash);

    const opts = await call<{ departments: { id: string }[] }>('pack.options', { yearId });
    const folder2 = await pickFolder();
    const job2 = await call<{ id: string }>('pack.export', {
      yearId,
      scope: 'departments',
      departmentIds: opts.departments.slice(0, 2).map((d) => d.id),
      sheets: ['forms', 'summary'],
      folder: folder2,
    });
    const end2 = await run.core.jobs.wait(job2.id);
    expect(end2.status).toBe('done');
    const names = readdirSync(folder2).sort();
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/_2026年度年度考核登记表、考核结果汇总表\.xlsx$/);
    // a second export into the same folder is refused before any work starts
    await expect(
      call('pack.export', {
        yearId,
        scope: 'departments',
        departmentIds: opts.departments.slice(0, 1).map((d) => d.id),
        sheets: ['forms', 'summary'],
        folder: folder2,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a cancelled export leaves no file and no temp behind', async () => {
    const folder = await pickFolder();
    const job = await call<{ id: string }>('pack.export', {
      yearId,
      scope: 'unit',
      sheets: [...PACK_SHEET_KINDS],
      folder,
    });
    run.core.jobs.cancel(job.id);
    const end = await run.core.jobs.wait(job.id);
    expect(end.status).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a job killed while writing leaves no file and no temp behind', async () => {
    const folder = await pickFolder();
    const job = await call<{ id: string }>('pack.export', {
      yearId,
      scope: 'unit',
      sheets: [...PACK_SHEET_KINDS],
      folder,
    });
    // wait for the first rows, then terminate the worker at once (no grace: it cannot clean up itself)
    for (let i = 0; i < 500 && run.core.jobs.get(job.id).done === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(run.core.jobs.get(job.id).status).toBe('running');
    run.core.jobs.cancel(job.id, 0);
    const end = await run.core.jobs.wait(job.id);
    expect(end.status).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(folder)).toBe(true);
  });
});
