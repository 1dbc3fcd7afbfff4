// Handlers of the Excel evaluation pack: options and previews (SheetModels built in main from the
// store — quick), summary drafts (audited writes), and the export, started as a worker job.
import type { HandlerMap } from '../handler';
import type { packMethods } from '../../../../shared/api/pack';
import {
  buildSheet,
  orderPersons,
  PACK_SHEET_KINDS,
  PACK_SHEET_LABEL,
  scopeLabel,
} from '../../../../shared/sheets/pack-sheets';
import { AppError } from '../../../../shared/result';
import { loadPackData } from '../../pack/pack-data';
import { getSummaryDraft, regenerateSummaryDraft, saveSummaryDraft, SUPERVISOR_BOX } from '../../pack/summary-store';
import { startPackExport } from '../../pack/start-export';
import { assertGranted, grantPath } from './desktop';
import { assertPersonInScope, assertUnitInScope, unitsInScope } from '../../auth/scope';
import { requireYear } from '../../years/year-repo';
import { readFormOptions, saveFormOptions } from '../../pack/form-options';
import { FORM_LABELS, type ExtraField } from '../../../../shared/sheets/registration-form';

function formView(o: { labels?: Record<string, string>; extraFields?: ExtraField[] }) {
  return { labels: { ...FORM_LABELS, ...o.labels }, extraFields: o.extraFields ?? [], defaults: { ...FORM_LABELS } };
}

export const packHandlers: Pick<HandlerMap, keyof typeof packMethods> = {
  'pack.formOptions.get': (ctx, { yearId }) => {
    requireYear(ctx.db, yearId);
    return formView(readFormOptions(ctx.db, yearId));
  },
  'pack.formOptions.save': (ctx, { yearId, labels, extraFields }) =>
    formView(saveFormOptions(ctx, yearId, { labels, extraFields })),

  'pack.options': (ctx, { yearId }) => {
    const data = loadPackData(ctx, yearId, { detailFor: [] });
    // a clerk restricted to some departments sees only those departments and their people
    const scope = unitsInScope(ctx);
    const persons = orderPersons(data, scope ? data.persons.filter((p) => scope.has(p.departmentId)) : data.persons);
    return {
      year: { id: data.year.id, year: data.year.year, unitName: data.unit.name, stage: data.year.stage },
      departments: [...data.departments]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((d) => ({ id: d.id, name: d.name, persons: persons.filter((p) => p.departmentId === d.id).length }))
        .filter((d) => d.persons > 0),
      persons: persons.map((p) => ({
        id: p.id,
        name: p.name,
        personNo: p.personNo,
        departmentId: p.departmentId,
        departmentName: p.departmentName,
      })),
      sheets: PACK_SHEET_KINDS.map((kind) => ({ kind, label: PACK_SHEET_LABEL[kind] })),
    };
  },

  'pack.preview': (ctx, { yearId, sheet, personId, departmentId }) => {
    // only a form or a record appendix prints period texts and evidence: load them for that person
    const perPerson = sheet === 'forms' || sheet === 'records';
    if (perPerson && personId) assertPersonInScope(ctx, personId);
    if (!perPerson) assertUnitInScope(ctx, departmentId ?? requireYear(ctx.db, yearId).dto.unitId);
    const data = loadPackData(
      ctx,
      yearId,
      perPerson ? { detailFor: personId ? [personId] : [], onlyDetailed: true } : { detailFor: [] },
    );
    if (sheet === 'forms' || sheet === 'records') {
      const p = data.persons.find((x) => x.id === personId);
      if (!p) throw new AppError('INVALID_INPUT', '请选择要预览的人员。', { field: 'personId' });
      return { models: buildSheet(sheet, data, [p], data.unit.name) };
    }
    const dept = departmentId ? data.departments.find((d) => d.id === departmentId) : null;
    if (departmentId && !dept) throw new AppError('NOT_FOUND', '找不到该部门，请刷新后重新选择。');
    const persons = orderPersons(data, dept ? data.persons.filter((p) => p.departmentId === dept.id) : data.persons);
    return { models: buildSheet(sheet, data, persons, scopeLabel(data.unit.name, dept?.name ?? null)) };
  },

  'pack.summary.get': (ctx, { yearId, personId }) => {
    assertPersonInScope(ctx, personId);
    return getSummaryDraft(ctx, loadPackData(ctx, yearId, { detailFor: [personId], onlyDetailed: true }), personId);
  },
  'pack.summary.save': (ctx, { yearId, personId, sentences, expectedUpdatedAt }) => {
    assertPersonInScope(ctx, personId);
    return saveSummaryDraft(
      ctx,
      loadPackData(ctx, yearId, { detailFor: [personId], onlyDetailed: true }),
      personId,
      sentences,
      expectedUpdatedAt,
    );
  },
  'pack.summary.regenerate': (ctx, { yearId, personId }) => {
    assertPersonInScope(ctx, personId);
    return regenerateSummaryDraft(
      ctx,
      loadPackData(ctx, yearId, { detailFor: [personId], onlyDetailed: true }),
      personId,
    );
  },

  'pack.comment.get': (ctx, { yearId, personId }) => {
    assertPersonInScope(ctx, personId);
    const data = loadPackData(ctx, yearId, { detailFor: [personId], onlyDetailed: true });
    return getSummaryDraft(ctx, data, personId, SUPERVISOR_BOX);
  },
  'pack.comment.save': (ctx, { yearId, personId, sentences, expectedUpdatedAt }) => {
    assertPersonInScope(ctx, personId);
    const data = loadPackData(ctx, yearId, { detailFor: [personId], onlyDetailed: true });
    return saveSummaryDraft(ctx, data, personId, sentences, expectedUpdatedAt, SUPERVISOR_BOX);
  },
  'pack.comment.regenerate': (ctx, { yearId, personId }) => {
    assertPersonInScope(ctx, personId);
    const data = loadPackData(ctx, yearId, { detailFor: [personId], onlyDetailed: true });
    return regenerateSummaryDraft(ctx, data, personId, SUPERVISOR_BOX);
  },

  'pack.export': (ctx, input, session, core) => {
    // the folder must be one the operator picked in the folder dialog
    assertGranted(session, input.folder);
    // a restricted clerk exports only the departments granted to them
    if (input.scope === 'unit') assertUnitInScope(ctx, requireYear(ctx.db, input.yearId).dto.unitId);
    else input.departmentIds.forEach((d) => assertUnitInScope(ctx, d));
    return startPackExport(core, ctx.operator, input, (f) => {
      assertGranted(session, f.path, { inFolder: true });
      // the files this export writes may be shown in their folder afterwards (打开所在文件夹)
      grantPath(session, f.path);
    });
  },
};
