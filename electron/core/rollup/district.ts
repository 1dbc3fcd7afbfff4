// 全区汇总: one calendar year across the agencies of this store. Each agency is counted by the engine
// (tallyOutcomes, computeQuotaUnits) over the same results its own 统计备案表 prints, so its row is
// that table's 合计 row: a decided year from the copy kept at finalisation, an open one from the
// workbench's view (decisions so far, else the suggestion of record). The total adds the agencies' counts. An agency whose records came in
// exchange bundles names the workstations that delivered them (the senders list).
import type { DistrictRollup, RollupCounts, RollupRow } from '../../../shared/api/rollup';
import { isoToday } from '../../../shared/domain/dates';
import type { YearStage } from '../../../shared/domain/types';
import { tallyOutcomes, type OutcomeTally, type QuotaUnitSummary } from '../../../shared/rules';
import { excellentShare, packTally, packUnits } from '../../../shared/sheets/pack-counts';
import type { Ctx } from '../context';
import { listSenders } from '../exchange/state';
import { loadPackData } from '../pack/pack-data';
import { loadYearView, quotaMembers } from '../yearend/view';
import { many, the } from '../db/query';

type Counts = Omit<RollupCounts, 'excellentShare'>;

/** The stage as a narrow column prints it (STAGE_LABEL without its notes). */
const STAGE_SHORT: Record<YearStage, string> = {
  collecting: '平时采集',
  review: '审核',
  notice: '公示',
  final: '已定档',
  archived: '已归档',
};

const ZERO: Counts = {
  due: 0,
  assessed: 0,
  excellent: 0,
  competent: 0,
  basic: 0,
  incompetent: 0,
  commentsOnly: 0,
  deferred: 0,
  notAssessed: 0,
  allowed: 0,
  used: 0,
  approvedOverrides: 0,
  superiorAssessed: 0,
  decided: 0,
};

function shareOf(c: Counts): string {
  return excellentShare({
    due: c.due,
    assessed: c.assessed,
    grades: { excellent: c.excellent, competent: c.competent, basic: c.basic, incompetent: c.incompetent },
    commentsOnly: c.commentsOnly,
    deferred: c.deferred,
    notAssessed: c.notAssessed,
  });
}

/** A decided year as its own pack counts it: from the copy kept at finalisation. */
function decidedCounts(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string): Omit<Counts, 'decided'> {
  // the counts need each person's result only: no period texts, no evidence
  const data = loadPackData(ctx, yearId, { detailFor: [] });
  const t = packTally(data, data.persons);
  return {
    ...tallyCounts(t),
    ...placesOf(packUnits(data)),
    superiorAssessed: data.persons.filter((p) => p.superiorAssessed).length,
  };
}

/**
 * A year still open as the workbench counts it (the engine's cached evaluation, the decisions made
 * so far, else the suggestion of record): the same tally its statistics table prints, and the
 * places used by decided excellent grades only, as on the quota meters.
 */
function openCounts(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string): Omit<Counts, 'decided'> {
  const view = loadYearView(ctx, yearId);
  return {
    ...tallyCounts(tallyOutcomes(quotaMembers(view.people))),
    ...placesOf(view.units),
    superiorAssessed: view.people.filter((p) => p.dto.superiorAssessed).length,
  };
}

function tallyCounts(t: OutcomeTally) {
  return {
    due: t.due,
    assessed: t.assessed,
    ...t.grades,
    commentsOnly: t.commentsOnly,
    deferred: t.deferred,
    notAssessed: t.notAssessed,
  };
}

function placesOf(units: readonly QuotaUnitSummary[]) {
  return {
    allowed: units.reduce((n, u) => n + u.allowed, 0),
    used: units.reduce((n, u) => n + u.used, 0),
    approvedOverrides: units.reduce((n, u) => n + u.approvedOverrides, 0),
  };
}

function agencyCounts(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string, stage: YearStage): Counts {
  const decided = the<{ n: number }>(ctx.db, 'SELECT COUNT(*) AS n FROM yearend_decision WHERE year_id = ?', yearId).n;
  const c = stage === 'final' || stage === 'archived' ? decidedCounts(ctx, yearId) : openCounts(ctx, yearId);
  return { ...c, decided };
}

/** Called before each agency is counted and once at the end (done = total); may throw to stop (cancel). */
export type RollupProgress = (done: number, total: number, agencyName: string) => void;

/** The roll-up of `year` over the agencies in `scope` (null: every agency of the store). */
export function districtRollup(
  ctx: Pick<Ctx, 'db' | 'now'>,
  year: number,
  scope: ReadonlySet<string> | null,
  progress?: RollupProgress,
): DistrictRollup {
  const agencies = many<{ id: string; name: string; year_id: string | null; stage: YearStage | null }>(
    ctx.db,
    `SELECT u.id, u.name, y.id AS year_id, y.stage FROM unit u
         LEFT JOIN assessment_year y ON y.unit_id = u.id AND y.year = ?
         WHERE u.kind = 'agency' ORDER BY u.sort_order, u.name`,
    year,
  ).filter((a) => scope === null || scope.has(a.id));
  const senders = listSenders(ctx.db);
  const rows: RollupRow[] = [];
  const withoutYear: string[] = [];
  for (const [i, a] of agencies.entries()) {
    progress?.(i, agencies.length, a.name);
    if (!a.year_id || !a.stage) {
      withoutYear.push(a.name);
      continue;
    }
    const c = agencyCounts(ctx, a.year_id, a.stage);
    rows.push({
      agencyId: a.id,
      agencyName: a.name,
      yearId: a.year_id,
      stage: a.stage,
      stageLabel: STAGE_SHORT[a.stage],
      ...c,
      excellentShare: shareOf(c),
      // a sender's unit is "单位" or "单位 / 部门" (electron/core/exchange/scope.ts unitLabel)
      deliveries: senders
        .filter((s) => s.unitLabel === a.name || s.unitLabel.startsWith(`${a.name} / `))
        .map((s) => ({
          workstation: s.label || s.workstationId,
          unitLabel: s.unitLabel,
          lastImportedAt: s.lastImportedAt,
          bundles: s.bundles,
        })),
    });
  }
  progress?.(agencies.length, agencies.length, '');
  const sum = rows.reduce<Counts>((acc, r) => {
    const next = { ...acc };
    for (const k of Object.keys(ZERO) as (keyof Counts)[]) next[k] += r[k];
    return next;
  }, ZERO);
  return { year, asOf: isoToday(ctx.now()), rows, total: { ...sum, excellentShare: shareOf(sum) }, withoutYear };
}
