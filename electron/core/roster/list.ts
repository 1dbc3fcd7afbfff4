// 人员列表: filter by unit (with sub-units), category, status and free text over 人员编号/姓名/职务,
// sorted from a whitelist. One SQL statement per filter shape, prepared once (statements.ts).
import type { PersonDto } from '../../../shared/domain/records';
import { rosterFilter, type RosterFilter, type RosterFilterInput } from '../../../shared/api/roster';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { PERSON_COLUMNS, toPersonDto, type PersonRow } from './person-row';
import { many, the } from '../db/query';

// Tree order of units: the path of zero-padded sort orders from the agency down.
const UNIT_PATH = `tree(id, path) AS (
    SELECT id, printf('%08d', sort_order) || id FROM unit WHERE parent_id IS NULL
    UNION ALL SELECT u.id, tree.path || '/' || printf('%08d', u.sort_order) || u.id FROM unit u JOIN tree ON u.parent_id = tree.id)`;

/** Sort whitelist: the only SQL fragments a caller's choice can reach. */
const SORT_SQL: Record<RosterFilter['sort'], string> = {
  unit: 't.path',
  personNo: 'p.person_no',
  name: 'p.name',
  strokes: 'stroke_key(p.name)',
  category: 'p.category',
  position: "COALESCE(p.position, '')",
  hireDate: "COALESCE(p.hire_date, '')",
  status: 'p.status',
};

function likePattern(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** Full-width letters and digits typed with a Chinese IME search like their ASCII forms. */
function normalizeSearch(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

export interface PeopleList {
  rows: PersonDto[];
  total: number;
}

export interface ListOptions {
  /** the operator's data scope (数据范围): only people of these units; null/undefined = all */
  restrictTo?: ReadonlySet<string> | null;
}

export function listPeople(db: Db, filterInput: RosterFilterInput = {}, options: ListOptions = {}): PeopleList {
  const parsed = rosterFilter.safeParse(filterInput);
  if (!parsed.success) throw new AppError('INVALID_INPUT', '筛选条件有误，请重新选择。');
  const f = parsed.data;
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  // the tree path is needed only to sort by unit; other sorts skip the recursive CTE and its join
  const byUnit = f.sort === 'unit';
  let subCte: string | null = null;
  if (f.unitId) {
    params.unitId = f.unitId;
    if (f.includeSubUnits) {
      subCte = 'sub(id) AS (SELECT @unitId UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)';
      where.push('p.unit_id IN (SELECT id FROM sub)');
    } else where.push('p.unit_id = @unitId');
  }
  if (options.restrictTo) {
    where.push('p.unit_id IN (SELECT value FROM json_each(@scope))');
    params.scope = JSON.stringify([...options.restrictTo]);
  }
  if (f.status !== 'all') {
    where.push('p.status = @status');
    params.status = f.status;
  }
  if (f.category) {
    where.push('p.category = @category');
    params.category = f.category;
  }
  const search = f.search ? normalizeSearch(f.search) : '';
  if (search) {
    where.push(`(p.person_no LIKE @q ESCAPE '\\' OR p.name LIKE @q ESCAPE '\\' OR p.position LIKE @q ESCAPE '\\')`);
    params.q = likePattern(search);
  }
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  // 人员编号 breaks ties; sorting by it alone lets SQLite walk the (status, person_no) index instead of sorting
  const order = f.sort === 'personNo' ? `p.person_no ${dir}` : `${SORT_SQL[f.sort]} ${dir}, p.person_no ${dir}`;
  const withClause = (parts: (string | null)[]) =>
    parts.some(Boolean) ? `WITH RECURSIVE ${parts.filter(Boolean).join(', ')}` : '';
  const cte = withClause([byUnit ? UNIT_PATH : null, subCte]);
  const from = `person p JOIN unit u ON u.id = p.unit_id${byUnit ? ' JOIN tree t ON t.id = p.unit_id' : ''}`;
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const paging = f.limit !== undefined ? ' LIMIT @limit OFFSET @offset' : f.offset ? ' LIMIT -1 OFFSET @offset' : '';
  if (f.limit !== undefined) params.limit = f.limit;
  if (f.limit !== undefined || f.offset) params.offset = f.offset;
  const rows = many<PersonRow>(
    db,
    `${cte} SELECT ${PERSON_COLUMNS} FROM ${from} ${whereSql} ORDER BY ${order}${paging}`,
    params,
  ).map(toPersonDto);
  let total = rows.length + (f.offset ?? 0);
  if (f.limit !== undefined && (rows.length === f.limit || f.offset)) {
    const countParams = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'limit' && k !== 'offset'));
    // every filter is on person's own columns, so the count needs neither the unit nor the tree join
    total = the<{
      n: number;
    }>(db, `${withClause([subCte])} SELECT COUNT(*) AS n FROM person p ${whereSql}`, countParams).n;
  }
  return { rows, total };
}
