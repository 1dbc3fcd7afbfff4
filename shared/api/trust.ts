// Contract of operators, log-in, the audit trail and backups.
// Log-in methods are public (nobody is signed in yet); the rest need the permission named.
import { z } from 'zod';
import { method } from './contract';
import { role } from '../domain/types';
import { jobState } from './jobs';

const id = z.string().min(1).max(64);
const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '只能包含字母、数字、汉字和 _ . -');
const displayName = z.string().trim().min(1).max(40);
/** Checked again by the password rules in main (length, classes); the bound here keeps scrypt's input small. */
const password = z.string().min(1).max(128);
const isoInstant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, '应为日期，如 2026-11-25');
const unitScope = z.array(id).max(200);

export const operatorDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.union([role, z.literal('system')]),
  unitScope: z.array(z.string()),
});
export type OperatorDto = z.infer<typeof operatorDto>;

export const operatorInfoDto = operatorDto.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OperatorInfoDto = z.infer<typeof operatorInfoDto>;

const signedIn = z.object({ operator: operatorDto, mustChangePassword: z.boolean() });
const newAccount = z.strictObject({ username, displayName, password });

export const auditChainDto = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  head: z.string(),
  brokenSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
  acknowledged: z.boolean(),
  checkedAt: z.string(),
});
export type AuditChainDto = z.infer<typeof auditChainDto>;

export const auditFilter = z.strictObject({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  operatorId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  text: z.string().max(100).optional(),
});
export type AuditFilterDto = z.infer<typeof auditFilter>;

export const auditEntryDto = z.object({
  seq: z.number().int(),
  at: z.string(),
  operatorId: z.string(),
  operatorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** what the entry is about in words (a person's name and number, a unit, a period), never a row id */
  entityName: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  reason: z.string(),
  outcome: z.string(),
  hash: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const backupDto = z.object({
  file: z.string(),
  name: z.string(),
  reason: z.string(),
  at: z.string(),
  bytes: z.number(),
});
export type BackupDto = z.infer<typeof backupDto>;

export const trustSettingsDto = z.strictObject({
  maxFailedLogins: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleLockMinutes: z.number().int().min(0).max(240),
  backupKeep: z.number().int().min(3).max(365),
});

export const trustMethods = {
  'auth.status': method({
    summary: '登录状态（首次使用、当前操作员、锁定、审计链警告）',
    permission: 'public',
    input: z.strictObject({}),
    output: z.object({
      needsSetup: z.boolean(),
      operator: operatorDto.nullable(),
      locked: z.boolean(),
      mustChangePassword: z.boolean(),
      idleLockMinutes: z.number().int(),
      auditWarning: z.string().nullable(),
      /** the entry an acknowledgement of the warning names (null when the chain is sound) */
      auditBrokenSeq: z.number().int().nullable(),
      /** today's automatic backup failed (shown at log-in and on the system page) */
      backupWarning: z.string().nullable(),
    }),
  }),
  'auth.setup': method({
    summary: '首次使用：创建系统管理员与安全管理员',
    permission: 'public',
    input: z.strictObject({ admin: newAccount, security: newAccount }),
    output: signedIn,
  }),
  'auth.login': method({
    summary: '登录',
    permission: 'public',
    input: z.strictObject({ username: z.string().trim().min(1).max(32), password }),
    output: signedIn,
  }),
  'auth.logout': method({ summary: '退出登录', permission: 'public', input: z.strictObject({}), output: z.object({}) }),
  'auth.unlock': method({
    summary: '输入密码解锁窗口',
    permission: 'public',
    input: z.strictObject({ password }),
    output: signedIn,
  }),
  'auth.lock': method({ summary: '锁定窗口', permission: 'session', input: z.strictObject({}), output: z.object({}) }),
  'auth.activity': method({
    summary: '报告操作员仍在操作（空闲锁定计时）',
    permission: 'session',
    input: z.strictObject({}),
    output: z.object({}),
  }),
  'auth.changePassword': method({
    summary: '修改本人密码',
    permission: 'session',
    input: z.strictObject({ oldPassword: password, newPassword: password }),
    output: z.object({}),
  }),
  'auth.getSettings': method({
    summary: '查看登录与备份设置',
    permission: 'session',
    input: z.strictObject({}),
    output: trustSettingsDto,
  }),
  'auth.saveSettings': method({
    summary: '修改锁定与空闲设置（安全管理员）',
    permission: 'operators.manage',
    input: trustSettingsDto.omit({ backupKeep: true }),
    output: trustSettingsDto,
  }),
  'operators.list': method({
    summary: '操作员列表',
    permission: 'operators.manage',
    input: z.strictObject({}),
    output: z.object({ rows: z.array(operatorInfoDto) }),
  }),
  'operators.create': method({
    summary: '新建操作员',
    permission: 'operators.manage',
    input: z.strictObject({ username, displayName, role, unitScope, password }),
    output: operatorInfoDto,
  }),
  'operators.update': method({
    summary: '修改操作员姓名、角色、授权部门',
    permission: 'operators.manage',
    input: z.strictObject({ id, displayName, role, unitScope }),
    output: operatorInfoDto,
  }),
  'operators.setDisabled': method({
    summary: '停用或启用操作员',
    permission: 'operators.manage',
    input: z.strictObject({ id, disabled: z.boolean(), reason: z.string().trim().min(1).max(200) }),
    output: operatorInfoDto,
  }),
  'operators.resetPassword': method({
    summary: '重置操作员密码（下次登录须修改）',
    permission: 'operators.manage',
    input: z.strictObject({ id, password }),
    output: operatorInfoDto,
  }),
  'operators.units': method({
    summary: '可授权的单位和部门（为部门评价人选择授权范围）',
    permission: 'operators.manage',
    input: z.strictObject({}),
    output: z.object({
      rows: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), kind: z.string() })),
    }),
  }),
  'audit.list': method({
    summary: '查询审计日志',
    permission: 'audit.read',
    input: z.strictObject({
      filter: auditFilter.default({}),
      page: z.number().int().min(1).max(100_000).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      total: z.number().int(),
      rows: z.array(auditEntryDto),
      /** names of the row ids found in the rows' before/after copies */
      names: z.record(z.string(), z.string()),
      actions: z.array(z.string()),
      entities: z.array(z.string()),
      operators: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  }),
  'audit.verify': method({
    summary: '校验审计日志哈希链',
    permission: 'audit.read',
    input: z.strictObject({}),
    output: auditChainDto,
  }),
  'audit.export': method({
    summary: '导出审计日志为 Excel',
    permission: 'audit.read',
    input: z.strictObject({ filter: auditFilter.default({}), path: z.string().min(1).max(1000) }),
    output: jobState,
  }),
  'audit.acknowledgeBreak': method({
    summary: '确认审计链断裂并恢复修改（系统管理员，须填写原因）',
    permission: 'backup.manage',
    input: z.strictObject({
      brokenSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      reason: z.string().trim().min(4).max(500),
    }),
    output: auditChainDto,
  }),
  'backup.list': method({
    summary: '备份列表',
    permission: 'backup.manage',
    input: z.strictObject({}),
    output: z.object({ dir: z.string(), keep: z.number().int(), rows: z.array(backupDto) }),
  }),
  /** a job: its value, once done, is the backup made (backupDto) */
  'backup.create': method({
    summary: '立即备份',
    permission: 'backup.manage',
    input: z.strictObject({}),
    output: jobState,
  }),
  /** a job: its value, once done, is the copy made (backupDto) */
  'backup.toFolder': method({
    summary: '备份到选定的文件夹（如U盘）',
    permission: 'backup.manage',
    input: z.strictObject({ folder: z.string().min(1).max(1000) }),
    output: jobState,
  }),
  'backup.restore': method({
    summary: '从备份恢复（先校验备份，并先备份当前数据）',
    permission: 'backup.manage',
    input: z.strictObject({ file: z.string().min(1).max(1000), reason: z.string().trim().min(2).max(200) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string(), auditOk: z.boolean() }),
  }),
  'backup.saveSettings': method({
    summary: '修改自动备份保留份数',
    permission: 'backup.manage',
    input: z.strictObject({ backupKeep: z.number().int().min(3).max(365) }),
    output: trustSettingsDto,
  }),
};
