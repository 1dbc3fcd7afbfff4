// Worker tasks of year end: evaluations of the whole year that need not hold the core thread.
import type { Task } from '../task-types';
import type { YearSettings } from '../../../../shared/settings/year-settings';
import type { SettingsImpactDto } from '../../../../shared/api/yearend';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import { IMPACT_STEPS, settingsImpact } from '../../yearend/impact';
import { AppError } from '../../../../shared/result';

/**
 * 预览对建议等次的影响: the rule engine over the whole year twice (as set, as proposed), on this
 * worker's own connection. At 20,000 people that is seconds the window's calls need not wait behind.
 * The scope check is done by the handler before the job starts.
 */
const impact: Task<{ yearId: string; settings: YearSettings }, SettingsImpactDto> = (input, ctx) => {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true, quickCheck: false });
  try {
    const now = new Date(ctx.nowIso);
    return settingsImpact({ db, now: () => now }, input.yearId, input.settings, (done, message) => {
      if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消预览。');
      ctx.progress(done, IMPACT_STEPS, message);
    });
  } finally {
    db.close();
  }
};

export const yearendTasks: Record<string, Task<never, unknown>> = {
  'yearend.settingsImpact': impact,
};
