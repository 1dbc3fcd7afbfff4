// Who is missing what: each due person without a rating in each started period, by department,
// so the office can chase departments. One query; the export writes the same rows.
import type { MissingRow } from '../../../shared/api/evidence';
import type { Db } from '../db/open';
import { DUE_CTE, SCOPE_CTE, VISIBLE, type YearScope } from './year-scope';
import { many, the } from '../db/query';

export interface MissingFilter {
  periodId?: string;
  unitId?: string;
  offset?: number;
  limit?: number;
}

const FROM = `FROM due d
  JOIN period pr ON pr.id = d.period_id
  JOIN person p ON p.id = d.person_id
  JOIN unit u ON u.id = d.unit_id
  LEFT JOIN period_rating r ON r.period_id = d.period_id AND r.person_id = d.person_id
  WHERE d.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('d.unit_id')} AND pr.start_date <= @today AND r.rating IS NULL
    AND (@periodId IS NULL OR pr.id = @periodId) AND (@unitId IS NULL OR d.unit_id = @unitId)`;

function params(scope: YearScope, f: MissingFilter) {
  return {
    agencyId: scope.agencyId,
    yearId: scope.id,
    today: scope.today,
    visible: scope.visible,
    periodId: f.periodId ?? null,
    unitId: f.unitId ?? null,
  };
}

export function missingCount(db: Db, scope: YearScope, f: MissingFilter = {}): number {
  return the<{ n: number }>(db, `${SCOPE_CTE}${DUE_CTE} SELECT COUNT(*) AS n ${FROM}`, params(scope, f)).n;
}

/** Rows in the order a clerk chases them: department, then period, then 人员编号. */
export function missingRows(db: Db, scope: YearScope, f: MissingFilter = {}): MissingRow[] {
  const rows = many<{
    person_id: string;
    person_no: string;
    name: string;
    unit_id: string;
    unit_name: string;
    period_id: string;
    code: string;
    label: string;
  }>(
    db,
    `${SCOPE_CTE}${DUE_CTE} SELECT p.id AS person_id, p.person_no, p.name, d.unit_id, u.name AS unit_name, pr.id AS period_id, pr.code, pr.label
     ${FROM} ORDER BY u.sort_order, u.name, pr.seq, p.person_no LIMIT @limit OFFSET @offset`,
    { ...params(scope, f), limit: f.limit ?? -1, offset: f.offset ?? 0 },
  );
  return rows.map((r) => ({
    personId: r.person_id,
    personNo: r.person_no,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodId: r.period_id,
    periodCode: r.code,
    periodLabel: r.label,
  }));
}
