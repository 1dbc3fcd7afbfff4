// The years' results for the charts: the agency's grade counts year by year and one person's grade
// in each year. Counted with the tally behind every printed count (shared/rules/quota.ts): the
// app's final decisions for decided years, this year's decisions with the engine's suggestions for
// those still open, and the earlier grades imported with the roster for the years before the app.
import { gradeLabel, OUTCOME_LABEL } from '../../../shared/domain/labels';
import type { Grade, Outcome, PersonCategory } from '../../../shared/domain/types';
import { tallyOutcomes, type OutcomeTally, type QuotaMember } from '../../../shared/rules';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import { requireYear } from '../years/year-repo';
import { loadYearView, quotaMembers, suggestionOfRecord } from './view';
import { many } from '../db/query';

type Source = 'decided' | 'provisional' | 'imported';

interface ResultRow {
  person_id: string;
  year: number;
  outcome: Outcome;
  grade: Grade | null;
}

/** A stored result as a quota member whose decision is made, so tallyOutcomes counts it as decided. */
function asMember(r: { outcome: Outcome; grade: Grade | null; category?: PersonCategory }): QuotaMember {
  return {
    personId: '',
    category: r.category ?? 'civil_servant',
    agencyId: '',
    departmentId: '',
    departmentName: '',
    superiorAssessed: false,
    outcome: r.outcome,
    suggestedGrade: r.grade,
    finalGrade: r.grade,
    finalOutcome: r.outcome,
  };
}

function groupByYear(rows: ResultRow[]): Map<number, ResultRow[]> {
  const m = new Map<number, ResultRow[]>();
  for (const r of rows) (m.get(r.year) ?? m.set(r.year, []).get(r.year)!).push(r);
  return m;
}

export interface GradeYear {
  year: number;
  source: Source;
  tally: OutcomeTally;
}

export function gradeHistory(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string, personId?: string) {
  const year = requireYear(ctx.db, yearId).dto;
  const view = loadYearView(ctx, yearId);
  const open = year.stage !== 'final' && year.stage !== 'archived';

  // The agency's other years in the app, decided ones only (an open year is not a result yet).
  const decidedYears = many<{ id: string; year: number }>(
    ctx.db,
    `SELECT id, year FROM assessment_year WHERE unit_id = ? AND id <> ? AND stage IN ('final', 'archived') ORDER BY year`,
    year.unitId,
    yearId,
  );
  const decisionsOfYear = ctx.db.prepare<[string], ResultRow>(
    `SELECT d.person_id, y.year, d.outcome, d.grade FROM yearend_decision d JOIN assessment_year y ON y.id = d.year_id WHERE d.year_id = ?`,
  );
  const years: GradeYear[] = decidedYears.map((y) => ({
    year: y.year,
    source: 'decided',
    tally: tallyOutcomes(decisionsOfYear.all(y.id).map(asMember)),
  }));
  years.push({
    year: year.year,
    source: open ? 'provisional' : 'decided',
    tally: tallyOutcomes(quotaMembers(view.people)),
  });

  // Earlier grades imported for this year's people, for the years the app did not decide.
  const inApp = new Set(years.map((y) => y.year));
  const ids = view.people.map((p) => p.dto.id);
  const imported: ResultRow[] = [];
  const historyOf = ctx.db.prepare<[string], ResultRow>(
    `SELECT person_id, year, outcome, grade FROM history_grade WHERE person_id = ?`,
  );
  for (const id of ids) imported.push(...historyOf.all(id));
  for (const [y, rows] of groupByYear(imported.filter((r) => !inApp.has(r.year))))
    years.push({ year: y, source: 'imported', tally: tallyOutcomes(rows.map(asMember)) });
  years.sort((a, b) => a.year - b.year);

  return {
    unitName: year.unitName,
    years,
    person: personId ? personYears(ctx, view, personId, year.year, open) : null,
  };
}

function personYears(
  ctx: Pick<Ctx, 'db'>,
  view: ReturnType<typeof loadYearView>,
  personId: string,
  thisYear: number,
  open: boolean,
) {
  const p = view.byId.get(personId);
  if (!p) throw new AppError('NOT_FOUND', '该人员不在本年度考核名单中，无法显示历年等次。', { personId });
  const category = p.dto.category;
  const label = (outcome: Outcome, grade: Grade | null) =>
    outcome === 'graded' && grade ? gradeLabel(grade, category) : OUTCOME_LABEL[outcome];
  const out = new Map<number, { year: number; outcome: Outcome; grade: Grade | null; label: string; source: Source }>();
  const put = (year: number, outcome: Outcome, grade: Grade | null, source: Source) =>
    out.set(year, { year, outcome, grade, label: label(outcome, grade), source });
  for (const r of many<ResultRow>(
    ctx.db,
    `SELECT year, outcome, grade FROM history_grade WHERE person_id = ?`,
    personId,
  ))
    put(r.year, r.outcome, r.grade, 'imported');
  // The app's decisions win over an imported grade for the same year.
  for (const r of many<ResultRow>(
    ctx.db,
    `SELECT y.year, d.outcome, d.grade FROM yearend_decision d JOIN assessment_year y ON y.id = d.year_id
       WHERE d.person_id = ? AND y.stage IN ('final', 'archived') AND y.year <> ?`,
    personId,
    thisYear,
  ))
    put(r.year, r.outcome, r.grade, 'decided');
  const now = p.decision ?? suggestionOfRecord(p);
  put(thisYear, now.outcome, now.grade, open ? 'provisional' : 'decided');
  return { personId, name: p.dto.name, years: [...out.values()].sort((a, b) => a.year - b.year) };
}
