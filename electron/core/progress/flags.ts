// The people the office should look at today: long leave nearing or over the year's threshold, an
// open investigation, a sanction in force, a probation running. A few grouped queries, no per-person loop.
import type { DashboardDto } from '../../../shared/api/evidence';
import { addMonths, yearEnd, yearStart } from '../../../shared/domain/dates';
import { leaveFlag, LEAVE_NEAR_MARGIN_DAYS } from '../../../shared/evidence/flags';
import { sanctionPeriod } from '../../../shared/evidence/sanction-period';
import type { Db } from '../db/open';
import { LEAVE_DAYS_IN_YEAR_SQL, LEAVE_IN_YEAR_WHERE } from '../evidence/leave-sql';
import { SCOPE_CTE, VISIBLE, type YearScope } from './year-scope';
import { many } from '../db/query';

type Flag = DashboardDto['flags'][number];

interface PersonCols {
  person_id: string;
  person_no: string;
  name: string;
  unit_name: string;
}

const PERSON_JOIN = `JOIN person p ON p.id = e.person_id AND p.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('p.unit_id')} JOIN unit u ON u.id = p.unit_id`;
const PERSON_COLS = `p.id AS person_id, p.person_no, p.name, u.name AS unit_name`;

function flag(r: PersonCols, kind: Flag['flag'], detail: string): Flag {
  return { personId: r.person_id, personNo: r.person_no, name: r.name, unitName: r.unit_name, flag: kind, detail };
}

export function flaggedPeople(db: Db, scope: YearScope): Flag[] {
  const out: Flag[] = [];
  const threshold = scope.settings.leaveDaysThreshold;
  const base = { agencyId: scope.agencyId, visible: scope.visible };

  const leave = many<PersonCols & { total: number }>(
    db,
    `${SCOPE_CTE} SELECT ${PERSON_COLS}, ROUND(SUM(${LEAVE_DAYS_IN_YEAR_SQL}), 2) AS total FROM evidence e ${PERSON_JOIN}
     WHERE ${LEAVE_IN_YEAR_WHERE} GROUP BY p.id HAVING total > @near ORDER BY total DESC`,
    {
      ...base,
      ys: yearStart(scope.year),
      ye: yearEnd(scope.year),
      near: threshold - LEAVE_NEAR_MARGIN_DAYS,
    },
  );
  for (const r of leave) {
    const f = leaveFlag(r.total, threshold);
    if (f === 'over') out.push(flag(r, 'leave_over', `病事假累计 ${r.total} 天，超过 ${threshold} 天`));
    else if (f === 'near') out.push(flag(r, 'leave_near', `病事假累计 ${r.total} 天，接近 ${threshold} 天`));
  }

  const investigations = many<PersonCols & { date: string }>(
    db,
    `${SCOPE_CTE} SELECT ${PERSON_COLS}, e.date FROM evidence e ${PERSON_JOIN}
     WHERE e.kind = 'investigation' AND e.status = 'active' AND e.date <= @asOf AND (e.end_date IS NULL OR e.end_date > @asOf) ORDER BY e.date`,
    { ...base, asOf: scope.asOf },
  );
  for (const r of investigations) out.push(flag(r, 'investigation_open', `${r.date} 立案，尚未结案`));

  // Sanctions from the longest configurable period back (120 months) are candidates; the period is
  // then computed with the same function the list shows, so the two never disagree.
  const sanctions = many<
    PersonCols & {
      date: string;
      sub_kind: string;
    }
  >(
    db,
    `${SCOPE_CTE} SELECT ${PERSON_COLS}, e.date, e.sub_kind FROM evidence e ${PERSON_JOIN}
     WHERE e.kind = 'sanction' AND e.status = 'active' AND e.date <= @asOf AND e.date > @earliest ORDER BY e.date`,
    { ...base, asOf: scope.asOf, earliest: addMonths(scope.asOf, -121) },
  );
  for (const r of sanctions) {
    const p = sanctionPeriod(r.date, r.sub_kind, scope.settings.sanctionMonths);
    if (p && p.end >= scope.asOf)
      out.push(flag(r, 'sanction_in_force', `${r.sub_kind}，处分期 ${p.start} 至 ${p.end}`));
  }

  const probation = many<PersonCols & { end_date: string }>(
    db,
    `${SCOPE_CTE} SELECT ${PERSON_COLS}, MAX(x.end_date) AS end_date FROM (
       SELECT e.person_id, e.end_date FROM evidence e
         WHERE e.kind = 'probation' AND e.status = 'active' AND e.date <= @asOf AND e.end_date >= @asOf
       UNION ALL
       SELECT q.id, q.probation_end FROM person q
         WHERE q.status = 'active' AND q.probation_end >= @asOf AND (q.hire_date IS NULL OR q.hire_date <= @asOf)
     ) x JOIN person p ON p.id = x.person_id AND p.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('p.unit_id')} JOIN unit u ON u.id = p.unit_id
     GROUP BY p.id ORDER BY end_date`,
    { ...base, asOf: scope.asOf },
  );
  for (const r of probation) out.push(flag(r, 'probation', `试用期至 ${r.end_date}`));

  return out;
}
