import { auditHead } from '../../audit/audit-log';
import { currentVersion } from '../../db/migrate';
import { auditWarning } from '../../audit/audit-check';
import type { Handler } from '../handler';

export const systemHandlers: {
  'system.info': Handler<'system.info'>;
  'system.slowCalls': Handler<'system.slowCalls'>;
} = {
  'system.slowCalls': (_ctx, _input, _session, core) => ({
    thresholdMs: core.slowCalls.thresholdMs,
    calls: core.slowCalls.list(),
    logFile: core.slowCalls.file ?? '',
  }),
  'system.info': (ctx, _input, _session, core) => {
    const head = auditHead(ctx.db);
    return {
      appVersion: core.appVersion,
      schemaVersion: currentVersion(ctx.db),
      dataDir: core.dataDir,
      storeFile: core.storeFile,
      auditHead: head.hash,
      auditCount: head.seq,
      auditWarning: auditWarning(core.auditStatus),
      startupChecks: { ...core.background },
    };
  },
};
