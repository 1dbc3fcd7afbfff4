// The cap on 好 as an operator may see it: a department rater sees their own departments' standings
// (and the agency's total for reference), never another department's counts.
import type { PeriodCapStatusDto } from '../../../shared/api/years';
import type { Ctx } from '../context';
import { unitsInScope } from '../auth/scope';

export function scopedCapStatus(ctx: Ctx, cap: PeriodCapStatusDto): PeriodCapStatusDto {
  const scope = unitsInScope(ctx);
  if (scope === null) return cap;
  return { ...cap, departments: cap.departments.filter((d) => scope.has(d.unitId)) };
}
