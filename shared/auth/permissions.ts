// Permissions each contract method declares, and which role holds which. Enforced in main.
// 等保: administrator, security administrator and auditor are kept apart (least privilege).
import type { Role } from '../domain/types';

export const PERMISSIONS = [
  'public', // callable without a session (log-in, first-run status)
  'session', // any logged-in operator (own password, own session)
  'roster.read',
  'roster.write',
  'year.read',
  'year.write', // create years, edit settings, mark periods reviewed
  'ratings.read',
  'ratings.write',
  'evidence.read',
  'evidence.write',
  'yearend.read',
  'yearend.decide',
  'pack.export',
  'audit.read',
  'operators.manage',
  'backup.manage',
  'exchange.manage', // write and read 数据交换包 (touches roster, ratings, evidence and results at once)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_DATA: Permission[] = ['roster.read', 'year.read', 'ratings.read', 'evidence.read', 'yearend.read'];

export const ROLE_PERMISSIONS: Record<Role | 'system', readonly Permission[]> = {
  admin: ['public', 'session', ...READ_DATA, 'roster.write', 'year.write', 'backup.manage', 'pack.export'],
  security: ['public', 'session', 'operators.manage'],
  clerk: [
    'public',
    'session',
    ...READ_DATA,
    'roster.write',
    'year.write',
    'ratings.write',
    'evidence.write',
    'yearend.decide',
    'pack.export',
    'exchange.manage',
  ],
  rater: [
    'public',
    'session',
    'roster.read',
    'year.read',
    'ratings.read',
    'ratings.write',
    'evidence.read',
    'evidence.write',
  ],
  auditor: ['public', 'session', 'audit.read', ...READ_DATA],
  system: PERMISSIONS,
};

/** Permissions that change assessment data: paused while the audit chain is found broken on open. */
export const WRITE_PERMISSIONS: readonly Permission[] = [
  'roster.write',
  'year.write',
  'ratings.write',
  'evidence.write',
  'yearend.decide',
  'exchange.manage',
];

export const ROLE_LABELS: Record<Role | 'system', string> = {
  admin: '系统管理员',
  security: '安全管理员',
  clerk: '考核办经办人',
  rater: '部门评价人',
  auditor: '审计员',
  system: '系统（命令行）',
};

export function roleHas(role: Role | 'system', permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
