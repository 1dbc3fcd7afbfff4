// 报送情况: per department and started period, whether its ratings are complete (the dashboard's
// count: every person due a rating has one), the due date, overdue or late, and who delivered when
// and how. "How" is read from each current rating's last audit entry, whose `source` the ratings
// save records: import:<batch> (the department's template), exchange:<bundle> (a 数据交换包),
// grid / paste (typed in on the ratings page).
import type { DeliveryRow, DeliveryStatus, DeliveryVia } from '../../../shared/api/rounds';
import { daysBetween, compareIso, isoToday } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { progressRows } from '../progress/dashboard';
import { resolveYear, SCOPE_CTE, VISIBLE, type YearScope } from '../progress/year-scope';
import { deadlineMap, dueOf } from './deadlines';
import { many, one } from '../db/query';

interface SourceRow {
  unit_id: string;
  period_id: string;
  updated_at: string;
  at: string | null;
  operator_name: string | null;
  source: string | null;
}

/**
 * Each current rating of the year with its last audit entry (the audit index finds it per rating), by
 * the department the rating is stored under — the department of the period's last day, as the
 * completeness count places people. Read from the ratings directly: no second walk of who is due.
 */
function ratingSources(db: Db, scope: YearScope): SourceRow[] {
  return many<SourceRow>(
    db,
    `${SCOPE_CTE}, rated AS (
       SELECT r.unit_id, r.period_id, r.updated_at,
         (SELECT a.seq FROM audit_log a WHERE a.entity = 'period_rating' AND a.entity_id = r.id ORDER BY a.seq DESC LIMIT 1) AS seq
       FROM period_rating r JOIN period pr ON pr.id = r.period_id
       WHERE pr.year_id = @yearId AND r.rating IS NOT NULL AND r.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('r.unit_id')})
     SELECT x.unit_id, x.period_id, x.updated_at, a.at, a.operator_name, json_extract(a.after_json, '$.source') AS source
     FROM rated x LEFT JOIN audit_log a ON a.seq = x.seq`,
    { agencyId: scope.agencyId, yearId: scope.id, visible: scope.visible },
  );
}

export function viaOf(source: string | null): DeliveryVia {
  if (!source) return 'other';
  if (source.startsWith('import:')) return 'template';
  if (source.startsWith('exchange:')) return 'bundle';
  if (source === 'grid' || source === 'paste') return 'typed';
  return 'other';
}

/** The file a template import read, or the workstation and file of a bundle. */
function detailOf(db: Db, source: string | null): string | null {
  if (!source) return null;
  if (source.startsWith('import:')) {
    const b = one<{ file_name: string }>(db, 'SELECT file_name FROM import_batch WHERE id = ?', source.slice(7));
    return b ? b.file_name : null;
  }
  if (source.startsWith('exchange:')) {
    const b = one<{ file_name: string; sender: string }>(
      db,
      `SELECT b.file_name, COALESCE(NULLIF(s.label, ''), b.sender_id) AS sender
       FROM exchange_bundle b LEFT JOIN exchange_sender s ON s.workstation_id = b.sender_id WHERE b.bundle_id = ?`,
      source.slice(9),
    );
    return b ? `${b.sender}：${b.file_name}` : null;
  }
  return null;
}

export function deliveryStatus(
  db: Db,
  yearId: string,
  now: Date,
  visible: ReadonlySet<string> | null = null,
): DeliveryStatus {
  const scope = resolveYear(db, yearId, now, visible);
  if (!scope) throw new AppError('NOT_FOUND', '找不到该考核年度。');
  const periods = new Map(scope.periods.map((p) => [p.id, p]));
  const deadlines = deadlineMap(db, yearId);
  const sources = new Map<string, SourceRow[]>();
  for (const s of ratingSources(db, scope)) {
    const key = `${s.unit_id}|${s.period_id}`;
    const list = sources.get(key);
    if (list) list.push(s);
    else sources.set(key, [s]);
  }
  const details = new Map<string, string | null>();
  const rows: DeliveryRow[] = [];
  for (const r of progressRows(db, scope)) {
    const period = periods.get(r.period_id);
    if (!period || period.state === 'future' || r.expected === 0) continue;
    const due = dueOf(deadlines, r.period_id, r.unit_id);
    const delivered = r.rated >= r.expected;
    const byVia = { template: 0, bundle: 0, typed: 0, other: 0 };
    let last: SourceRow | null = null;
    for (const s of sources.get(`${r.unit_id}|${r.period_id}`) ?? []) {
      byVia[viaOf(s.source)]++;
      if (!last || (s.at ?? s.updated_at) > (last.at ?? last.updated_at)) last = s;
    }
    const deliveredAt = delivered && last ? (last.at ?? last.updated_at) : null;
    const deliveredOn = deliveredAt ? isoToday(new Date(deliveredAt)) : null;
    let viaDetail: string | null = null;
    if (delivered && last?.source) {
      if (!details.has(last.source)) details.set(last.source, detailOf(db, last.source));
      viaDetail = details.get(last.source) ?? null;
    }
    const overdue = !delivered && due !== null && compareIso(scope.today, due) > 0;
    rows.push({
      periodId: r.period_id,
      periodCode: period.code,
      periodLabel: period.label,
      unitId: r.unit_id,
      unitName: r.unit_name,
      due,
      expected: r.expected,
      rated: r.rated,
      missing: r.expected - r.rated,
      delivered,
      deliveredAt,
      deliveredOn,
      deliveredBy: delivered ? (last?.operator_name ?? null) : null,
      via: delivered && last ? viaOf(last.source) : null,
      viaDetail,
      byVia,
      overdue,
      daysOverdue: overdue && due ? daysBetween(due, scope.today) : 0,
      late: delivered && due !== null && deliveredOn !== null && compareIso(deliveredOn, due) > 0,
    });
  }
  return {
    yearId,
    year: scope.year,
    agencyName: scope.agencyName,
    asOf: scope.today,
    rows,
    overdue: rows.filter((r) => r.overdue).length,
    delivered: rows.filter((r) => r.delivered).length,
  };
}
