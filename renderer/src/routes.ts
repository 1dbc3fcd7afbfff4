// The app's areas, in the order a clerk meets them through the year. Hash-based, no router library.
// Each area is shown to the roles holding one of its permissions (the page's main read), so nobody
// meets a menu whose page would only say "无权".
import type { Permission } from '@shared/auth/permissions';
import type { MessageKey } from './i18n/zh';

export const ROUTES = [
  { key: 'dashboard', label: 'nav.dashboard', anyOf: ['year.read'] },
  { key: 'roster', label: 'nav.roster', anyOf: ['roster.read'] },
  { key: 'ratings', label: 'nav.ratings', anyOf: ['ratings.read'] },
  { key: 'evidence', label: 'nav.evidence', anyOf: ['evidence.read'] },
  { key: 'yearend', label: 'nav.yearend', anyOf: ['yearend.read'] },
  { key: 'pack', label: 'nav.pack', anyOf: ['pack.export'] },
  { key: 'exchange', label: 'nav.exchange', anyOf: ['exchange.manage'] },
  { key: 'settings', label: 'nav.settings', anyOf: ['year.write'] },
  { key: 'audit', label: 'nav.audit', anyOf: ['audit.read'] },
  { key: 'system', label: 'nav.system', anyOf: ['backup.manage', 'operators.manage', 'session'] },
] as const satisfies readonly { key: string; label: MessageKey; anyOf: readonly Permission[] }[];
export type RouteKey = (typeof ROUTES)[number]['key'];

/** The areas an operator may open, in menu order. */
export function allowedRoutes(can: (p: Permission) => boolean) {
  return ROUTES.filter((r) => r.anyOf.some((p: Permission) => can(p)));
}
