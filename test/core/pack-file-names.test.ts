// Pack file names: two department names that clean to the same file name both export (the second
// gets （2）), a 100-character department name exports on Linux within 255 bytes, and on Windows the
// name is shortened to keep the temp file's whole path within MAX_PATH, or the folder is refused.
import { readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { newSession, type Session } from '../../electron/core/api/session';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { runDemo, type DemoRun } from '../../electron/core/demo';
import { uniquePackFiles } from '../../electron/core/pack/file-names';
import { PACK_SHEET_KINDS, packFileName } from '../../shared/sheets/pack-sheets';
import { tempDir } from '../support/temp-core';

let run: DemoRun;
let session: Session;
let yearId: string;
let agencyId: string;
const dirs: string[] = [];
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

beforeAll(async () => {
  const dir = tempDir('da-pack-names-');
  dirs.push(dir);
  run = await runDemo({ dataDir: dir, people: 30, now: () => new Date('2026-12-20T02:00:00Z') });
  session = newSession();
  session.operator = SYSTEM_OPERATOR;
  yearId = run.summary.agencies[0]!.yearId;
  agencyId = run.core.db.prepare('SELECT unit_id FROM assessment_year WHERE id = ?').pluck().get(yearId) as string;
}, 120_000);
afterAll(() => {
  run?.core.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(run.core, session, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}

async function exportDepartments(departmentIds: string[]): Promise<string[]> {
  const folder = tempDir('da-pack-names-out-');
  dirs.push(folder);
  run.core.desktop = new ScriptedDesktop([], [], [folder]);
  await call('desktop.pickFolder', { title: '选择保存位置' });
  const job = await call<{ id: string }>('pack.export', {
    yearId,
    scope: 'departments',
    departmentIds,
    sheets: ['summary'],
    folder,
  });
  const end = await run.core.jobs.wait(job.id);
  expect(end.error?.message ?? '').toBe('');
  expect(end.status).toBe('done');
  return readdirSync(folder).sort();
}

describe('pack file names', () => {
  it('two departments whose names clean to the same file name both export', async () => {
    const a = await call<{ id: string }>('units.create', { parentId: agencyId, name: '综合/督查科' });
    const b = await call<{ id: string }>('units.create', { parentId: agencyId, name: '综合:督查科' });
    const names = await exportDepartments([a.id, b.id]);
    expect(names).toHaveLength(2);
    expect(names.some((n) => n.includes('综合_督查科') && n.endsWith('（2）.xlsx'))).toBe(true);
  });

  it('a 100-character department name exports with a name within 255 bytes (and within the 180-byte budget)', async () => {
    const long = await call<{ id: string }>('units.create', { parentId: agencyId, name: '长'.repeat(100) });
    const names = await exportDepartments([long.id]);
    expect(names).toHaveLength(1);
    expect(bytes(names[0]!)).toBeLessThanOrEqual(180);
    expect(names[0]).toMatch(/_\d{4}年度.*汇总表\.xlsx$/); // the year and contents are kept
  });

  it('names stay within the byte budget for every choice of sheets, and never split a character', () => {
    const label = '某某市某某区人民政府办公室' + '𠀀'.repeat(60); // 4-byte characters (surrogate pairs)
    for (let k = 1; k <= PACK_SHEET_KINDS.length; k++) {
      const name = packFileName(label, 2026, PACK_SHEET_KINDS.slice(0, k), { suffix: '（12）' });
      expect(bytes(name)).toBeLessThanOrEqual(180);
      expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(name.endsWith('（12）.xlsx')).toBe(true);
    }
  });

  it('on Windows the name shortens to keep the temp file within MAX_PATH, and a too-deep folder is refused', () => {
    const folder = 'C:\\Users\\办公室\\Documents\\' + '考核材料\\'.repeat(30); // 175 characters
    const scopes = [{ departmentId: 'd', label: '示例局' + '长'.repeat(100) }];
    const [f] = uniquePackFiles(scopes, 2026, ['summary'], folder, 'win32');
    expect(f!.path.length + 30).toBeLessThanOrEqual(259);
    expect(f!.fileName).toMatch(/汇总表\.xlsx$/);
    expect(() => uniquePackFiles(scopes, 2026, ['summary'], folder + 'x'.repeat(60), 'win32')).toThrow(
      /所选文件夹的路径太长/,
    );
    // case-insensitive on Windows: 'ABC' and 'abc' are one name there
    const two = uniquePackFiles(
      [
        { departmentId: 'a', label: '局ABC' },
        { departmentId: 'b', label: '局abc' },
      ],
      2026,
      ['summary'],
      'C:\\out',
      'win32',
    );
    expect(two[1]!.fileName).toMatch(/（2）\.xlsx$/);
  });
});
