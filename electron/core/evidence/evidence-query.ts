// Reading evidence: the filtered list (kind, department, date range, status, name/人员编号) with
// each row's computed facts, and the small lookups the evidence page needs.
import type { EvidenceFilter, EvidenceView } from '../../../shared/api/evidence';
import { evidenceFilter } from '../../../shared/api/evidence';
import { isoToday, yearEnd, yearOf, yearStart } from '../../../shared/domain/dates';
import type { YearStage } from '../../../shared/domain/types';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { toView, VIEW_SELECT, type EvidenceViewRow } from './evidence-row';
import { personLeaveDays } from './leave-sql';
import { YearIndex } from './year-index';
import { many, the } from '../db/query';

/** The department filter covers the unit and everything under it (an agency = all its departments). */
export const UNIT_AND_BELOW_SQL = `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub`;

const WHERE = `WHERE (@kind IS NULL OR e.kind = @kind)
  AND (@status = 'all' OR e.status = @status)
  AND (@from IS NULL OR COALESCE(e.end_date, e.date) >= @from)
  AND (@to IS NULL OR e.date <= @to)
  AND (@personId IS NULL OR e.person_id = @personId)
  AND (@unitId IS NULL OR p.unit_id IN (${UNIT_AND_BELOW_SQL}))
  AND (@search IS NULL OR p.name LIKE @search ESCAPE '\\' OR p.person_no LIKE @search ESCAPE '\\')
  AND (@scope IS NULL OR p.unit_id IN (SELECT value FROM json_each(@scope)))`;

function likePattern(s: string | undefined): string | null {
  if (!s) return null;
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `scope`: the unit ids the operator may see (auth/scope.ts), null for all. */
export function listEvidence(
  db: Db,
  rawFilter: EvidenceFilter,
  now: Date = new Date(),
  scope: ReadonlySet<string> | null = null,
): { items: EvidenceView[]; total: number } {
  const f = evidenceFilter.parse(rawFilter);
  // A year narrows the range to the year (items overlapping it), inside any explicit range.
  const from = f.year !== undefined ? maxIso(f.from, yearStart(f.year)) : (f.from ?? null);
  const to = f.year !== undefined ? minIso(f.to, yearEnd(f.year)) : (f.to ?? null);
  const params = {
    kind: f.kind ?? null,
    status: f.status,
    from,
    to,
    personId: f.personId ?? null,
    unitId: f.unitId ?? null,
    search: likePattern(f.search),
    scope: scope === null ? null : JSON.stringify([...scope]),
  };
  const total = the<{
    n: number;
  }>(db, `SELECT COUNT(*) AS n FROM evidence e JOIN person p ON p.id = e.person_id ${WHERE}`, params).n;
  const rows = many<EvidenceViewRow>(
    db,
    `${VIEW_SELECT} ${WHERE} ORDER BY e.date DESC, e.id DESC LIMIT @limit OFFSET @offset`,
    {
      ...params,
      limit: f.limit,
      offset: f.offset,
    },
  );
  const years = new YearIndex(db);
  const asOf = isoToday(now);
  const totals = new Map<string, number>();
  const items = rows.map((r) => {
    let total: number | null = null;
    if (r.kind === 'leave') {
      const y = f.year ?? yearOf(r.date);
      const key = `${r.person_id}|${y}`;
      if (!totals.has(key)) totals.set(key, personLeaveDays(db, r.person_id, y));
      total = totals.get(key)!;
    }
    return toView(r, years, asOf, total);
  });
  return { items, total };
}

function maxIso(a: string | undefined, b: string): string {
  return a !== undefined && a > b ? a : b;
}
function minIso(a: string | undefined, b: string): string {
  return a !== undefined && a < b ? a : b;
}

export function evidenceLookups(db: Db) {
  const units = many<{
    id: string;
    parent_id: string | null;
    kind: 'agency' | 'department';
    name: string;
  }>(db, 'SELECT id, parent_id, kind, name FROM unit ORDER BY parent_id IS NOT NULL, sort_order, name').map((u) => ({
    id: u.id,
    parentId: u.parent_id,
    kind: u.kind,
    name: u.name,
  }));
  const years = many<{
    id: string;
    year: number;
    unit_id: string;
    unit_name: string;
    stage: YearStage;
  }>(
    db,
    'SELECT y.id, y.year, y.unit_id, u.name AS unit_name, y.stage FROM assessment_year y JOIN unit u ON u.id = y.unit_id ORDER BY y.year DESC, u.sort_order',
  ).map((y) => ({ id: y.id, year: y.year, unitId: y.unit_id, unitName: y.unit_name, stage: y.stage }));
  return { units, years };
}

/** People matching a name or 人员编号 fragment, for the "记录事件" person picker. */
export function findPeople(
  ctx: Pick<Ctx, 'db'>,
  search: string,
  limit: number,
  scope: ReadonlySet<string> | null = null,
) {
  const pattern = likePattern(search) ?? '%';
  return many<{
    id: string;
    person_no: string;
    name: string;
    unit_name: string;
    status: 'active' | 'left';
  }>(
    ctx.db,
    `SELECT p.id, p.person_no, p.name, u.name AS unit_name, p.status FROM person p JOIN unit u ON u.id = p.unit_id
     WHERE (p.name LIKE @p ESCAPE '\\' OR p.person_no LIKE @p ESCAPE '\\') AND (@scope IS NULL OR p.unit_id IN (SELECT value FROM json_each(@scope)))
     ORDER BY (p.person_no = @exact OR p.name = @exact) DESC, p.status, p.person_no LIMIT @limit`,
    { p: pattern, exact: search, limit, scope: scope === null ? null : JSON.stringify([...scope]) },
  ).map((r) => ({
    id: r.id,
    personNo: r.person_no,
    name: r.name,
    unitName: r.unit_name,
    status: r.status,
  }));
}
