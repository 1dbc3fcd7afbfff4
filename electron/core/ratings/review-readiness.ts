// Whether a period may be marked reviewed (复核完成): every department that rates in it accepted by
// the office (and not changed since), and every excess over the cap on 好 in the scope the settings
// enforce either resolved (back within the cap) or confirmed with a reason on file (cap_override
// covering at least the current number of 好). The review page shows the same list before the click.
import type { Db } from '../db/open';
import type { PeriodState } from './period-state';
import { reviewsOfPeriod } from './review-repo';
import { many } from '../db/query';

export interface UnacceptedDepartment {
  unitId: string;
  unitName: string;
  status: 'pending' | 'returned' | 'changed';
}

export interface CapExcess {
  unitId: string;
  unitName: string;
  scope: 'department' | 'agency';
  good: number;
  cap: number;
  /** a reason on file covers this many 好 or more */
  confirmed: boolean;
  reason: string | null;
}

export interface ReviewReadiness {
  unaccepted: UnacceptedDepartment[];
  excess: CapExcess[];
  /** one Chinese sentence per thing still to do; empty = may be marked reviewed */
  blockers: string[];
}

const STATUS_TEXT: Record<UnacceptedDepartment['status'], string> = {
  pending: '尚未通过',
  returned: '已退回、尚未重新通过',
  changed: '通过后结果又有修改，须重新通过',
};

/** `visible`: the departments the caller may see (a rater's); null for all. */
export function reviewReadiness(db: Db, state: PeriodState, visible: Set<string> | null = null): ReviewReadiness {
  const periodId = state.record.period.id;
  const reviews = reviewsOfPeriod(db, periodId);
  // the latest change to each department's ratings of the period, against its acceptance
  const lastChange = new Map(
    many<{ unit_id: string; at: string }>(
      db,
      'SELECT unit_id, MAX(updated_at) AS at FROM period_rating WHERE period_id = ? GROUP BY unit_id',
      periodId,
    ).map((r) => [r.unit_id, r.at]),
  );
  const unaccepted: UnacceptedDepartment[] = [];
  for (const d of state.capStatus.departments) {
    if (d.due === 0 && d.rated === 0) continue; // nobody to rate there this period
    if (visible && !visible.has(d.unitId)) continue;
    const r = reviews.get(d.unitId);
    const changed = r?.status === 'accepted' && (lastChange.get(d.unitId) ?? '') > r.updatedAt;
    if (!r || r.status !== 'accepted' || changed)
      unaccepted.push({
        unitId: d.unitId,
        unitName: d.unitName,
        status: !r ? 'pending' : r.status === 'returned' ? 'returned' : 'changed',
      });
  }

  const cap = state.capStatus;
  const covered = new Map(
    many<{ unit_id: string; good: number; reason: string }>(
      db,
      'SELECT unit_id, MAX(good_count) AS good, reason FROM cap_override WHERE period_id = ? GROUP BY unit_id',
      periodId,
    ).map((r) => [r.unit_id, r]),
  );
  const standings = !cap.enabled
    ? []
    : cap.scope === 'department'
      ? cap.departments.filter((d) => !visible || visible.has(d.unitId))
      : [cap.agency];
  const excess: CapExcess[] = standings
    .filter((s) => s.over && s.cap !== null)
    .map((s) => {
      const o = covered.get(s.unitId);
      const confirmed = !!o && o.good >= s.good;
      return {
        unitId: s.unitId,
        unitName: s.unitName,
        scope: cap.scope,
        good: s.good,
        cap: s.cap ?? 0,
        confirmed,
        reason: confirmed ? o.reason : null,
      };
    });

  const blockers: string[] = [];
  for (const status of ['returned', 'changed', 'pending'] as const) {
    const names = unaccepted.filter((u) => u.status === status).map((u) => u.unitName);
    if (names.length) blockers.push(`${names.join('、')}：${STATUS_TEXT[status]}`);
  }
  for (const e of excess.filter((x) => !x.confirmed))
    blockers.push(`${e.unitName}“好”${e.good} 人，超过上限 ${e.cap} 人：请退回部门调整，或填写理由确认超出`);
  return { unaccepted, excess, blockers };
}
