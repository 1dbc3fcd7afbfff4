// Facts about the running app and its store, shown on the status bar and in 关于.
import { z } from 'zod';
import { method } from './contract';

export const systemMethods = {
  'system.info': method({
    summary: '程序与数据文件信息',
    permission: 'public',
    input: z.strictObject({}),
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      storeFile: z.string(),
      auditHead: z.string(),
      auditCount: z.number().int(),
      /** the audit chain's state found on open or at the last check: null when sound */
      auditWarning: z.string().nullable(),
      /** the checks run after the window shows: quick_check, the daily backup, the full audit walk */
      startupChecks: z.object({
        state: z.enum(['pending', 'running', 'done', 'failed']),
        done: z.number().int(),
        total: z.number().int(),
        quickCheck: z.string().nullable(),
        backup: z.object({ ok: z.boolean(), message: z.string() }).nullable(),
        checkedAt: z.string().nullable(),
      }),
    }),
  }),
  'system.slowCalls': method({
    summary: '慢操作记录（操作名称与耗时，不含任何人员数据）',
    permission: 'session',
    input: z.strictObject({}),
    output: z.object({
      thresholdMs: z.number().int(),
      /** newest first, at most the last 200 since the program started */
      calls: z.array(z.object({ method: z.string(), ms: z.number().int(), at: z.string() })),
      /** where the same lines are appended, to send with a report */
      logFile: z.string(),
    }),
  }),
  'system.setupProgress': method({
    summary: '首次使用的进度：单位、部门、人员、考核年度与考核办经办人账号是否已建立',
    permission: 'session',
    input: z.strictObject({}),
    output: z.object({
      agencies: z.number().int(),
      departments: z.number().int(),
      people: z.number().int(),
      years: z.number().int(),
      /** active 考核办经办人 accounts: the role that rates, records events and decides */
      clerks: z.number().int(),
    }),
  }),
};
