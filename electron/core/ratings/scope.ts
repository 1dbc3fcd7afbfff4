// A rater (or a clerk restricted to some departments) only sees and writes their own departments.
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';

export function assertDepartmentInScope(ctx: Ctx, unitId: string, unitName: string): void {
  const scope = ctx.operator.unitScope;
  if (scope.length > 0 && !scope.includes(unitId)) {
    throw new AppError('FORBIDDEN', `当前账号只能查看和填写本部门的平时考核，无权操作“${unitName}”。`, { unitId });
  }
}
