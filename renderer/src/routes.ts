// The app's areas, in the order a clerk meets them through the year. Hash-based, no router library.
// Each area is shown to the roles holding one of its permissions (the page's main read), so nobody
// meets a menu whose page would only say "无权".
import type { Permission } from '@shared/auth/permissions';

export const ROUTES = [
  { key: 'dashboard', label: '年度进度', anyOf: ['year.read'] },
  { key: 'roster', label: '人员名册', anyOf: ['roster.read'] },
  { key: 'ratings', label: '平时考核', anyOf: ['ratings.read'] },
  { key: 'evidence', label: '事件记录', anyOf: ['evidence.read'] },
  { key: 'yearend', label: '年终考核', anyOf: ['yearend.read'] },
  { key: 'pack', label: '材料打印', anyOf: ['pack.export'] },
  { key: 'exchange', label: '数据交换', anyOf: ['exchange.manage'] },
  { key: 'settings', label: '年度设置', anyOf: ['year.write'] },
  { key: 'audit', label: '审计日志', anyOf: ['audit.read'] },
  { key: 'system', label: '系统管理', anyOf: ['backup.manage', 'operators.manage', 'session'] },
] as const satisfies readonly { key: string; label: string; anyOf: readonly Permission[] }[];
export type RouteKey = (typeof ROUTES)[number]['key'];

/** The areas an operator may open, in menu order. */
export function allowedRoutes(can: (p: Permission) => boolean) {
  return ROUTES.filter((r) => r.anyOf.some((p: Permission) => can(p)));
}
