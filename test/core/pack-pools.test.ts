// The pack of a decided year pooled by 分管领导 with places shared by largest remainder: the summary
// and statistics tables print each leader's pool with the engine's explanation (the group's sum, the
// whole parts, who got the place left), and the year re-prints cell for cell once decided — its
// pools locked with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { buildPackModels, scopeFor, PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import type { YearSettings } from '../../shared/settings/year-settings';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson } from '../support/yearend-fixtures';

let t: TempCore;
beforeEach(() => {
  t = tempCore({ now: () => new Date('2026-11-25T02:00:00Z') });
});
afterEach(() => t.cleanup());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(t.core, t.session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

// 8 + 7 + 5 people, two excellent candidates in 办公室 and one in each other department
const people: SeedPerson[] = [0, 1, 2].flatMap((dept) =>
  Array.from({ length: [8, 7, 5][dept]! }, (_, i) => ({
    no: `P${dept}${i}`,
    name: `${['办', '财', '执'][dept]}员${i + 1}`,
    dept,
    ratings: i === 0 || (dept === 0 && i === 1) ? '好 好 好 好' : '较好 较好 较好 较好',
  })),
);

describe('pack of a year pooled by supervising leader', () => {
  it('prints each pool’s shared places and re-prints cell for cell once decided', async () => {
    const y = seedYearEnd(t.ctx, { departments: ['办公室', '财务科', '执法大队'], people });
    const current = await ok<{ settings: YearSettings }>('years.getSettings', { yearId: y.yearId });
    const settings = structuredClone(current.settings);
    settings.quota.pooling = 'leader';
    settings.quota.sharing = 'largest_remainder';
    settings.quota.leaders = [
      { id: 'wang', name: '王副局长', departmentIds: [y.deptIds[0]!] },
      { id: 'li', name: '李副局长', departmentIds: [y.deptIds[1]!, y.deptIds[2]!] },
    ];
    await ok('years.updateSettings', { yearId: y.yearId, settings, reason: '按分管领导分配' });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const bulk = await ok<{ accepted: number }>('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
    expect(bulk.accepted).toBe(people.length);
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });

    const print = () =>
      buildPackModels(
        loadPackData(t.ctx, y.yearId),
        scopeFor(loadPackData(t.ctx, y.yearId), null, '全单位'),
        PACK_SHEET_KINDS,
      );
    const models = print();
    const text = (name: string) => JSON.stringify(models.find((m) => m.name === name)).replace(/\\n/g, '');
    // 8 × 20% = 1.6 and 12 × 20% = 2.4: 20 × 20% = 4 places, whole parts 1 + 2, the one left to 0.6
    for (const sheet of ['考核结果汇总表', '统计备案表']) {
      expect(text(sheet)).toContain(
        '王副局长分管·公务员（含参公）：优秀 2 名，名额 2 名（基数 8 人 × 20% = 1.6，按最大余数法分配为 2 名（全单位·公务员（含参公）基数 20 人 × 20% = 4，向下取整，共 4 名；各单元先得整数部分共 3 名，余下 1 名按小数部分从大到小分配（同值先人数多者，再按单元顺序），本单元小数 0.6，分得 1 名））。',
      );
      expect(text(sheet)).toContain('李副局长分管·公务员（含参公）：优秀 2 名，名额 2 名（基数 12 人 × 20% = 2.4');
    }
    // the pools are locked with the decided year; printing again gives the same cells
    const locked = await dispatch(t.core, t.session, 'years.updateSettings', {
      yearId: y.yearId,
      settings: { ...settings, quota: { ...settings.quota, sharing: 'per_unit' } },
    });
    expect(!locked.ok && locked.error.code).toBe('LOCKED');
    expect(JSON.stringify(print())).toBe(JSON.stringify(models));
  });
});
