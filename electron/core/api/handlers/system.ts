import { auditHead } from '../../audit/audit-log';
import { currentVersion } from '../../db/migrate';
import { auditWarning } from '../../audit/audit-check';
import type { Handler } from '../handler';
import { the } from '../../db/query';

export const systemHandlers: {
  'system.info': Handler<'system.info'>;
  'system.slowCalls': Handler<'system.slowCalls'>;
  'system.setupProgress': Handler<'system.setupProgress'>;
} = {
  // counts only (no names): what the first-run wizard needs to tick its steps, for any operator
  'system.setupProgress': (ctx) => {
    const n = (sql: string) => the<{ n: number }>(ctx.db, sql).n;
    return {
      agencies: n("SELECT COUNT(*) AS n FROM unit WHERE kind = 'agency'"),
      departments: n("SELECT COUNT(*) AS n FROM unit WHERE kind = 'department'"),
      people: n('SELECT COUNT(*) AS n FROM person'),
      years: n('SELECT COUNT(*) AS n FROM assessment_year'),
      clerks: n("SELECT COUNT(*) AS n FROM operator WHERE role = 'clerk' AND disabled = 0"),
    };
  },
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
