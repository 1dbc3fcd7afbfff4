// The departments a year's deadlines are set for: every department under the year's agency, in the
// order the roster shows them.
import type { Db } from '../db/open';
import { many } from '../db/query';

export interface YearDepartment {
  id: string;
  name: string;
}

export function departmentsOfAgency(db: Db, agencyId: string): YearDepartment[] {
  return many<YearDepartment>(
    db,
    `WITH RECURSIVE scope(id) AS (SELECT ? UNION ALL SELECT u.id FROM unit u JOIN scope ON u.parent_id = scope.id)
     SELECT u.id, u.name FROM unit u WHERE u.id IN (SELECT id FROM scope) AND u.kind = 'department'
     ORDER BY u.sort_order, u.name`,
    agencyId,
  );
}
