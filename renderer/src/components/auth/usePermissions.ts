// What the signed-in operator may do, for choosing what to offer: menus, buttons and default choices
// follow the role's permissions and the data scope, so a refused action is never on screen. Main
// enforces both on every call; this only mirrors them (shared/auth).
import { useCallback, useMemo } from 'react';
import { roleHas, type Permission } from '@shared/auth/permissions';
import { unitInScope } from '@shared/auth/scope-view';
import { useAuth } from './auth-context';

export interface Permissions {
  can(p: Permission): boolean;
  /** whether the unit (walked up through `parentOf`) is in the operator's scope */
  inScope(unitId: string, parentOf: (id: string) => string | null): boolean;
}

export function usePermissions(): Permissions {
  const operator = useAuth()?.status.operator ?? null;
  // Outside the log-in gate (a page rendered on its own) nothing is hidden; main still refuses.
  const can = useCallback((p: Permission) => !operator || roleHas(operator.role, p), [operator]);
  const inScope = useCallback(
    (unitId: string, parentOf: (id: string) => string | null) => !operator || unitInScope(operator, unitId, parentOf),
    [operator],
  );
  return useMemo(() => ({ can, inScope }), [can, inScope]);
}
