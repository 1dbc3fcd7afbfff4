// The evaluation pack: which sheets exist, in the order an office files them, and the models of a
// scope (the whole unit or one department). Pure: core writes what this returns.
import { z } from 'zod';
import { buildCommendationList } from './commendation-list';
import type { SheetModel } from './model';
import { buildNoticeList, type NoticeOptions } from './notice-list';
import type { PackData, PackPerson } from './pack-data';
import { buildRecordAppendix } from './record-appendix';
import { buildRegistrationForms, type RegistrationFormOptions } from './registration-form';
import { buildResultCodeTable, buildStatisticsTable } from './statistics-table';
import { buildSummaryTable } from './summary-table';
import { buildSignoffSheet } from './signoff-sheet';
import { comparePersons } from '../names/stroke-order';

export const packSheetKind = z.enum([
  'forms',
  'summary',
  'notice',
  'commendations',
  'records',
  'statistics',
  'signoff',
]);
export type PackSheetKind = z.infer<typeof packSheetKind>;
export const PACK_SHEET_KINDS = packSheetKind.options;

export const PACK_SHEET_LABEL: Record<PackSheetKind, string> = {
  forms: '年度考核登记表',
  summary: '考核结果汇总表',
  notice: '优秀等次公示名单',
  commendations: '奖励及处理名单',
  records: '平时考核记录',
  statistics: '统计备案表',
  signoff: '送达签收表',
};

export interface PackOptions {
  form?: RegistrationFormOptions;
  notice?: NoticeOptions;
}

/**
 * Persons in filing order: department order, then the year's pack order (人员编号, or 姓氏笔画 with
 * 人员编号 breaking ties) — the comparator the lists use. A pack frozen before the setting existed
 * prints by 人员编号.
 */
export function orderPersons(data: PackData, persons: readonly PackPerson[]): PackPerson[] {
  const order = new Map(data.departments.map((d) => [d.id, d.sortOrder]));
  const by = data.year.settings.packPersonOrder ?? 'personNo';
  return [...persons].sort(
    (a, b) => (order.get(a.departmentId) ?? 1e9) - (order.get(b.departmentId) ?? 1e9) || comparePersons(by, a, b),
  );
}

export function buildSheet(
  kind: PackSheetKind,
  data: PackData,
  persons: readonly PackPerson[],
  scopeLabel: string,
  options: PackOptions = {},
): SheetModel[] {
  switch (kind) {
    case 'forms':
      return [buildRegistrationForms(data, persons, options.form ?? data.formOptions)];
    case 'summary':
      return [buildSummaryTable(data, persons, scopeLabel)];
    case 'notice':
      return [buildNoticeList(data, persons, options.notice)];
    case 'commendations':
      return [buildCommendationList(data, persons)];
    case 'records':
      return [buildRecordAppendix(data, persons)];
    case 'statistics':
      return [buildStatisticsTable(data, persons, scopeLabel), buildResultCodeTable(data, persons, scopeLabel)];
    case 'signoff':
      return [buildSignoffSheet(data, persons, scopeLabel)];
  }
}

/** The scopes of a pack: one for the unit, or one per chosen department (with its persons). */
export interface PackScope {
  label: string; // printed and used in the file name
  departmentId: string | null;
  persons: PackPerson[];
}

/** The printed name of a scope: the unit, or the unit and department. */
export function scopeLabel(unitName: string, departmentName: string | null): string {
  return departmentName ? `${unitName}${departmentName}` : unitName;
}

export function packScopes(
  data: PackData,
  scope: { kind: 'unit' } | { kind: 'departments'; departmentIds: string[] },
): PackScope[] {
  if (scope.kind === 'unit')
    return [{ label: scopeLabel(data.unit.name, null), departmentId: null, persons: orderPersons(data, data.persons) }];
  const depts = [...data.departments]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .filter((d) => scope.departmentIds.includes(d.id));
  return depts.map((d) => scopeFor(data, d.id, scopeLabel(data.unit.name, d.name)));
}

export function scopeFor(data: PackData, departmentId: string | null, label: string): PackScope {
  return {
    label,
    departmentId,
    persons: orderPersons(
      data,
      departmentId ? data.persons.filter((p) => p.departmentId === departmentId) : data.persons,
    ),
  };
}

export function buildPackModels(
  data: PackData,
  scope: PackScope,
  kinds: readonly PackSheetKind[],
  options: PackOptions = {},
): SheetModel[] {
  const chosen = PACK_SHEET_KINDS.filter((k) => kinds.includes(k));
  return chosen.flatMap((k) => buildSheet(k, data, scope.persons, scope.label, options));
}

/**
 * A pack file name's budget: 180 bytes of UTF-8 with `.xlsx` and a `（2）` (Linux and most file systems
 * allow 255 bytes per name; the temp file beside it adds about 30), and at most 120 characters.
 */
export const PACK_NAME_MAX_BYTES = 180;
export const PACK_NAME_MAX_CHARS = 120;

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/** The longest prefix of `text` (whole code points) within both budgets. */
export function fitName(text: string, maxBytes: number, maxChars: number): string {
  let out = '';
  let bytes = 0;
  let chars = 0;
  for (const ch of text) {
    const b = utf8Bytes(ch);
    if (bytes + b > maxBytes || chars + ch.length > maxChars) break;
    out += ch;
    bytes += b;
    chars += ch.length;
  }
  return out;
}

/**
 * 某区发改委_2026年度考核材料.xlsx — characters Windows forbids in names are replaced, and a long
 * department name is shortened (never the year and contents) so the name stays within the budget.
 * `suffix` (e.g. `（2）`) tells apart two scopes whose names clean to the same file name.
 */
export function packFileName(
  scopeLabel: string,
  year: number,
  kinds: readonly PackSheetKind[],
  options: { suffix?: string; maxChars?: number } = {},
): string {
  const content =
    kinds.length === PACK_SHEET_KINDS.length
      ? '考核材料'
      : PACK_SHEET_KINDS.filter((k) => kinds.includes(k))
          .map((k) => PACK_SHEET_LABEL[k])
          .join('、');
  // control characters cannot appear in Windows file names
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_');
  const tail = clean(`_${year}年度${content}`);
  const end = `${options.suffix ?? ''}.xlsx`;
  const maxChars = Math.min(PACK_NAME_MAX_CHARS, options.maxChars ?? PACK_NAME_MAX_CHARS);
  const budgetBytes = PACK_NAME_MAX_BYTES - utf8Bytes(end);
  const budgetChars = maxChars - end.length;
  // the scope keeps at least 8 characters; the contents give way only when even that does not fit
  const tailFit = fitName(tail, budgetBytes - Math.min(utf8Bytes(scopeLabel), 24), budgetChars - 8);
  const head = fitName(clean(scopeLabel), budgetBytes - utf8Bytes(tailFit), budgetChars - tailFit.length);
  const safe = `${head}${tailFit}`.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
  return `${safe}${end}`;
}
