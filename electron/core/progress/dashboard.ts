// 年度进度: where the year stands — per department and period rated / missing, the 好 share against
// the cap, evidence by kind, flagged people. Grouped SQL over the whole agency (20,000 people).
import type { DashboardDto } from '../../../shared/api/evidence';
import { isoToday, yearEnd, yearStart } from '../../../shared/domain/dates';
import { evidenceKind, type EvidenceKind } from '../../../shared/domain/types';
import { capStanding, emptyCounts } from '../../../shared/ratings/cap';
import type { Db } from '../db/open';
import { flaggedPeople } from './flags';
import { DUE_CTE, resolveYear, SCOPE_CTE, VISIBLE, type YearScope } from './year-scope';
import { many, the } from '../db/query';

export interface ProgressRow {
  unit_id: string;
  unit_name: string;
  sort_order: number;
  period_id: string;
  expected: number;
  rated: number;
  good: number;
  fair: number;
  average: number;
  poor: number;
}

/** Per department and period: people due, rated (any grade), and each grade — the completeness every screen uses. */
export function progressRows(db: Db, scope: YearScope): ProgressRow[] {
  return many<ProgressRow>(
    db,
    `${SCOPE_CTE}${DUE_CTE} SELECT d.unit_id, u.name AS unit_name, u.sort_order, d.period_id, COUNT(*) AS expected, COUNT(r.rating) AS rated,
       COALESCE(SUM(r.rating = 'good'), 0) AS good, COALESCE(SUM(r.rating = 'fair'), 0) AS fair,
       COALESCE(SUM(r.rating = 'average'), 0) AS average, COALESCE(SUM(r.rating = 'poor'), 0) AS poor
     FROM due d
     JOIN period pr ON pr.id = d.period_id
     JOIN unit u ON u.id = d.unit_id
     LEFT JOIN period_rating r ON r.period_id = d.period_id AND r.person_id = d.person_id
     WHERE d.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('d.unit_id')}
     GROUP BY d.unit_id, d.period_id
     ORDER BY u.sort_order, u.name, pr.seq`,
    { agencyId: scope.agencyId, yearId: scope.id, visible: scope.visible },
  );
}

function peopleCount(db: Db, scope: YearScope): number {
  return the<{
    n: number;
  }>(
    db,
    `${SCOPE_CTE} SELECT COUNT(*) AS n FROM person p WHERE p.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('p.unit_id')}
       AND (p.hire_date IS NULL OR p.hire_date <= @ye) AND (p.status = 'active' OR (p.left_date IS NOT NULL AND p.left_date >= @ys))`,
    { agencyId: scope.agencyId, visible: scope.visible, ys: yearStart(scope.year), ye: yearEnd(scope.year) },
  ).n;
}

function evidenceByKind(db: Db, scope: YearScope): DashboardDto['evidenceByKind'] {
  const rows = many<{
    kind: EvidenceKind;
    active: number;
    voided: number;
  }>(
    db,
    `${SCOPE_CTE} SELECT e.kind, SUM(e.status = 'active') AS active, SUM(e.status = 'voided') AS voided
     FROM evidence e JOIN person p ON p.id = e.person_id AND p.unit_id IN (SELECT id FROM scope) AND ${VISIBLE('p.unit_id')}
     WHERE e.date <= @ye AND COALESCE(e.end_date, e.date) >= @ys GROUP BY e.kind`,
    { agencyId: scope.agencyId, visible: scope.visible, ys: yearStart(scope.year), ye: yearEnd(scope.year) },
  );
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return evidenceKind.options.map((kind) => ({
    kind,
    active: byKind.get(kind)?.active ?? 0,
    voided: byKind.get(kind)?.voided ?? 0,
  }));
}

function years(db: Db): DashboardDto['years'] {
  return many<{
    id: string;
    year: number;
    unit_name: string;
  }>(
    db,
    'SELECT y.id, y.year, u.name AS unit_name FROM assessment_year y JOIN unit u ON u.id = y.unit_id ORDER BY y.year DESC, u.sort_order',
  ).map((y) => ({ id: y.id, year: y.year, unitName: y.unit_name }));
}

/** Started periods not reviewed, with their ratings, when the settings count reviewed periods only. */
function reviewCounting(
  scope: YearScope,
  progress: readonly { periodId: string; rated: number }[],
): DashboardDto['reviewCounting'] {
  const only = scope.settings.onlyReviewedPeriodsCount;
  if (!only) return { onlyReviewedCount: false, leftOut: [], message: null };
  const leftOut = scope.periods
    .filter((p) => p.state !== 'future' && p.reviewStatus !== 'reviewed')
    .map((p) => ({
      periodId: p.id,
      label: p.label,
      rated: progress.filter((r) => r.periodId === p.id).reduce((n, r) => n + r.rated, 0),
    }))
    .filter((p) => p.rated > 0);
  const message = leftOut.length
    ? `年度设置“年终只计入已复核的期间”：${leftOut.map((p) => `${p.label}（已评 ${p.rated} 人）`).join('、')}尚未复核，其结果${scope.stage === 'collecting' ? '目前' : ''}不计入年终建议。${scope.stage === 'collecting' ? '复核完成后即计入。' : ''}`
    : null;
  return { onlyReviewedCount: true, leftOut, message };
}

/** Flagged people sent to the screen; a store with more shows the counts and says so. */
export const FLAG_LIMIT = 2000;

export function yearDashboard(
  db: Db,
  yearId: string | undefined,
  now: Date,
  visible: ReadonlySet<string> | null = null,
): DashboardDto {
  const scope = resolveYear(db, yearId, now, visible);
  if (!scope) {
    return {
      year: null,
      asOf: isoToday(now),
      years: [],
      periods: [],
      currentPeriodId: null,
      people: 0,
      ratedThisPeriod: 0,
      missingThisPeriod: 0,
      progress: [],
      reviewCounting: { onlyReviewedCount: false, leftOut: [], message: null },
      goodCap: { enabled: false, share: 0, scope: 'department', source: '', rows: [] },
      evidenceByKind: [],
      flags: [],
      flagsTruncated: false,
      flagCounts: {},
      missingTotal: 0,
      missingPast: 0,
    };
  }
  const rows = progressRows(db, scope);
  const started = new Set(scope.periods.filter((p) => p.state !== 'future').map((p) => p.id));
  const past = new Set(scope.periods.filter((p) => p.state === 'past').map((p) => p.id));
  const current =
    scope.periods.find((p) => p.state === 'current') ??
    [...scope.periods].reverse().find((p) => p.state === 'past') ??
    null;

  const progress = rows
    .filter((r) => started.has(r.period_id))
    .map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      periodId: r.period_id,
      expected: r.expected,
      rated: r.rated,
      missing: r.expected - r.rated,
      good: r.good,
    }));

  // The cap: shared/ratings/cap.ts (the same maths as the ratings grid); base = people due.
  const cap = scope.settings.goodCap;
  const capRows: DashboardDto['goodCap']['rows'] = [];
  const pushCap = (
    unitId: string,
    unitName: string,
    periodId: string,
    base: number,
    c: ReturnType<typeof emptyCounts>,
  ) => {
    const s = capStanding(base, c, cap);
    capRows.push({
      unitId,
      unitName,
      periodId,
      rated: s.rated,
      good: s.good,
      cap: s.cap ?? 0,
      goodShare: s.goodShare,
      over: s.over,
    });
  };
  if (cap.scope === 'department') {
    for (const r of rows)
      if (started.has(r.period_id))
        pushCap(r.unit_id, r.unit_name, r.period_id, r.expected, {
          good: r.good,
          fair: r.fair,
          average: r.average,
          poor: r.poor,
        });
  } else {
    for (const p of scope.periods.filter((x) => started.has(x.id))) {
      const c = emptyCounts();
      let base = 0;
      for (const r of rows.filter((x) => x.period_id === p.id)) {
        base += r.expected;
        c.good += r.good;
        c.fair += r.fair;
        c.average += r.average;
        c.poor += r.poor;
      }
      pushCap(scope.agencyId, scope.agencyName, p.id, base, c);
    }
  }

  const currentRows = current ? rows.filter((r) => r.period_id === current.id) : [];
  const allFlags = flaggedPeople(db, scope);
  const flagCounts: Record<string, number> = {};
  for (const f of allFlags) flagCounts[f.flag] = (flagCounts[f.flag] ?? 0) + 1;
  // The table shows the first FLAG_LIMIT; the counts cover everyone.
  const flags = allFlags.slice(0, FLAG_LIMIT);

  return {
    year: { id: scope.id, year: scope.year, unitId: scope.agencyId, unitName: scope.agencyName, stage: scope.stage },
    asOf: scope.asOf,
    years: years(db),
    periods: scope.periods.map((p) => ({
      id: p.id,
      code: p.code,
      label: p.label,
      startDate: p.startDate,
      endDate: p.endDate,
      state: p.state,
    })),
    currentPeriodId: current?.id ?? null,
    people: peopleCount(db, scope),
    ratedThisPeriod: currentRows.reduce((s, r) => s + r.rated, 0),
    missingThisPeriod: currentRows.reduce((s, r) => s + r.expected - r.rated, 0),
    progress,
    reviewCounting: reviewCounting(scope, progress),
    goodCap: {
      enabled: cap.enabled,
      share: cap.share,
      scope: cap.scope,
      source: 'shared/ratings/cap.ts（与平时考核录入页同一算法）',
      rows: capRows,
    },
    evidenceByKind: evidenceByKind(db, scope),
    flags,
    flagsTruncated: allFlags.length > flags.length,
    flagCounts,
    // the same rows the missing list reads: due in a started period, not rated
    missingTotal: progress.reduce((n, r) => n + r.missing, 0),
    missingPast: progress.filter((r) => past.has(r.periodId)).reduce((n, r) => n + r.missing, 0),
  };
}
