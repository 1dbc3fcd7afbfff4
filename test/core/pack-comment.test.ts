// The 主管领导评语 box on a real store: drafted from the year's quarterly comments, each sentence
// traced to the period rating it came from; edited and regenerated like the personal summary (each
// audited, a stale or too-long save refused); locked with a decided year (core and trigger); kept in
// the frozen copy and printed on the registration form, read back from a real xlsx.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { writeWorkbook } from '../../electron/core/pack/writer/write-workbook';
import { buildRegistrationForms } from '../../shared/sheets/registration-form';
import type { Result } from '../../shared/result';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore } from '../support/xlsx-fixtures';
import { seedYearEnd } from '../support/yearend-fixtures';

let t: TempCore;
afterEach(() => t.cleanup());
const call = async <T = unknown>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(t.core, t.session, method, input)) as Result<T>;
const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
interface Draft {
  sentences: { text: string; source: { kind: string; id: string; label: string } | null }[];
  stored: boolean;
  edited: boolean;
  updatedAt: string | null;
}

const COMMENTS = [
  '该同志政治站位高，落实上级部署坚决。工作主动，完成季度预算编制。',
  '工作主动，完成季度预算编制。牵头完成年中预算执行分析。',
  '',
  '严守纪律，团结同事。',
];

describe('主管领导评语', () => {
  it('drafts from the quarterly comments, traced; edits and regenerates audited; locked and printed once decided', async () => {
    t = tempCore({ now: () => new Date('2026-11-25T02:00:00Z') });
    const y = seedYearEnd(t.ctx, { people: [{ no: 'K01', name: '钱一', ratings: '好 好 较好 好' }] });
    const personId = y.ids.get('K01')!;
    const ratingIds = y.periodIds.map(
      (pid, i) =>
        (
          t.core.db
            .prepare('UPDATE period_rating SET comment = ? WHERE period_id = ? AND person_id = ? RETURNING id')
            .get(COMMENTS[i], pid, personId) as { id: string }
        ).id,
    );
    const draft = await ok<Draft>('pack.comment.get', { yearId: y.yearId, personId });
    // a sentence written in two quarters is told once; the empty quarter adds nothing
    expect(draft.sentences.map((s) => s.text)).toEqual([
      '第一季度，该同志政治站位高，落实上级部署坚决。',
      '工作主动，完成季度预算编制。',
      '第二季度，牵头完成年中预算执行分析。',
      '第四季度，严守纪律，团结同事。',
    ]);
    expect(draft.sentences.map((s) => [s.source?.id, s.source?.label])).toEqual([
      [ratingIds[0], '第一季度评语'],
      [ratingIds[0], '第一季度评语'],
      [ratingIds[1], '第二季度评语'],
      [ratingIds[3], '第四季度评语'],
    ]);
    expect(draft).toMatchObject({ stored: false, edited: false, updatedAt: null });

    // the clerk's edit: saved and audited; a save from a stale copy and one too long for the box refused
    const edited = [...draft.sentences.slice(0, 3), { text: '建议确定为优秀等次。', source: null }];
    const saved = await ok<Draft>('pack.comment.save', {
      yearId: y.yearId,
      personId,
      sentences: edited,
      expectedUpdatedAt: null,
    });
    expect(saved).toMatchObject({ stored: true, edited: true });
    const audit = t.core.db
      .prepare("SELECT entity, after_json FROM audit_log WHERE action = 'pack.comment.save'")
      .get() as { entity: string; after_json: string };
    expect(audit.entity).toBe('pack_comment_draft');
    expect((JSON.parse(audit.after_json) as { text: string }).text).toContain('建议确定为优秀等次。');
    const before = dumpStore(t.core.db);
    const stale = await call('pack.comment.save', {
      yearId: y.yearId,
      personId,
      sentences: edited,
      expectedUpdatedAt: null,
    });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT' });
    expect(!stale.ok && stale.error.message).toContain('主管领导评语已被他人修改');
    const long = Array.from({ length: 40 }, (_, i) => ({
      text: `第${i + 1}项工作完成较好，成效明显，群众满意度高。`,
      source: null,
    }));
    const tooLong = await call('pack.comment.save', {
      yearId: y.yearId,
      personId,
      sentences: long,
      expectedUpdatedAt: saved.updatedAt,
    });
    expect(!tooLong.ok && tooLong.error.code).toBe('INVALID_INPUT');
    expect(!tooLong.ok && tooLong.error.message).toMatch(/^主管领导评语超出登记表“主管领导评语”方框约 \d+ 行/);
    expect(dumpStore(t.core.db)).toBe(before);
    const regenerated = await ok<Draft>('pack.comment.regenerate', { yearId: y.yearId, personId });
    expect(regenerated.sentences).toEqual(draft.sentences);
    expect(regenerated).toMatchObject({ stored: true, edited: false });
    await ok('pack.comment.save', {
      yearId: y.yearId,
      personId,
      sentences: edited,
      expectedUpdatedAt: regenerated.updatedAt,
    });

    // decided: the comment is kept with the year, refused by core and by the trigger
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    await ok('yearend.decide', {
      yearId: y.yearId,
      personId,
      outcome: 'graded',
      grade: 'competent',
      reason: '优秀名额为零，经考核委员会讨论定为称职',
      approvalDocNo: '',
    });
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
    const lockedBefore = dumpStore(t.core.db);
    const locked = await call('pack.comment.regenerate', { yearId: y.yearId, personId });
    expect(!locked.ok && locked.error.code).toBe('LOCKED');
    expect(!locked.ok && locked.error.message).toContain('主管领导评语随年度锁定');
    expect(() => t.core.db.prepare('DELETE FROM pack_comment_draft').run()).toThrow('主管领导评语不能删除');
    expect(dumpStore(t.core.db)).toBe(lockedBefore);
    const kept = await ok<Draft>('pack.comment.get', { yearId: y.yearId, personId });
    expect(kept.sentences.map((s) => s.text)).toEqual(edited.map((s) => s.text));

    // printed on the registration form from the frozen copy, read back from the xlsx
    const data = loadPackData(t.ctx, y.yearId, {});
    const person = data.persons.find((p) => p.id === personId)!;
    const file = join(t.dir, 'forms.xlsx');
    await writeWorkbook(file, [buildRegistrationForms(data, [person])]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts: string[] = [];
    // the writer breaks long text into lines itself (Chinese line rules); the words are what we check
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? '').replace(/\n/g, ''))));
    const box = texts.find((x) => x.includes('建议确定为优秀等次。'));
    expect(box).toBe('\u3000\u3000' + edited.map((s) => s.text).join(''));
  });
});
