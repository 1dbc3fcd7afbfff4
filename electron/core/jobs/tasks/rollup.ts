// Worker task of 全区汇总: the engine counts each agency of the year on this worker's own connection,
// one progress step per agency, so a district of eighty agencies never holds the core thread. The
// scope (the agencies the operator may see whole) is resolved by the handler before the job starts.
import type { Task, TaskContext } from '../task-types';
import type { DistrictRollup } from '../../../../shared/api/rollup';
import { AppError } from '../../../../shared/result';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import type { Db } from '../../db/db-type';
import { districtRollup, type RollupProgress } from '../../rollup/district';

export interface RollupTaskInput {
  year: number;
  /** agency ids the operator may see whole; null = every agency */
  scope: string[] | null;
}

/** Progress per agency ("正在汇总 区教育局"), and the cancel flag checked before each one. */
export function agencySteps(ctx: TaskContext): RollupProgress {
  return (done, total, name) => {
    if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消汇总。');
    ctx.progress(done, total, done < total ? `正在汇总 ${name}` : '汇总完成');
  };
}

/** The store on a connection of this worker (writable: a decided year's pack copy may be kept on first
 * read, the export's audit entry is written here), closed once `fn` has settled. */
export async function withStore<T>(ctx: TaskContext, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true, quickCheck: false });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const district: Task<RollupTaskInput, DistrictRollup> = (input, ctx) =>
  withStore(ctx, (db) => {
    const now = new Date(ctx.nowIso);
    const scope = input.scope ? new Set(input.scope) : null;
    return districtRollup({ db, now: () => now }, input.year, scope, agencySteps(ctx));
  });

export const rollupTasks: Record<string, Task<never, unknown>> = {
  'rollup.district': district,
};
