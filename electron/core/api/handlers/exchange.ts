// Handlers of 数据交换包: the identity on the store's own connection; export, preview and apply as
// heap-limited worker jobs (a bundle from outside is never read on the core thread), with a backup
// of the store taken before any apply.
import type { HandlerMap } from '../handler';
import type { exchangeMethods } from '../../../../shared/api/exchange';
import type { ExchangePreview } from '../../../../shared/exchange/preview';
import { AppError } from '../../../../shared/result';
import { newId } from '../../ids';
import { assertGranted } from './desktop';
import { backupNow } from '../../backup/backup';
import { ensureWorkstation, getWorkstation } from '../../exchange/workstation';
import { listSenders } from '../../exchange/state';
import { rememberExchangePreview, requireExchangePreview } from '../../exchange/preview-registry';

/** Bundles carry scans: more room than a spreadsheet, still a ceiling a hostile file hits first. */
export const EXCHANGE_HEAP_MB = 512;

export const exchangeHandlers: Pick<HandlerMap, keyof typeof exchangeMethods> = {
  'exchange.identity': (ctx) => getWorkstation(ctx.db),
  'exchange.setupIdentity': (ctx, input) => ensureWorkstation(ctx, input.label),
  'exchange.senders': (ctx) => listSenders(ctx.db),
  'exchange.export': (ctx, input, session, core) => {
    assertGranted(session, input.path);
    const workstation = ensureWorkstation(ctx);
    return core.jobs.start('exchange.export', { ...input, workstation, appVersion: core.appVersion }, ctx.operator, {
      maxHeapMb: EXCHANGE_HEAP_MB,
    });
  },
  'exchange.preview': (ctx, { path }, session, core) => {
    assertGranted(session, path);
    const previewId = newId();
    return core.jobs.start('exchange.preview', { path, previewId }, ctx.operator, {
      maxHeapMb: EXCHANGE_HEAP_MB,
      onSettled: (s) => {
        if (s.status === 'done')
          rememberExchangePreview(core, { path, operatorId: ctx.operator.id, preview: s.value as ExchangePreview });
      },
    });
  },
  'exchange.getPreview': (ctx, { previewId }, _session, core) =>
    requireExchangePreview(core, previewId, ctx.operator.id).preview,
  'exchange.apply': async (ctx, { previewId, choices }, _session, core) => {
    const rec = requireExchangePreview(core, previewId, ctx.operator.id);
    const keys = new Set(rec.preview.items.filter((i) => i.status === 'conflict').map((i) => i.key));
    const stray = choices.find((c) => !keys.has(c.key));
    if (stray)
      throw new AppError('INVALID_INPUT', '所选的冲突不在这次预览中，请重新预览后再选择。', { key: stray.key });
    const chosen = new Set(choices.map((c) => c.key));
    const open = [...keys].filter((k) => !chosen.has(k));
    if (open.length && !rec.preview.alreadyImportedAt)
      throw new AppError(
        'INVALID_INPUT',
        `还有 ${open.length} 处冲突没有选择处理方式，未导入任何数据。请逐条选择“采用交换包的”或“保留本机的”。`,
        { keys: open.slice(0, 50) },
      );
    // A restore point before a bundle changes the store, as before a spreadsheet import.
    await backupNow(core, core.dataDir, 'before-import', { now: ctx.now() });
    return core.jobs.start(
      'exchange.apply',
      { path: rec.path, expectedSha256: rec.preview.bundle.sha256, choices },
      ctx.operator,
      { maxHeapMb: EXCHANGE_HEAP_MB },
    );
  },
};
