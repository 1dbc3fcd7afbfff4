// The app's areas, in the order a clerk meets them through the year. Hash-based, no router library.
export const ROUTES = [
  { key: 'dashboard', label: '年度进度' },
  { key: 'roster', label: '人员名册' },
  { key: 'ratings', label: '平时考核' },
  { key: 'evidence', label: '事件记录' },
  { key: 'yearend', label: '年终考核' },
  { key: 'pack', label: '材料打印' },
  { key: 'settings', label: '年度设置' },
  { key: 'audit', label: '审计日志' },
  { key: 'system', label: '系统管理' },
] as const;
export type RouteKey = (typeof ROUTES)[number]['key'];
