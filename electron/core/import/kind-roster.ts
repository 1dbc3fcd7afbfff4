// Roster rows (人员名册): new people are added, known people (same 人员编号 and name) updated.
// A blank cell keeps what the store has: departments often fill only the columns they know.
import { maskIdCard } from '../../../shared/domain/idcard';
import { CATEGORY_LABEL } from '../../../shared/domain/labels';
import { cleanText } from '../../../shared/import/text';
import {
  normCategory,
  normCode,
  normDate,
  normGender,
  normIdCard,
  normName,
  normText,
  normYearMonth,
  normYesNo,
} from '../../../shared/import/normalize';
import { isBlankCell } from '../../../shared/import/cells';
import { ROSTER_COLUMNS } from '../../../shared/import/columns';
import { changedFields, type DuplicateGuard, RowCheck, type PlannedRow } from './plan';
import type { DataRow } from './table';
import type { PersonRow, StoreView } from './store-view';
import type { RosterIdentity } from './roster-identity';
import { PERSON_FIELDS } from '../../../shared/domain/fields';

/** The person columns an import writes, in the store's own names. */
export type PersonFields = Omit<
  PersonRow,
  | 'id'
  | 'person_no'
  | 'status'
  | 'left_date'
  | 'left_reason'
  | 'created_at'
  | 'created_by'
  | 'updated_at'
  | 'updated_by'
>;

export interface RosterRecord {
  existing: PersonRow | null;
  personNo: string;
  fields: PersonFields;
  /** the 调动日期 of a department move (first day in the new department); null when none */
  moveDate: string | null;
}

export const ROSTER_DATA_KEYS = ROSTER_COLUMNS.map((c) => c.key);

export function rosterUnitIndex(view: StoreView, withinUnitId: string | null): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const u of view.units.values()) {
    if (withinUnitId && !view.isWithin(u.id, withinUnitId)) continue;
    const k = cleanText(u.name).replace(/ /g, '');
    byName.set(k, [...(byName.get(k) ?? []), u.id]);
  }
  return byName;
}

export function planRosterRow(
  row: DataRow,
  view: StoreView,
  units: Map<string, string[]>,
  dup: DuplicateGuard,
  identity: RosterIdentity,
  today: string,
): PlannedRow<RosterRecord> {
  const check = new RowCheck(row);
  const personNo = check.take('personNo', (v) => normCode(v, PERSON_FIELDS.personNo.max)) ?? '';
  const before = check.issues.length;
  const name = check.take('name', normName) ?? '';
  if (!name && check.issues.length === before) check.fail('name', '姓名未填写');
  if (!personNo && !check.issues.some((i) => i.problem.startsWith('编号'))) check.fail('personNo', '人员编号未填写');
  if (personNo) dup.check(check, personNo, 'personNo', `人员编号“${personNo}”`);
  const existing = personNo ? (view.people.get(personNo) ?? null) : null;
  if (existing && name && existing.name !== name)
    check.fail(
      'name',
      `姓名与人员编号不符：名册中编号 ${personNo} 的姓名是“${existing.name}”。如确需改名，请在人员名册中修改`,
    );

  let unitId: string | undefined;
  const deptCell = row.get('department');
  if (isBlankCell(deptCell)) {
    if (!existing) check.fail('department', '部门未填写');
    else unitId = existing.unit_id;
  } else {
    const dept = cleanText(String(typeof deptCell === 'object' && deptCell ? deptCell.date : deptCell)).replace(
      / /g,
      '',
    );
    const hits = units.get(dept) ?? [];
    if (hits.length === 0) check.fail('department', `找不到部门“${dept}”，请核对名称，或先在单位设置中添加该部门`);
    else if (hits.length > 1) check.fail('department', `部门名称“${dept}”在多个单位下重名，无法确定是哪一个`);
    else unitId = hits[0];
    if (unitId && !view.inScope(unitId)) check.fail('department', `部门“${dept}”不在你可管理的范围内`);
  }

  const keep = <T>(v: T | null | undefined, old: T | null | undefined): T | null =>
    v === null || v === undefined ? (old ?? null) : v;
  const text = (key: keyof typeof PERSON_FIELDS) => {
    const v = check.take(key, (c) => normText(c, PERSON_FIELDS[key].max));
    return v ? v : null;
  };
  const categoryCell = row.get('category');
  const category = isBlankCell(categoryCell) && existing ? existing.category : check.take('category', normCategory);
  const gender = check.take('gender', normGender);
  const birthMonth = check.take('birthMonth', normYearMonth);
  const positionSince = check.take('positionSince', normYearMonth);
  const hireDate = check.take('hireDate', normDate);
  const probationEnd = check.take('probationEnd', normDate);
  if (hireDate && probationEnd && probationEnd < hireDate)
    check.fail('probationEnd', `试用期满日期 ${probationEnd} 早于入职日期 ${hireDate}`);
  const superiorCell = row.get('superiorAssessed');
  const superior = check.take('superiorAssessed', normYesNo);
  // A masked number (110105********002X, as the roster export writes it) keeps the stored one.
  const idCell = row.get('idCard');
  const idCard = typeof idCell === 'string' && idCell.includes('*') ? null : check.take('idCard', normIdCard);
  const politicalStatus = text('politicalStatus');
  const education = text('education');
  const position = text('position');
  const duties = text('duties');
  const moveDate =
    existing && unitId && unitId !== existing.unit_id ? checkMoveDate(check, view, existing, unitId, today) : null;
  // One number, one person; the number agrees with 性别 and 出生年月 (the stored ones where a cell is blank).
  const duplicates = identity.check(
    check,
    {
      personNo,
      name,
      gender: gender ?? existing?.gender ?? null,
      birthMonth: birthMonth ?? existing?.birth_month ?? null,
      idCard: idCard ?? existing?.id_card ?? null,
      given: { gender: !!gender, birthMonth: !!birthMonth, idCard: !!idCard },
    },
    existing,
  );

  const planned: PlannedRow<RosterRecord> = {
    sheet: row.sheet,
    row: row.row,
    personNo,
    name,
    issues: check.issues,
    action: null,
    subject: existing ? '人员信息' : '新人员',
    fields: [],
    record: null,
    duplicates,
  };
  if (!check.clean || !unitId || !category) return planned;

  const fields: PersonFields = {
    name,
    gender: keep(gender, existing?.gender),
    birth_month: keep(birthMonth, existing?.birth_month),
    political_status: keep(politicalStatus, existing?.political_status),
    education: keep(education, existing?.education),
    unit_id: unitId,
    position: keep(position, existing?.position),
    position_since: keep(positionSince, existing?.position_since),
    category,
    duties: keep(duties, existing?.duties),
    hire_date: keep(hireDate, existing?.hire_date),
    probation_end: keep(probationEnd, existing?.probation_end),
    superior_assessed: isBlankCell(superiorCell) ? (existing?.superior_assessed ?? 0) : superior ? 1 : 0,
    id_card: keep(idCard, existing?.id_card),
  };
  planned.record = { existing, personNo, fields, moveDate };
  const show = (f: PersonFields | PersonRow | null) => ({
    姓名: f?.name ?? '',
    性别: f?.gender ?? '',
    出生年月: f?.birth_month ?? '',
    政治面貌: f?.political_status ?? '',
    文化程度: f?.education ?? '',
    部门: f ? (view.units.get(f.unit_id)?.name ?? '') : '',
    职务职级: f?.position ?? '',
    任现职时间: f?.position_since ?? '',
    人员类别: f ? CATEGORY_LABEL[f.category] : '',
    从事或分管工作: f?.duties ?? '',
    入职日期: f?.hire_date ?? '',
    试用期满日期: f?.probation_end ?? '',
    上级考核: f ? (f.superior_assessed ? '是' : '否') : '',
    身份证号: maskIdCard(f?.id_card ?? null) ?? '',
  });
  const was = show(existing);
  const now = show(fields);
  planned.fields = changedFields([
    ...(Object.keys(now) as (keyof typeof now)[]).map((k): [string, string, string] => [k, was[k], now[k]]),
    ['调动日期', '', moveDate ?? ''],
  ]);
  planned.action = !existing ? 'add' : planned.fields.length ? 'change' : 'unchanged';
  return planned;
}

/**
 * A row that changes a known person's 部门 is a move, and a move is dated by the file: the 调动日期
 * cell (the first day in the new department). Missing, it is refused naming the cell (or the 部门
 * cell, when the sheet has no such column) — never dated "today", which would put every earlier
 * period's ratings in the wrong department. The date follows the store's rules for moves: not before
 * hiring, after the last recorded move, not in the future.
 */
function checkMoveDate(
  check: RowCheck,
  view: StoreView,
  existing: PersonRow,
  unitId: string,
  today: string,
): string | null {
  const from = view.units.get(existing.unit_id)?.name ?? '';
  const to = view.units.get(unitId)?.name ?? '';
  const before = check.issues.length;
  const date = check.take('moveDate', normDate);
  if (check.issues.length > before) return null;
  if (!date) {
    const hasColumn = check.row.issue('moveDate', '').column !== '';
    const what = `${existing.name}（${existing.person_no}）的部门由“${from}”改为“${to}”，是一次调动`;
    if (hasColumn) check.fail('moveDate', `${what}，请填写调动日期（到新部门的第一天，如 2026-07-01）`);
    else
      check.fail(
        'department',
        `${what}，须注明调动日期：请在表中加一列“调动日期”，填写到新部门的第一天（如 2026-07-01）`,
      );
    return null;
  }
  if (date > today) check.fail('moveDate', `调动日期 ${date} 晚于今天（${today}），请在调动生效后再导入`);
  else if (existing.hire_date && date < existing.hire_date)
    check.fail('moveDate', `调动日期 ${date} 早于入职日期 ${existing.hire_date}`);
  else {
    const last = view.lastMoveDate(existing.id);
    if (last && date <= last)
      check.fail('moveDate', `调动日期 ${date} 应晚于上一次调动（${last}）；如上次调动日期有误，请在人员名册中更正`);
  }
  return check.clean ? date : null;
}
