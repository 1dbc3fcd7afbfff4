// Which records a bundle is about, on either store: the unit (an agency, or a department named
// under it), the year and its periods by code. A bundle naming a unit, year or period this store
// does not have is refused before anything is compared.
import { AppError } from '../../../shared/result';
import type { PeriodDto, UnitDto } from '../../../shared/domain/records';
import type { BundleDirection, BundleManifest, PartName } from '../../../shared/exchange/bundle';
import type { Db } from '../db/open';
import { agencyOf, departmentsOf, findUnitByName, requireUnit, subUnitIds } from '../roster/units';
import { listPeriods, requireYear } from '../years/year-repo';
import type { CollectScope } from './records';
import { one } from '../db/query';

export const PARTS_OF: Record<BundleDirection, readonly PartName[]> = {
  up: ['roster', 'evidence', 'attachments', 'ratings'],
  down: ['ratings', 'reviews', 'decisions'],
};

export interface ResolvedScope {
  agency: UnitDto;
  department: UnitDto | null;
  yearId: string;
  year: number;
  stage: string;
  periods: PeriodDto[];
  /** every unit of the agency by name (a person may have moved within it) */
  unitsByName: Map<string, UnitDto>;
}

export function unitLabel(agency: string, department: string | null): string {
  return department ? `${agency} / ${department}` : agency;
}

/** For an export: the unit chosen, its agency, the year (of that agency) and the periods. */
export function exportScope(
  db: Db,
  input: { unitId: string; yearId: string; periodIds?: string[]; direction: BundleDirection },
): { resolved: ResolvedScope; collect: CollectScope } {
  const unit = requireUnit(db, input.unitId, '单位');
  const agency = agencyOf(db, unit.id);
  const year = requireYear(db, input.yearId);
  if (year.dto.unitId !== agency.id)
    throw new AppError('INVALID_INPUT', `所选年度属于“${year.dto.unitName}”，不是“${agency.name}”的年度，请重新选择。`);
  const all = listPeriods(db, year.dto.id);
  const periods = input.periodIds?.length ? all.filter((p) => input.periodIds!.includes(p.id)) : all;
  if (input.periodIds?.length && periods.length !== input.periodIds.length)
    throw new AppError('INVALID_INPUT', '所选期间不属于该年度，请重新选择。');
  const resolved: ResolvedScope = {
    agency,
    department: unit.id === agency.id ? null : unit,
    yearId: year.dto.id,
    year: year.dto.year,
    stage: year.dto.stage,
    periods,
    unitsByName: unitsByName(db, agency),
  };
  return {
    resolved,
    collect: {
      unitIds: subUnitIds(db, unit.id),
      yearId: year.dto.id,
      year: year.dto.year,
      periodIds: periods.map((p) => p.id),
      parts: PARTS_OF[input.direction],
      reviewedOnly: input.direction === 'down',
    },
  };
}

function unitsByName(db: Db, agency: UnitDto): Map<string, UnitDto> {
  const map = new Map<string, UnitDto>([[agency.name, agency]]);
  for (const d of departmentsOf(db, agency.id)) if (!map.has(d.name)) map.set(d.name, d);
  return map;
}

/** For an import: the same unit, year and periods found here by name and code, or a refusal. */
export function importScope(
  db: Db,
  m: BundleManifest,
  fileName: string,
): { resolved: ResolvedScope; collect: CollectScope } {
  const agency = findUnitByName(db, m.unit.agency, null);
  if (!agency)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是“${m.unit.agency}”的交换包，本库没有这个单位，未导入任何数据。请确认交换包是否发错了单位，或先在“人员名册”中建立同名单位。`,
      { unit: m.unit.agency },
    );
  const byName = unitsByName(db, agency);
  const department = m.unit.department === null ? null : (byName.get(m.unit.department) ?? null);
  if (m.unit.department !== null && (!department || department.id === agency.id))
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是“${unitLabel(m.unit.agency, m.unit.department)}”的交换包，本库的“${agency.name}”下没有部门“${m.unit.department}”，未导入任何数据。请先建立该部门（名称须一致）后再导入。`,
      { unit: m.unit.department },
    );
  const yearRow = one<{ id: string }>(
    db,
    'SELECT id FROM assessment_year WHERE unit_id = ? AND year = ?',
    agency.id,
    m.year,
  );
  if (!yearRow)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”是 ${m.year} 年度的交换包，本库的“${agency.name}”还没有建立 ${m.year} 年度，未导入任何数据。请先建立该年度后再导入。`,
      { year: m.year },
    );
  const year = requireYear(db, yearRow.id);
  const all = listPeriods(db, year.dto.id);
  const missing = m.periods.filter((c) => !all.some((p) => p.code === c));
  if (missing.length)
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”含有本库 ${m.year} 年度没有的考核期间（${missing.join('、')}），两边的期间设置不一致，未导入任何数据。请核对年度的考核周期设置。`,
      { periods: missing },
    );
  const periods = all.filter((p) => m.periods.includes(p.code));
  return {
    resolved: {
      agency,
      department,
      yearId: year.dto.id,
      year: m.year,
      stage: year.dto.stage,
      periods,
      unitsByName: byName,
    },
    collect: {
      // the whole agency: a person in the bundle may sit in another department here
      unitIds: subUnitIds(db, agency.id),
      yearId: year.dto.id,
      year: m.year,
      periodIds: periods.map((p) => p.id),
      parts: PARTS_OF[m.direction],
      reviewedOnly: false,
    },
  };
}
