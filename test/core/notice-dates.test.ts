// The 公示's dates are checked by the store, not only the screen: a start before today needs the clerk's
// word that the notice was posted then (kept in the audit entry), and an objection received before
// the notice began or after it ended is refused with a message naming the notice period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeededYear } from '../support/yearend-fixtures';
import type { Result } from '../../shared/result';

let t: TempCore;
beforeEach(() => {
  t = tempCore(); // today is 2026-11-25 (a Wednesday)
});
afterEach(() => t.cleanup());

const call = async <T = unknown>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(t.core, t.session, method, input)) as Result<T>;
const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

async function decidedYear(): Promise<SeededYear> {
  const y = seedYearEnd(t.ctx, {
    people: [
      { no: 'B01', name: '赵一', ratings: '较好 较好 较好 较好' },
      { no: 'B02', name: '赵二', ratings: '较好 好 较好 较好' },
    ],
  });
  await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
  await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
  return y;
}

const stage = (y: SeededYear) =>
  (t.core.db.prepare('SELECT stage FROM assessment_year WHERE id = ?').get(y.yearId) as { stage: string }).stage;

describe('公示 dates (store-enforced)', () => {
  it('a start before today is refused in Chinese and leaves the year in review; confirmed, it is kept as backdated', async () => {
    const y = await decidedYear();
    const refused = await call('yearend.transition', { yearId: y.yearId, to: 'notice', noticeStart: '2026-11-16' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('公示开始日期（2026-11-16）早于今天（2026-11-25）');
    expect(!refused.ok && refused.error.details).toMatchObject({ field: 'noticeStart' });
    expect(stage(y)).toBe('review');

    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    expect(stage(y)).toBe('notice');
    const entry = t.core.db
      .prepare("SELECT after_json FROM audit_log WHERE action = 'yearend.stage.notice' ORDER BY seq DESC")
      .get() as { after_json: string };
    expect(JSON.parse(entry.after_json)).toMatchObject({ noticeStart: '2026-11-16', backdated: true });
  });

  it('today or later needs no confirmation, and the back step is named as going back', async () => {
    const y = await decidedYear();
    const state = await ok<{ transitions: { to: string; label: string; back: boolean }[] }>('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-25',
    });
    const back = state.transitions.find((x) => x.back)!;
    expect(back).toMatchObject({ to: 'review', label: '撤销公示，退回审核' });
    expect(state.transitions.find((x) => !x.back)?.label).not.toContain('审核');
  });

  it('an objection received outside the notice period is refused; inside it is kept', async () => {
    const y = await decidedYear();
    // Mon 2026-11-16, five working days: to Fri 2026-11-20
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    const base = { yearId: y.yearId, personId: null, raisedBy: '来信', content: '反映考勤问题' };
    const late = await call('yearend.addObjection', { ...base, receivedOn: '2026-11-23' });
    expect(!late.ok && late.error.message).toContain('收到日期（2026-11-23）晚于公示期（2026-11-16 至 2026-11-20）');
    const early = await call('yearend.addObjection', { ...base, receivedOn: '2026-11-13' });
    expect(!early.ok && early.error.message).toContain('早于公示期');
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM yearend_objection').get()).toEqual({ n: 0 });
    await ok('yearend.addObjection', { ...base, receivedOn: '2026-11-20' });
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM yearend_objection').get()).toEqual({ n: 1 });
  });
});
