// Handlers of spreadsheets in and out: each starts a heap-limited worker job (parsing outside files
// never happens in main) after checking the kind's permission and that the path was chosen in a dialog.
import type { Session } from '../session';
import type { HandlerMap } from '../handler';
import type { importsMethods } from '../../../../shared/api/imports';
import { roleHas } from '../../../../shared/auth/permissions';
import type { ImportKind } from '../../../../shared/import/columns';
import { IMPORT_READ_PERMISSION, IMPORT_WRITE_PERMISSION } from '../../../../shared/auth/import-permissions';
import type { ImportPreview } from '../../../../shared/import/types';
import { AppError } from '../../../../shared/result';
import { newId } from '../../ids';
import { assertGranted } from './desktop';
import { rememberPreview, requirePreview } from '../../import/preview-registry';
import { backupNow } from '../../backup/backup';
import { exportTable } from '../../excel/export/table-export';

/** Outside files are parsed under this heap ceiling: a bomb fails as ERR_WORKER_OUT_OF_MEMORY. */
export const IMPORT_HEAP_MB = 256;

/** shared with the renderer, which offers an import only to those who may apply it */
const WRITE = IMPORT_WRITE_PERMISSION;
const READ = IMPORT_READ_PERMISSION;

export function requireKindPermission(session: Session, kind: ImportKind, access: 'write' | 'read'): void {
  const perm = (access === 'write' ? WRITE : READ)[kind];
  if (!session.operator || !roleHas(session.operator.role, perm))
    throw new AppError('FORBIDDEN', '当前账号的角色无权执行此操作。如需要，请联系安全管理员调整权限。', {
      permission: perm,
    });
}

export const importsHandlers: Pick<HandlerMap, keyof typeof importsMethods> = {
  'imports.preview': (ctx, input, session, core) => {
    requireKindPermission(session, input.kind, 'write');
    assertGranted(session, input.path);
    const previewId = newId();
    const request = {
      kind: input.kind,
      path: input.path,
      unitId: input.unitId ?? null,
      periodId: input.periodId ?? null,
    };
    return core.jobs.start('imports.preview', { ...request, previewId }, ctx.operator, {
      maxHeapMb: IMPORT_HEAP_MB,
      onSettled: (s) => {
        if (s.status === 'done')
          rememberPreview(core, { request, operatorId: ctx.operator.id, preview: s.value as ImportPreview });
      },
    });
  },
  'imports.getPreview': (ctx, { previewId }, _session, core) =>
    requirePreview(core, previewId, ctx.operator.id).preview,
  'imports.apply': async (ctx, { previewId, mode }, session, core) => {
    const rec = requirePreview(core, previewId, ctx.operator.id);
    requireKindPermission(session, rec.request.kind, 'write');
    // A backup of the store before any import changes it (trust: restore point per import).
    await backupNow(core, core.dataDir, 'before-import', { now: ctx.now() });
    return core.jobs.start(
      'imports.apply',
      { ...rec.request, mode, expectedSha256: rec.preview.sha256 },
      ctx.operator,
      { maxHeapMb: IMPORT_HEAP_MB },
    );
  },
  'imports.errorReport': (ctx, { previewId, path }, session, core) => {
    const rec = requirePreview(core, previewId, ctx.operator.id);
    assertGranted(session, path);
    if (path === rec.request.path)
      throw new AppError('INVALID_INPUT', '错误报告不能覆盖正在导入的文件，请另选保存位置。');
    return core.jobs.start('imports.errorReport', { ...rec.request, out: path }, ctx.operator, {
      maxHeapMb: IMPORT_HEAP_MB,
    });
  },
  'imports.exportRoster': (ctx, input, session, core) => {
    assertGranted(session, input.path);
    return core.jobs.start(
      'imports.exportRoster',
      { path: input.path, unitId: input.unitId ?? null, includeLeft: input.includeLeft ?? false },
      ctx.operator,
    );
  },
  // The rows are what this operator's screen was given by the core; the file goes only where they chose.
  'imports.exportTable': (_ctx, input, session) => {
    assertGranted(session, input.path);
    return exportTable(input);
  },
  'templates.generate': (ctx, input, session, core) => {
    requireKindPermission(session, input.kind, 'read');
    assertGranted(session, input.path);
    return core.jobs.start(
      'imports.template',
      { kind: input.kind, unitId: input.unitId, periodId: input.periodId ?? null, path: input.path },
      ctx.operator,
    );
  },
};
