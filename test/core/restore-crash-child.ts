// The victim of the restore kill test: in a loop, marks the live store 'live' (audited), then
// restores the backup given (content marked 'backup') through the same restore the window uses,
// printing each step, until the parent SIGKILLs it.
import { AppCore } from '../../electron/core/app-core';
import { recordAudit } from '../../electron/core/audit/audit-log';
import { recordRestore, restoreBackup } from '../../electron/core/backup/backup';
import { SYSTEM_OPERATOR, writeTx } from '../../electron/core/context';

async function main(): Promise<void> {
  const [dataDir, backup] = process.argv.slice(2) as [string, string];
  const core = new AppCore({ dataDir, logError: () => undefined, autoBackup: false });
  const ctx = core.ctx(SYSTEM_OPERATOR);
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    writeTx(ctx, () => {
      ctx.db.prepare("UPDATE app_meta SET value = 'live' WHERE key = 'marker'").run();
      recordAudit(ctx, { action: 'settings.backup', entity: 'app_meta', entityId: 'marker', after: 'live' });
    });
    process.stdout.write(`marked ${i}\n`);
    await restoreBackup(core.db, dataDir, core.storeFile, backup, new Date(), (staging, facts) =>
      recordRestore({ ...ctx, db: staging }, backup, facts, '崩溃测试'),
    );
    process.stdout.write(`restored ${i}\n`);
    // A pause in the restored state, so some kills find the store restored rather than marked again.
    await new Promise((r) => setTimeout(r, 150));
  }
}

void main();
