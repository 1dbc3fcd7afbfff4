// A rater (or a clerk restricted to some departments) only sees and writes their own departments.
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { isUnitInScope } from '../auth/scope';

export function assertDepartmentInScope(ctx: Ctx, unitId: string, unitName: string): void {
  // The shared rule (electron/core/auth/scope.ts): sub-departments of a granted unit count; a rater with no grant sees nothing.
  if (!isUnitInScope(ctx, unitId)) {
    throw new AppError('FORBIDDEN', `当前账号只能查看和填写本部门的平时考核，无权操作“${unitName}”。`, { unitId });
  }
}
