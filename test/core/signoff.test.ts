// Notification and sign-off on a real store: delivery, 同意 / 不同意 / 拒签 with their texts, the list
// of who has not signed, a department signed on one day, redress deadlines from the recorded
// delivery day (not the finalisation day), audit in the same transaction, refusals that write
// nothing, and the 送达签收表 exported and read back from a real xlsx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import type { SignoffListDto, SignoffRowDto } from '../../shared/api/signoff';
import type { Result } from '../../shared/result';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeededYear } from '../support/yearend-fixtures';

let t: TempCore;
let y: SeededYear;
const dirs: string[] = [];

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
    after_json: string;
    reason: string;
  }[];
const dump = () =>
  JSON.stringify([
    t.core.db.prepare('SELECT * FROM yearend_signoff ORDER BY person_id').all(),
    t.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
  ]);
const record = (no: string, over: Record<string, unknown>) =>
  call<SignoffRowDto>('signoff.record', { yearId: y.yearId, personId: y.ids.get(no), ...over });

beforeEach(async () => {
  // the clock: Wednesday 25 November 2026 (the finalisation day)
  t = tempCore();
  y = seedYearEnd(t.ctx, {
    people: [
      { no: 'A01', name: '张一', ratings: '较好 较好 较好 较好' },
      { no: 'A02', name: '张二', ratings: '较好 较好 较好 较好' },
      { no: 'A03', name: '张三', ratings: '较好 较好 较好 较好' },
      { no: 'B01', name: '李一', ratings: '较好 较好 较好 较好', dept: 1 },
      { no: 'B02', name: '李二', ratings: '较好 较好 较好 较好', dept: 1 },
    ],
    settings: (s) => void (s.redress.appealableGrades = ['excellent', 'competent', 'basic', 'incompetent']),
  });
  await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
  await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
  await ok('yearend.transition', { yearId: y.yearId, to: 'notice', noticeStart: '2026-11-16', confirmPastStart: true });
});
afterEach(() => {
  t.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sign-off', () => {
  it('is refused before the year is final', async () => {
    const r = await record('A01', { deliveredOn: '2026-11-25', opinion: null });
    expect(!r.ok && r.error.message).toContain('尚未定档：考核结果定档后才能送达本人并签收');
  });

  it('records delivery and each kind of opinion; bad input is named and writes nothing; the unsigned list', async () => {
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    const before = dump();
    const refusals = [
      [{ deliveredOn: '2026-11-24', opinion: null }, '张一（A01）：送达日期不能早于定档日（2026-11-25）'],
      [{ deliveredOn: '2026-11-26', opinion: null }, '送达日期不能晚于今天（2026-11-25）'],
      [{ deliveredOn: '2026-11-25', opinion: 'disagree', signedOn: '2026-11-25' }, '请填写本人写明的不同意见'],
      [{ deliveredOn: '2026-11-25', opinion: 'refused', signedOn: '2026-11-25' }, '拒绝签字的，请填写见证情况'],
      [{ deliveredOn: '2026-11-25', opinion: 'agree' }, '请填写签收日期'],
      [{ deliveredOn: '2026-11-25', opinion: null, signedOn: '2026-11-25' }, '请同时选择本人意见'],
    ] as const;
    for (const [input, message] of refusals) {
      const r = await record('A01', input);
      expect(!r.ok && r.error.message, JSON.stringify(input)).toContain(message);
    }
    expect(dump()).toBe(before);

    const a01 = await ok<SignoffRowDto>('signoff.record', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      deliveredOn: '2026-11-25',
      opinion: 'disagree',
      opinionText: '第三季度工作量统计有误',
      signedOn: '2026-11-25',
    });
    // 30 days from the delivery: Friday 25 December
    expect(a01).toMatchObject({ opinion: 'disagree', reviewDeadline: '2026-12-25' });
    expect(a01.reviewDeadlineBasis).toContain('知悉考核结果之日（2026年11月25日）起 30 日内申请复核');
    await ok('signoff.record', {
      yearId: y.yearId,
      personId: y.ids.get('A02'),
      deliveredOn: '2026-11-25',
      opinion: 'refused',
      witnessNote: '当面送达，本人拒绝签字；见证人：王五、赵六',
      signedOn: '2026-11-25',
    });
    await ok('signoff.record', {
      yearId: y.yearId,
      personId: y.ids.get('A03'),
      deliveredOn: '2026-11-25',
      opinion: null,
    });
    const list = await ok<SignoffListDto>('signoff.list', { yearId: y.yearId, onlyUnsigned: true });
    expect(list.counts).toEqual({ total: 5, delivered: 3, signed: 2, unsigned: 3, disagree: 1, refused: 1 });
    expect(list.rows.map((r) => [r.personNo, r.deliveredOn])).toEqual([
      ['A03', '2026-11-25'],
      ['B01', null],
      ['B02', null],
    ]);
    const a = audits('yearend.signoff.record');
    expect(a).toHaveLength(3);
    expect(JSON.parse(a[1]!.after_json)).toMatchObject({
      opinion: 'refused',
      witnessNote: expect.stringContaining('王五'),
    });
    expect(a[0]!.reason).toBe('张一（A01） 2026-11-25 送达；本人意见：不同意');
  });

  it('signs a department on one day, leaves signed people alone, and takes redress deadlines from the delivery', async () => {
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    // no delivery recorded and no date given: refused (no fallback to the finalisation day)
    const early = await call('yearend.fileRedress', {
      yearId: y.yearId,
      personId: y.ids.get('B01'),
      kind: 'review',
      filedOn: '2026-11-25',
      request: '申请复核',
    });
    expect(!early.ok && early.error.message).toContain('尚未录入该人员的送达日期');

    const dept = await ok<{ recorded: number; skipped: unknown[] }>('signoff.bulk', {
      yearId: y.yearId,
      departmentId: y.deptIds[1],
      deliveredOn: '2026-11-25',
      signedOn: '2026-11-25',
    });
    expect(dept).toEqual({ recorded: 2, skipped: [] });
    await ok('signoff.record', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      deliveredOn: '2026-11-25',
      opinion: 'disagree',
      opinionText: '不认可',
      signedOn: '2026-11-25',
    });
    const all = await ok<{ recorded: number; skipped: { name: string; reason: string }[] }>('signoff.bulk', {
      yearId: y.yearId,
      departmentId: null,
      deliveredOn: '2026-11-25',
      signedOn: '2026-11-25',
    });
    expect(all.recorded).toBe(2);
    expect(all.skipped.map((s) => s.name).sort()).toEqual(['张一', '李一', '李二'].sort());
    expect(all.skipped.find((s) => s.name === '张一')!.reason).toContain('已于 2026-11-25 签收（不同意），未改动');
    expect(audits('yearend.signoff.bulk')).toHaveLength(4);
    expect((await ok<SignoffListDto>('signoff.list', { yearId: y.yearId, onlyUnsigned: true })).rows).toEqual([]);

    const differing = await call('yearend.fileRedress', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      kind: 'review',
      learnedOn: '2026-10-01',
      filedOn: '2026-11-25',
      request: '申请复核',
    });
    expect(!differing.ok && differing.error.message).toContain('已于 2026-11-25 书面送达，期限自送达之日起计算');
    const review = await ok<{ learnedOn: string; deadline: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      kind: 'review',
      filedOn: '2026-11-25',
      request: '第三季度工作量统计有误，申请复核',
    });
    expect(review).toMatchObject({ learnedOn: '2026-11-25', deadline: '2026-12-25' });
    // the delivery day a filed review counted from cannot move any more
    const moved = await record('A01', {
      deliveredOn: '2026-11-24',
      opinion: 'disagree',
      opinionText: '不认可',
      signedOn: '2026-11-25',
    });
    expect(!moved.ok && moved.error.message).toMatch(/送达日期不能(早于定档日|再修改)/);
  });

  it('prints the 送达签收表 in the pack with what was recorded', async () => {
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    await ok('signoff.record', {
      yearId: y.yearId,
      personId: y.ids.get('A02'),
      deliveredOn: '2026-11-25',
      opinion: 'refused',
      witnessNote: '见证人：王五',
      signedOn: '2026-11-25',
    });
    await ok('signoff.bulk', {
      yearId: y.yearId,
      departmentId: y.deptIds[1],
      deliveredOn: '2026-11-25',
      signedOn: '2026-11-25',
    });
    const folder = mkdtempSync(join(tmpdir(), 'da-signoff-'));
    dirs.push(folder);
    grantPath(t.session, folder);
    const job = await ok<{ id: string }>('pack.export', {
      yearId: y.yearId,
      scope: 'unit',
      sheets: ['signoff'],
      folder,
    });
    const end = await t.core.jobs.wait(job.id);
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    const file = (end.value as { files: { path: string; pages: number }[] }).files[0]!;
    expect(file.pages).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const ws = wb.getWorksheet('送达签收表')!;
    expect(ws.pageSetup.paperSize).toBe(9); // A4
    const rows: string[][] = [];
    ws.eachRow((r) => {
      const v = r.values as unknown[];
      rows.push(Array.from({ length: 8 }, (_, i) => (v[i + 1] == null ? '' : String(v[i + 1] as string | number))));
    });
    expect(rows[0]![0]).toBe('2026年度考核结果送达签收表');
    expect(rows[2]).toEqual(['序号', '姓名', '部门', '考核结果', '送达日期', '本人意见', '本人签名', '签收日期']);
    const byName = (n: string) => rows.find((r) => r[1] === n)!;
    expect(byName('张二').slice(3)).toEqual(['称职', '2026年11月25日', '拒签（见证人：王五）', '', '2026年11月25日']);
    expect(byName('李一').slice(3)).toEqual(['称职', '2026年11月25日', '同意', '', '2026年11月25日']);
    expect(byName('张一').slice(3)).toEqual(['称职', '', '', '', '']);
  });
});
