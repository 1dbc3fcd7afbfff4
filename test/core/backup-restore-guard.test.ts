// A restore replaces the store file; a worker job writing through its own connection at that moment
// would write into the store being replaced, so restore waits for running jobs.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { backupNow } from '../../electron/core/backup/backup';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { tempCore, type TempCore } from '../support/temp-core';

let t: TempCore;
afterEach(() => t?.cleanup());

describe('restore guard', () => {
  it('refuses to restore while a job runs, and restores once it has ended', async () => {
    t = tempCore();
    const backup = await backupNow(t.core, t.core.dataDir, 'manual', { now: new Date('2026-11-25T02:00:00Z') });
    const job = t.core.jobs.start('echo', { value: 1, steps: 5000 }, SYSTEM_OPERATOR);
    const refused = await dispatch(t.core, t.session, 'backup.restore', { file: backup.file, reason: '测试恢复' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请等待其完成或取消') });
    t.core.jobs.cancel(job.id);
    await t.core.jobs.wait(job.id);
    const restored = await dispatch(t.core, t.session, 'backup.restore', { file: backup.file, reason: '测试恢复' });
    expect(restored.ok).toBe(true);
  });
});
