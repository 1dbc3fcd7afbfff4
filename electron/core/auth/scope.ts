// Data scope (数据范围): a department rater (部门评价人) touches only the departments granted; a clerk
// with a non-empty scope only those units and their departments. Services call these before reads and writes.
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { many, one } from '../db/query';

/** Unit ids the operator may touch (each granted unit and its descendants), or null for all. */
export function unitsInScope(ctx: Ctx): Set<string> | null {
  const { role, unitScope } = ctx.operator;
  if (role === 'system' || role === 'admin' || role === 'auditor') return null;
  if (role === 'clerk' && unitScope.length === 0) return null;
  if (role === 'security') return new Set();
  if (unitScope.length === 0) return new Set();
  const rows = many<{ id: string }>(
    ctx.db,
    `WITH RECURSIVE scoped(id) AS (
         SELECT id FROM unit WHERE id IN (SELECT value FROM json_each(?))
         UNION SELECT u.id FROM unit u JOIN scoped s ON u.parent_id = s.id)
       SELECT id FROM scoped`,
    JSON.stringify(unitScope),
  );
  return new Set(rows.map((r) => r.id));
}

export function isUnitInScope(ctx: Ctx, unitId: string): boolean {
  const scope = unitsInScope(ctx);
  return scope === null || scope.has(unitId);
}

/** Throws FORBIDDEN unless the unit (a department or agency) is within the operator's scope. */
export function assertUnitInScope(ctx: Ctx, unitId: string): void {
  if (!isUnitInScope(ctx, unitId)) {
    throw new AppError(
      'FORBIDDEN',
      '该部门不在您的授权范围内，只能查看和录入本人负责部门的数据。如需调整，请联系安全管理员。',
      { unitId },
    );
  }
}

/** The same check through a person's current department. */
export function assertPersonInScope(ctx: Ctx, personId: string): void {
  const scope = unitsInScope(ctx);
  if (scope === null) return;
  const row = one<{ unit_id: string }>(ctx.db, 'SELECT unit_id FROM person WHERE id = ?', personId);
  if (!row) throw new AppError('NOT_FOUND', '找不到该人员，请刷新后重试。');
  if (!scope.has(row.unit_id))
    throw new AppError('FORBIDDEN', '该人员不在您负责的部门，无权查看或录入。如需调整，请联系安全管理员。', {
      personId,
    });
}
