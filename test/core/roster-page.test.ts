// roster.list through the dispatcher is paged by the store: a page of 100 unless asked, never more
// than 500 in one answer (a clear Chinese refusal that points to the export), the total counts the
// whole filter, and pages in a column's order join up to the whole sorted list.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency } from '../support/year-fixtures';
import { writeTx } from '../../electron/core/context';
import { listPeople } from '../../electron/core/roster';
import type { PersonDto } from '../../shared/domain/records';

let t: TempCore | undefined;
afterEach(() => t?.cleanup());

type Page = { rows: PersonDto[]; total: number };

describe('roster.list pages', () => {
  it('sends one page, refuses a page over 500, and its pages join up to the sorted list', async () => {
    t = tempCore();
    writeTx(t.ctx, () => makeAgency(t!.ctx, { departments: ['办公室', '规划科', '财务科'], perDepartment: 110 }));
    const call = async (input: unknown) => dispatch(t!.core, t!.session, 'roster.list', input);

    const first = await call({});
    if (!first.ok) throw new Error(first.error.message);
    expect((first.value as Page).rows).toHaveLength(100);
    expect((first.value as Page).total).toBe(330);

    const big = await call({ limit: 501 });
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.error.code).toBe('INVALID_INPUT');
      expect(big.error.message).toContain('每页最多 500 人');
      expect(big.error.message).toContain('导出名册');
    }

    const whole = listPeople(t.core.db, { sort: 'name', order: 'desc' }).rows.map((p) => p.id);
    const joined: string[] = [];
    for (let offset = 0; offset < 330; offset += 50) {
      const r = await call({ sort: 'name', order: 'desc', offset, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
      expect((r.value as Page).total).toBe(330);
      joined.push(...(r.value as Page).rows.map((p) => p.id));
    }
    expect(joined).toEqual(whole);

    const search = await call({ search: '规员1', limit: 200 });
    if (!search.ok) throw new Error(search.error.message);
    const found = search.value as Page;
    expect(found.total).toBe(found.rows.length);
    expect(found.rows.every((p) => p.name.startsWith('规员1'))).toBe(true);
  });
});
