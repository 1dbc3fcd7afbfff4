// Test data for years and ratings: an agency with departments and people made through the roster's
// own services (so moves and leaving are recorded as the app records them), and a year with periods.
import type { Ctx } from '../../electron/core/context';
import { createPerson, createUnit, markPersonLeft, movePerson } from '../../electron/core/roster';
import { createYear, type YearWithPeriods } from '../../electron/core/years/year-service';
import type { PeriodKind } from '../../shared/domain/types';

export interface AgencyFixture {
  agencyId: string;
  departments: Record<string, string>; // name → id
  people: Record<string, string>; // personNo → id
}

/** An agency "某区发改委" with the named departments, each with `perDepartment` people. */
export function makeAgency(
  ctx: Ctx,
  options: { departments?: string[]; perDepartment?: number; name?: string; hireDate?: string } = {},
): AgencyFixture {
  const names = options.departments ?? ['办公室', '规划科'];
  const agency = createUnit(ctx, { parentId: null, name: options.name ?? '某区发改委' });
  const departments: Record<string, string> = {};
  const people: Record<string, string> = {};
  let n = 0;
  for (const name of names) {
    const d = createUnit(ctx, { parentId: agency.id, name });
    departments[name] = d.id;
    for (let i = 0; i < (options.perDepartment ?? 5); i++) {
      n++;
      const personNo = `A${String(n).padStart(3, '0')}`;
      const p = createPerson(ctx, {
        personNo,
        name: `${name.slice(0, 1)}员${i + 1}`,
        unitId: d.id,
        category: 'civil_servant',
        hireDate: options.hireDate ?? '2020-01-01',
      });
      people[personNo] = p.id;
    }
  }
  return { agencyId: agency.id, departments, people };
}

export function addPerson(
  ctx: Ctx,
  fx: AgencyFixture,
  personNo: string,
  name: string,
  department: string,
  hireDate = '2020-01-01',
): string {
  const p = createPerson(ctx, {
    personNo,
    name,
    unitId: fx.departments[department]!,
    category: 'civil_servant',
    hireDate,
  });
  fx.people[personNo] = p.id;
  return p.id;
}

export function move(ctx: Ctx, personId: string, toUnitId: string, moveDate: string): void {
  movePerson(ctx, { id: personId, toUnitId, moveDate, reason: '工作需要' });
}

export function leave(ctx: Ctx, personId: string, leftDate: string): void {
  markPersonLeft(ctx, { id: personId, leftDate, reason: '调离本单位' });
}

export function makeYear(ctx: Ctx, agencyId: string, year = 2026, periodKind: PeriodKind = 'quarter'): YearWithPeriods {
  return createYear(ctx, { unitId: agencyId, year, periodKind });
}
