// Data scope: a department rater touches only the departments granted (and their sub-units); a clerk
// with no grant sees everything, with a grant only that; the security administrator no data at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPersonInScope, assertUnitInScope, isUnitInScope, unitsInScope } from '../../electron/core/auth/scope';
import { createPerson, createUnit } from '../../electron/core/roster';
import type { Ctx, Operator } from '../../electron/core/context';
import { tempCore, type TempCore } from '../support/temp-core';

let t: TempCore;
let agency: string;
let office: string;
let finance: string;
let financeTeam: string;
let otherAgency: string;
let personInFinance: string;

beforeAll(() => {
  t = tempCore();
  agency = createUnit(t.ctx, { name: '某区发改委', parentId: null }).id;
  office = createUnit(t.ctx, { name: '办公室', parentId: agency }).id;
  finance = createUnit(t.ctx, { name: '财务科', parentId: agency }).id;
  financeTeam = createUnit(t.ctx, { name: '预算组', parentId: finance }).id;
  otherAgency = createUnit(t.ctx, { name: '某区财政局', parentId: null }).id;
  personInFinance = createPerson(t.ctx, {
    personNo: 'S001',
    name: '李四',
    unitId: finance,
    category: 'civil_servant',
  }).id;
});
afterAll(() => t.cleanup());

function as(role: Operator['role'], unitScope: string[] = []): Ctx {
  return { ...t.ctx, operator: { id: `o-${role}`, username: role, displayName: role, role, unitScope } };
}

describe('data scope', () => {
  it('a rater sees only the granted department and its sub-units', () => {
    const rater = as('rater', [finance]);
    expect(isUnitInScope(rater, finance)).toBe(true);
    expect(isUnitInScope(rater, financeTeam)).toBe(true);
    expect(isUnitInScope(rater, office)).toBe(false);
    expect(isUnitInScope(rater, agency)).toBe(false);
    expect(() => assertUnitInScope(rater, office)).toThrow(/不在您的授权范围/);
    expect(() => assertPersonInScope(rater, personInFinance)).not.toThrow();
    expect(() => assertPersonInScope(as('rater', [office]), personInFinance)).toThrow(/不在您负责的部门/);
  });

  it('a rater with no grant sees nothing (never everything)', () => {
    expect(unitsInScope(as('rater', []))).toEqual(new Set());
    expect(isUnitInScope(as('rater', []), office)).toBe(false);
  });

  it('a clerk without a grant sees all; with an agency granted, that agency and its departments only', () => {
    expect(unitsInScope(as('clerk', []))).toBeNull();
    const clerk = as('clerk', [agency]);
    expect([office, finance, financeTeam, agency].every((u) => isUnitInScope(clerk, u))).toBe(true);
    expect(isUnitInScope(clerk, otherAgency)).toBe(false);
  });

  it('admin, auditor and the command line see all; the security administrator no assessment data', () => {
    for (const role of ['admin', 'auditor', 'system'] as const) expect(unitsInScope(as(role))).toBeNull();
    expect(isUnitInScope(as('security'), office)).toBe(false);
  });
});
