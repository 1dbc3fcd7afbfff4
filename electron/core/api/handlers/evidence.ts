// Handlers of evidence of the year, the per-person timeline and the progress dashboard. Reads are
// narrowed to the operator's data scope (a department rater sees only their departments).
import type { HandlerMap } from '../handler';
import type { evidenceMethods } from '../../../../shared/api/evidence';
import { AppError } from '../../../../shared/result';
import { createEvidence, getEvidence, updateEvidence, voidEvidence } from '../../evidence/evidence-service';
import { evidenceLookups, findPeople, listEvidence } from '../../evidence/evidence-query';
import { personTimeline } from '../../evidence/timeline';
import { yearDashboard } from '../../progress/dashboard';
import { missingCount, missingRows } from '../../progress/missing';
import { resolveYear } from '../../progress/year-scope';
import { assertPersonInScope, isUnitInScope, unitsInScope } from '../../auth/scope';
import { assertGranted } from './desktop';

export const evidenceHandlers: Pick<HandlerMap, keyof typeof evidenceMethods> = {
  'evidence.create': (ctx, { data }) => createEvidence(ctx, data),
  'evidence.update': (ctx, { id, expectedUpdatedAt, data }) => updateEvidence(ctx, id, data, { expectedUpdatedAt }),
  'evidence.void': (ctx, { id, reason }) => voidEvidence(ctx, id, reason),
  'evidence.get': (ctx, { id }) => {
    const v = getEvidence(ctx, id);
    if (!isUnitInScope(ctx, v.unitId))
      throw new AppError('FORBIDDEN', '该人员不在您负责的部门，无权查看。如需调整，请联系安全管理员。');
    return v;
  },
  'evidence.list': (ctx, filter) => listEvidence(ctx.db, filter, ctx.now(), unitsInScope(ctx)),
  'evidence.timeline': (ctx, { personId, year }) => {
    assertPersonInScope(ctx, personId);
    return personTimeline(ctx, personId, year);
  },
  'evidence.lookups': (ctx) => evidenceLookups(ctx.db),
  'evidence.people': (ctx, { search, limit }) => findPeople(ctx, search, limit, unitsInScope(ctx)),
  'progress.dashboard': (ctx, { yearId }) => yearDashboard(ctx.db, yearId, ctx.now(), unitsInScope(ctx)),
  'progress.missing': (ctx, { yearId, periodId, unitId, offset, limit }) => {
    const scope = resolveYear(ctx.db, yearId, ctx.now(), unitsInScope(ctx));
    if (!scope) throw new AppError('NOT_FOUND', '找不到该考核年度。');
    return {
      rows: missingRows(ctx.db, scope, { periodId, unitId, offset, limit }),
      total: missingCount(ctx.db, scope, { periodId, unitId }),
    };
  },
  'progress.exportMissing': (ctx, { yearId, path }, session, core) => {
    assertGranted(session, path);
    if (!/\.xlsx$/i.test(path))
      throw new AppError('INVALID_INPUT', '请保存为 .xlsx 格式的 Excel 文件。', {
        issues: [{ field: 'path', message: '文件名应以 .xlsx 结尾' }],
      });
    if (!resolveYear(ctx.db, yearId, ctx.now())) throw new AppError('NOT_FOUND', '找不到该考核年度。');
    const visible = unitsInScope(ctx);
    return core.jobs.start(
      'progress.exportMissing',
      { yearId, path, visible: visible === null ? null : [...visible] },
      ctx.operator,
    );
  },
};
