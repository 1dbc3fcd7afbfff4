// The checks a year's pools (分管领导 ↔ 部门, 机关/基层/事业 classes) must pass before they are saved:
// each leader once, each department under one leader at most (pure, also checked live as the form is
// edited), and every department named being one of the year's agency (the store's side).
import { AppError } from '../../../shared/result';
import type { YearSettings } from '../../../shared/settings/year-settings';
import type { Db } from '../db/open';
import { many } from '../db/query';

export interface PoolIssue {
  path: (string | number)[];
  message: string;
}

/** Duplicate leaders, a department under two leaders, a department given two classes. */
export function poolIssues(s: YearSettings): PoolIssue[] {
  const out: PoolIssue[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  const leaderOf = new Map<string, string>();
  s.quota.leaders.forEach((l, i) => {
    if (ids.has(l.id))
      out.push({ path: ['quota', 'leaders', i, 'id'], message: `编号“${l.id}”重复，每位分管领导的编号应不同` });
    ids.add(l.id);
    if (names.has(l.name))
      out.push({ path: ['quota', 'leaders', i, 'name'], message: `“${l.name}”已列出，同一位分管领导只列一次` });
    names.add(l.name);
    l.departmentIds.forEach((d, j) => {
      const other = leaderOf.get(d);
      if (other !== undefined)
        out.push({
          path: ['quota', 'leaders', i, 'departmentIds', j],
          message:
            other === l.name
              ? '同一部门列了两次'
              : `该部门已列在分管领导“${other}”名下，一个部门在一个年度只能由一位分管领导分管`,
        });
      else leaderOf.set(d, l.name);
    });
  });
  const classed = new Set<string>();
  s.quota.departmentClasses.forEach((c, i) => {
    if (classed.has(c.departmentId))
      out.push({
        path: ['quota', 'departmentClasses', i, 'departmentId'],
        message: '同一部门列了两次，每个部门只属一类',
      });
    classed.add(c.departmentId);
  });
  return out;
}

/** A department named in the pools that is not one of the agency's: refused, naming the field. */
export function unknownPoolDepartments(db: Db, agencyId: string, s: YearSettings): AppError | null {
  const rows = many<{ id: string }>(
    db,
    `WITH RECURSIVE tree(id) AS (SELECT id FROM unit WHERE parent_id = ?
         UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
       SELECT id FROM tree`,
    agencyId,
  );
  const known = new Set(rows.map((r) => r.id));
  for (const [i, l] of s.quota.leaders.entries())
    for (const d of l.departmentIds)
      if (!known.has(d))
        return new AppError(
          'INVALID_INPUT',
          `年度设置有误：分管领导“${l.name}”的分管部门中，“${d}”不是本单位的部门，请从部门列表中选择。`,
          {
            issues: [
              { field: '分管领导的分管部门', message: '不是本单位的部门', path: `quota.leaders.${i}.departmentIds` },
            ],
          },
        );
  for (const [i, c] of s.quota.departmentClasses.entries())
    if (!known.has(c.departmentId))
      return new AppError(
        'INVALID_INPUT',
        `年度设置有误：部门类别（机关/基层/事业）中，“${c.departmentId}”不是本单位的部门，请从部门列表中选择。`,
        {
          issues: [
            { field: '部门类别', message: '不是本单位的部门', path: `quota.departmentClasses.${i}.departmentId` },
          ],
        },
      );
  return null;
}
