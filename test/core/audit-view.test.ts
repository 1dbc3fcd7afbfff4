// What the audit viewer is sent for a store used as an office uses it (the demo year, an edit, a unit
// renamed, the year moved to 审核 and its suggestions accepted, a refused call): every action has a
// Chinese name, the object is named in words (no row id), and a refusal names the permission in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { contract, type OutputOf } from '../../shared/api';
import { generateDemo } from '../../electron/core/demo/generate';
import { isAuditAction, AUDIT_ENTITY_LABELS } from '../../shared/audit/labels';
import { tempCore, type TempCore } from '../support/temp-core';
import { insertOperator, sessionAs } from '../support/trust-fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
let t: TempCore;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(t.core, t.session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  t = tempCore();
  generateDemo(t.ctx, {});
  const people = await ok<{ rows: { id: string; updatedAt: string; unitId: string }[] }>('roster.list', {});
  const p = people.rows[5]!;
  await ok('roster.update', { id: p.id, expectedUpdatedAt: p.updatedAt, changes: { position: '四级主任科员' } });
  await ok('units.rename', { id: p.unitId, name: '办公室（综合）' });
  const year = (await ok<{ id: string }[]>('years.list', {}))[0]!;
  await ok('yearend.transition', { yearId: year.id, to: 'review' });
  await ok('yearend.bulkAccept', { yearId: year.id, departmentId: null });
  const rater = insertOperator(t.core, 'rater');
  await dispatch(t.core, sessionAs(t.core, rater), 'yearend.workbench', { yearId: year.id });
});
afterAll(() => t?.cleanup());

describe('the audit view (core)', () => {
  it('names every action, object and refusal in Chinese, and no row id', async () => {
    const auditor = insertOperator(t.core, 'auditor');
    const r = await dispatch(t.core, sessionAs(t.core, auditor), 'audit.list', { pageSize: 500 });
    if (!r.ok) throw new Error(r.error.message);
    const { rows, actions, entities } = r.value as OutputOf<'audit.list'>;
    expect(rows.length).toBeGreaterThan(20);
    expect(actions.filter((a) => !isAuditAction(a))).toEqual([]);
    expect(entities.filter((e) => !Object.hasOwn(AUDIT_ENTITY_LABELS, e))).toEqual([]);
    for (const a of ['person.update', 'unit.rename', 'yearend.stage.review', 'yearend.bulkAccept', 'access.denied'])
      expect(actions).toContain(a);
    expect(rows.filter((e) => UUID.test(e.entityName)).map((e) => `${e.action}: ${e.entityName}`)).toEqual([]);
    const denied = rows.find((e) => e.action === 'access.denied')!;
    expect(denied.entityName).toBe(contract['yearend.workbench'].summary);
    expect(denied.entityName).not.toMatch(/[a-z]+\.[a-z]+/i);
    expect(denied.reason).toBe('缺少权限：查看年终考核');
    const update = rows.find((e) => e.action === 'person.update')!;
    expect(update.entityName).toMatch(/^\p{Script=Han}+（R\d+）$/u);
    const renamed = rows.find((e) => e.action === 'unit.rename')!;
    expect(renamed.entityName).toBe('办公室（综合）');
    const stage = rows.find((e) => e.action === 'yearend.stage.review')!;
    expect(stage.entityName).toMatch(/2026 年度$/);
  });
});
