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
    }),
  }),
};
