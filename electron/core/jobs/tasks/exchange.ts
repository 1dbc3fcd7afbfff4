// Worker tasks of 数据交换包: export, preview and apply. A bundle from outside is only ever read here,
// inside a heap-limited worker, through the hostile-file checks of read-bundle.ts.
import { AppError } from '../../../../shared/result';
import type { ConflictChoice } from '../../../../shared/exchange/preview';
import type { Task, TaskContext } from '../task-types';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import type { Ctx } from '../../context';
import { exportBundle, type ExportRequest } from '../../exchange/export-bundle';
import { readBundle } from '../../exchange/read-bundle';
import { planBundle } from '../../exchange/plan';
import { buildPreview } from '../../exchange/preview';
import { applyBundle } from '../../exchange/apply';

function withCtx<T>(t: TaskContext, fn: (ctx: Ctx) => Promise<T> | T): Promise<T> {
  const db = openStore(storeFile(t.dataDir), { skipMigrate: true });
  const ctx: Ctx = { db, operator: t.operator, dataDir: t.dataDir, now: () => new Date(t.nowIso) };
  return Promise.resolve()
    .then(() => fn(ctx))
    .finally(() => db.close());
}

export interface ExchangeApplyInput {
  path: string;
  expectedSha256: string;
  choices: { key: string; choice: ConflictChoice }[];
}

export const exchangeTasks: Record<string, Task<never, unknown>> = {
  'exchange.export': (input: ExportRequest, t: TaskContext) => withCtx(t, (ctx) => exportBundle(ctx, input)),

  'exchange.preview': (input: { path: string; previewId: string }, t: TaskContext) =>
    withCtx(t, async (ctx) => {
      t.progress(0, 2, '正在检查交换包');
      const bundle = await readBundle(input.path);
      t.progress(1, 2, '正在比对记录');
      return buildPreview(ctx.db, bundle, planBundle(ctx, bundle), input.previewId);
    }),

  'exchange.apply': (input: ExchangeApplyInput, t: TaskContext) =>
    withCtx(t, async (ctx) => {
      const bundle = await readBundle(input.path);
      if (bundle.sha256 !== input.expectedSha256)
        throw new AppError('CONFLICT', `“${bundle.fileName}”在预览之后被替换或修改过，请重新预览后再导入。`);
      return applyBundle(ctx, bundle, planBundle(ctx, bundle), new Map(input.choices.map((c) => [c.key, c.choice])), t);
    }),
};
