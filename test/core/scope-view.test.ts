// The renderer's copy of the data-scope rule (shared/auth/scope-view.ts, used to choose what to offer)
// agrees with the one main enforces (electron/core/auth/scope.ts) for every role and every unit of
// the demo store, with a department, the agency, or nothing granted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/core/demo/generate';
import { unitsInScope } from '../../electron/core/auth/scope';
import { unitInScope } from '../../shared/auth/scope-view';
import type { Role } from '../../shared/domain/types';
import { tempCore, type TempCore } from '../support/temp-core';

let t: TempCore;
let units: { id: string; parent_id: string | null; kind: string }[];
beforeAll(() => {
  t = tempCore();
  generateDemo(t.ctx, {});
  units = t.core.db.prepare('SELECT id, parent_id, kind FROM unit').all() as typeof units;
});
afterAll(() => t?.cleanup());

describe('scope seen by the renderer = scope enforced by main', () => {
  it('agrees for every role, grant and unit', () => {
    const parent = new Map(units.map((u) => [u.id, u.parent_id]));
    const agency = units.find((u) => u.kind === 'agency')!.id;
    const dept = units.find((u) => u.kind === 'department')!.id;
    for (const role of ['admin', 'security', 'clerk', 'rater', 'auditor'] as Role[])
      for (const unitScope of [[], [dept], [agency]]) {
        const op = { id: 'x', username: 'x', displayName: 'x', role, unitScope };
        const enforced = unitsInScope(t.core.ctx(op));
        for (const u of units)
          expect(
            unitInScope(op, u.id, (id) => parent.get(id) ?? null),
            `${role} ${unitScope.length} ${u.id}`,
          ).toBe(enforced === null || enforced.has(u.id));
      }
  });
});
