// One pass over an outside file, shared by preview, apply and the error report: inspect, parse (in a
// worker), check the template's meta, find the table, and plan every data row of the chosen kind.
import { IMPORT_KIND_LABEL, RESULT_CODE_SHEET, type ImportKind } from '../../../shared/import/columns';
import type { ImportIssue, TemplateMetaDto } from '../../../shared/import/types';
import { AppError } from '../../../shared/result';
import { isoToday } from '../../../shared/domain/dates';
import type { Db } from '../db/open';
import type { Operator } from '../context';
import { inspectSpreadsheet, verifyEntries, type InspectedFile } from '../excel/safety/inspect';
import { META_SHEET, readMeta, TEMPLATE_VERSION } from './templates/meta';
import { readWorkbook, type SheetData } from './read-workbook';
import {
  dataRow,
  locateTable,
  noTableProblem,
  rowBlank,
  unsafeCellIssues,
  type LocatedTable,
  type LocateOutcome,
} from './table';
import { StoreView, type PeriodRow } from './store-view';
import { DuplicateGuard, type PlannedRow } from './plan';
import { planRosterRow, ROSTER_DATA_KEYS, rosterUnitIndex } from './kind-roster';
import { planRatingRow, RATING_CONTENT_KEYS, type StoredRating } from './kind-ratings';
import { EVIDENCE_CONTENT_KEYS, evidenceKey, planEvidenceRow } from './kind-evidence';
import { planHistoryRow, type StoredHistory } from './kind-history';
import { RosterIdentity } from './roster-identity';
import { planTallyRow, TALLY_VOTES, type TallyCounts, type TallyYear } from './kind-tally';
import { yearSettings } from '../../../shared/settings/year-settings';
import { many, one, walk } from '../db/query';

export interface ImportRequest {
  kind: ImportKind;
  path: string;
  /** the unit the clerk is importing for (a template of another unit is refused) */
  unitId?: string | null;
  /** the period a ratings import is for (a template of another period is refused) */
  periodId?: string | null;
}

export interface Analysis {
  request: ImportRequest;
  file: Omit<InspectedFile, 'bytes' | 'layout'>;
  meta: TemplateMetaDto | null;
  sheets: string[];
  tables: LocatedTable[];
  rows: PlannedRow<unknown>[];
  view: StoreView;
}

export interface Progress {
  progress(done: number, total: number, message?: string): void;
  cancelled(): boolean;
}

export function cancelledError(): Error {
  return Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
}

export interface SheetCache {
  load(sha256: string): SheetData[] | null;
  save(sha256: string, sheets: SheetData[]): void;
}

export async function analyzeImport(
  db: Db,
  operator: Operator,
  request: ImportRequest,
  nowIso: string,
  p: Progress,
  cache?: SheetCache,
): Promise<Analysis> {
  p.progress(0, 1, '正在检查文件');
  const inspected = await inspectSpreadsheet(request.path);
  // Same bytes as a preview already checked and parsed: reuse its plain values.
  let sheets = cache?.load(inspected.sha256) ?? null;
  if (!sheets) {
    await verifyEntries(inspected.bytes, inspected.fileName);
    if (p.cancelled()) throw cancelledError();
    p.progress(0, 1, '正在读取表格');
    sheets = await readWorkbook(inspected.bytes, inspected.fileName, () => p.cancelled());
    cache?.save(inspected.sha256, sheets);
  }
  const { bytes: _drop, layout: _layout, ...file } = inspected;
  if (p.cancelled()) throw cancelledError();

  const view = new StoreView(db, operator);
  const meta = readMeta(sheets);
  const requestedPeriod = checkTemplate(request, meta, view, file.fileName);

  const visible = sheets.filter((s) => s.state === 'visible' && s.name !== META_SHEET);
  // A pack workbook imported as history: only its 考核结果代码表 sheets (one per year) are read; the
  // other sheets repeat the same results in other shapes.
  const codeSheets = request.kind === 'history' ? visible.filter((s) => s.name.includes(RESULT_CODE_SHEET)) : [];
  const outcomes: LocateOutcome[] = (codeSheets.length ? codeSheets : visible).map((s) => locateTable(request.kind, s));
  const tables = outcomes.flatMap((o) => (o && 'table' in o ? [o.table] : []));
  if (!tables.length) throw new AppError('IMPORT_REJECTED', noTableProblem(request.kind, outcomes));

  const rows = planRows(request, tables, view, meta, requestedPeriod, isoToday(new Date(nowIso)), p);
  return { request, file, meta, sheets: tables.map((t) => t.sheet), tables, rows, view };
}

/** A template names its kind, unit and period; one meant for something else is refused as a whole. */
function checkTemplate(
  request: ImportRequest,
  meta: TemplateMetaDto | null,
  view: StoreView,
  fileName: string,
): PeriodRow | null {
  const requestedPeriod = request.periodId ? (view.periods.find((x) => x.id === request.periodId) ?? null) : null;
  if (request.periodId && !requestedPeriod) throw new AppError('NOT_FOUND', '找不到所选的考核期间，请刷新后重试。');
  if (!meta) return requestedPeriod;
  const label = IMPORT_KIND_LABEL;
  if (meta.kind !== request.kind)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是${label[meta.kind]}模板，不能作为${label[request.kind]}导入。请选择${label[request.kind]}模板，或改用“${label[meta.kind]}”的导入按钮。`,
      { field: 'kind' },
    );
  if (meta.version > TEMPLATE_VERSION)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”由更新版本的程序生成（模板版本 ${meta.version}），请升级程序后再导入。`,
    );
  const metaUnit = view.units.get(meta.unitId);
  if (!metaUnit)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是“${meta.unitName}”的模板，本库中没有这个单位。请使用本单位生成的模板。`,
      { field: 'unit' },
    );
  if (request.unitId && !view.isWithin(meta.unitId, request.unitId)) {
    const want = view.units.get(request.unitId)?.name ?? request.unitId;
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是“${meta.unitName}”的模板，不是“${want}”的。请选择“${want}”的模板。`,
      { field: 'unit' },
    );
  }
  if (!view.inScope(meta.unitId))
    throw new AppError('FORBIDDEN', `“${fileName}”是“${meta.unitName}”的模板，不在你可管理的部门范围内。`, {
      field: 'unit',
    });
  if (requestedPeriod && meta.periodId && meta.periodId !== requestedPeriod.id)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是 ${meta.periodCode ?? '其他期间'} 的模板，当前选择的期间是 ${requestedPeriod.code}。请选择 ${requestedPeriod.code} 的模板，或切换期间。`,
      { field: 'period' },
    );
  if (!requestedPeriod && meta.periodId) {
    const p = view.periods.find((x) => x.id === meta.periodId);
    if (!p)
      throw new AppError('FILE_REFUSED', `“${fileName}”是 ${meta.periodCode ?? ''} 的模板，本库中没有这个期间。`, {
        field: 'period',
      });
    return p;
  }
  return requestedPeriod;
}

function planRows(
  request: ImportRequest,
  tables: LocatedTable[],
  view: StoreView,
  meta: TemplateMetaDto | null,
  period: PeriodRow | null,
  today: string,
  p: Progress,
): PlannedRow<unknown>[] {
  const currentYear = Number(today.slice(0, 4));
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  const out: PlannedRow<unknown>[] = [];
  const dup = new DuplicateGuard();
  let done = 0;
  const each = (contentKeys: readonly string[], plan: (r: ReturnType<typeof dataRow>) => PlannedRow<unknown>) => {
    for (const t of tables)
      for (const r of t.rows) {
        if (++done % 1000 === 0) {
          if (p.cancelled()) throw cancelledError();
          p.progress(done, total, '正在检查每一行');
        }
        const row = dataRow(t, r);
        if (rowBlank(row, contentKeys)) continue;
        const planned = plan(row);
        const unsafe = unsafeCellIssues(t, row);
        if (unsafe.length) {
          planned.issues.push(...unsafe);
          planned.record = null;
          planned.action = null;
        }
        out.push(planned);
      }
  };
  switch (request.kind) {
    case 'roster': {
      const agency = meta ? (view.ancestry(meta.unitId).at(-1)?.id ?? null) : (request.unitId ?? null);
      const units = rosterUnitIndex(view, agency);
      const identity = new RosterIdentity(view);
      each(ROSTER_DATA_KEYS, (row) => planRosterRow(row, view, units, dup, identity, today));
      break;
    }
    case 'ratings': {
      const sql =
        'SELECT id, work_record, rating, comment, rater, unit_id FROM period_rating WHERE period_id = ? AND person_id = ?';
      each(RATING_CONTENT_KEYS, (row) =>
        planRatingRow(row, view, period, dup, (pid, person) => one<StoredRating>(view.db, sql, pid, person)),
      );
      break;
    }
    case 'evidence': {
      const existing = new Set<string>();
      for (const e of walk<Record<string, string>>(
        view.db,
        "SELECT person_id, kind, sub_kind, date, doc_no, description FROM evidence WHERE status = 'active'",
      ))
        existing.add(
          evidenceKey({
            personId: e.person_id!,
            kind: e.kind!,
            subKind: e.sub_kind!,
            date: e.date!,
            docNo: e.doc_no!,
            description: e.description!,
          }),
        );
      each(EVIDENCE_CONTENT_KEYS, (row) => planEvidenceRow(row, view, dup, existing));
      break;
    }
    case 'tally': {
      const years = many<Omit<TallyYear, 'enabled'> & { settings_json: string }>(
        view.db,
        'SELECT id, unit_id, year, stage, settings_json FROM assessment_year',
      ).map(({ settings_json, ...y }) => ({
        ...y,
        enabled: yearSettings.safeParse(JSON.parse(settings_json)).data?.democraticAppraisal === true,
      }));
      const sql =
        'SELECT voters, excellent, competent, basic, incompetent FROM appraisal_tally WHERE year_id = ? AND person_id = ?';
      each(['year', 'voters', ...TALLY_VOTES], (row) =>
        planTallyRow(row, view, years, dup, (y, pid) => one<TallyCounts>(view.db, sql, y, pid)),
      );
      break;
    }
    case 'history': {
      const sql = 'SELECT id, outcome, grade FROM history_grade WHERE person_id = ? AND year = ?';
      const assessed = many<{ year: number }>(view.db, 'SELECT DISTINCT year FROM assessment_year').map((r) => r.year);
      const years = { calendar: currentYear, assessed };
      each(['year', 'grade', 'code'], (row) =>
        planHistoryRow(row, view, years, dup, (pid, y) => one<StoredHistory>(view.db, sql, pid, y)),
      );
      break;
    }
  }
  p.progress(total, total, '检查完毕');
  return out;
}

export function allIssues(a: Analysis): ImportIssue[] {
  return a.rows.flatMap((r) => r.issues);
}
