// The data scope (数据范围) as the renderer needs it to choose what to offer: the same rule main
// enforces in electron/core/auth/scope.ts (a unit is in scope when it or one of its ancestors was
// granted), over the units a page already holds. Main still checks every call.
import type { Role } from '../domain/types';

export interface ScopedOperator {
  role: Role | 'system';
  unitScope: string[];
}

/** null: every unit; otherwise the granted unit ids (their descendants count too). */
export function grantedUnits(op: ScopedOperator): Set<string> | null {
  if (op.role === 'system' || op.role === 'admin' || op.role === 'auditor') return null;
  if (op.role === 'clerk' && op.unitScope.length === 0) return null;
  if (op.role === 'security') return new Set();
  return new Set(op.unitScope);
}

/** Whether `unitId` is in the operator's scope, walking up through `parentOf`. */
export function unitInScope(op: ScopedOperator, unitId: string, parentOf: (id: string) => string | null): boolean {
  const granted = grantedUnits(op);
  if (granted === null) return true;
  const seen = new Set<string>();
  for (let id: string | null = unitId; id && !seen.has(id); id = parentOf(id)) {
    if (granted.has(id)) return true;
    seen.add(id);
  }
  return false;
}
