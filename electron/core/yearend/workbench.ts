// The workbench rows: every person of the year with period ratings, flags, the suggestion and its
// trace, the frozen suggestion and any difference, the decision and its consequences; filtered, paged.
import type { z } from 'zod';
import { isoToday } from '../../../shared/domain/dates';
import { consequencesOf } from '../../../shared/rules';
import { choicesFor } from '../../../shared/rules/guard';
import type { decisionDto, workbenchRowDto, yearEndStateDto } from '../../../shared/api/yearend';
import type { Ctx } from '../context';
import type { DecisionRecord } from './records';
import { checkTransitions } from './stages';
import { loadYearView, outcomeLabel, suggestionOfRecord, type PersonView, type YearView } from './view';
import { readYearState } from './year-state';
import { talliesOf, type AppraisalTally } from './tally';
import { comparePersons } from '../../../shared/names/stroke-order';
import type { PersonOrder } from '../../../shared/names/person-order';
import { the } from '../db/query';

type Row = z.infer<typeof workbenchRowDto>;
type StateDto = z.infer<typeof yearEndStateDto>;

export function decisionToDto(d: DecisionRecord, category: PersonView['dto']['category']): z.infer<typeof decisionDto> {
  return {
    id: d.id,
    outcome: d.outcome,
    grade: d.grade,
    label: outcomeLabel(d.outcome, d.grade, category),
    reason: d.reason,
    approvalDocNo: d.approvalDocNo,
    source: d.source,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy,
  };
}

export function rowOf(view: YearView, p: PersonView, tallies?: ReadonlyMap<string, AppraisalTally>): Row {
  const s = suggestionOfRecord(p);
  const d = p.decision;
  const differs = !!d && (d.outcome !== s.outcome || d.grade !== s.grade);
  const year = view.ev.year.dto.year;
  const finalOutcome = d ? d.outcome : s.outcome;
  const finalGrade = d ? d.grade : s.grade;
  return {
    person: {
      id: p.dto.id,
      personNo: p.dto.personNo,
      name: p.dto.name,
      departmentId: p.dto.unitId,
      departmentName: p.dto.unitName,
      position: p.dto.position,
      category: p.dto.category,
      superiorAssessed: p.dto.superiorAssessed,
      status: p.dto.status,
    },
    tally: tallies?.get(p.dto.id) ?? null,
    ratings: p.input.ratings.map((r) => ({ periodCode: r.periodCode, rating: r.rating, counts: r.counts })),
    flags: p.result.flags,
    eligibility: p.result.eligibility,
    suggestion: p.result.suggestion,
    frozen: p.frozen
      ? {
          outcome: p.frozen.outcome,
          grade: p.frozen.grade,
          label: p.frozen.label,
          traceText: p.frozen.traceText,
          takenAt: p.frozen.takenAt,
        }
      : null,
    suggestionOfRecord: s,
    snapshotChange: p.change,
    trace: p.result.trace,
    traceText: p.result.traceText,
    quotaUnitKey: p.result.quotaUnitKey,
    decision: d ? decisionToDto(d, p.dto.category) : null,
    differs,
    // listed from the decision once made, else from the suggestion (what would follow)
    consequences: consequencesOf({
      year,
      category: p.dto.category,
      outcome: finalOutcome,
      grade: finalGrade,
      history: p.input.history,
    }),
    choices: choicesFor(p.result.eligibility, p.dto.category),
  };
}

export function stateOf(ctx: Pick<Ctx, 'db' | 'now'>, view: YearView): StateDto {
  const y = view.ev.year.dto;
  const st = readYearState(ctx.db, y.id);
  const count = (sql: string) => the<{ n: number }>(ctx.db, sql, y.id).n;
  const decided = view.people.filter((p) => p.decision).length;
  return {
    yearId: y.id,
    year: y.year,
    unitName: y.unitName,
    stage: y.stage,
    snapshotAt: st?.snapshotAt ?? null,
    noticeStart: st?.noticeStart ?? null,
    noticeDays: st?.noticeDays ?? null,
    noticeEnd: st?.noticeEnd ?? null,
    noticePlace: st?.noticePlace ?? '',
    finalizedAt: y.finalizedAt,
    archivedAt: st?.archivedAt ?? null,
    finalBackup: st?.finalBackup ?? null,
    settingsAsDecided: view.ev.settingsAsDecided,
    suggestionMode: view.ev.settings.suggestion.mode,
    today: isoToday(ctx.now()),
    transitions: checkTransitions(ctx, y.id, view),
    counts: {
      people: view.people.length,
      decided,
      undecided: view.people.length - decided,
      differs: view.people.filter((p) => p.decision && rowDiffers(p)).length,
      snapshotChanged: view.people.filter((p) => p.change !== 'none').length,
      openObjections: count(`SELECT COUNT(*) AS n FROM yearend_objection WHERE year_id = ? AND status = 'open'`),
      pendingRedress: count(`SELECT COUNT(*) AS n FROM yearend_redress WHERE year_id = ? AND status = 'pending'`),
    },
    redress: view.ev.settings.redress,
  };
}

function rowDiffers(p: PersonView): boolean {
  const s = suggestionOfRecord(p);
  return !!p.decision && (p.decision.outcome !== s.outcome || p.decision.grade !== s.grade);
}

export interface WorkbenchFilter {
  yearId: string;
  departmentId: string | null;
  flag: string | null;
  differs: boolean;
  undecided: boolean;
  snapshotChanged: boolean;
  search: string;
  personOrder: PersonOrder;
  offset: number;
  limit: number;
}

export function workbench(ctx: Pick<Ctx, 'db' | 'now'>, f: WorkbenchFilter) {
  const view = loadYearView(ctx, f.yearId);
  // 民主测评 votes are shown only where the year's settings enable the step
  const tallies = view.ev.settings.democraticAppraisal ? talliesOf(ctx.db, f.yearId) : undefined;
  const search = f.search.trim();
  const matches = view.people.filter(
    (p) =>
      (!f.departmentId || p.dto.unitId === f.departmentId) &&
      (!f.flag || p.result.flags.includes(f.flag)) &&
      (!f.differs || rowDiffers(p)) &&
      (!f.undecided || !p.decision) &&
      (!f.snapshotChanged || p.change !== 'none') &&
      (!search || p.dto.name.includes(search) || p.dto.personNo.includes(search)),
  );
  if (f.personOrder === 'strokes') {
    // view.people come in department order; inside each department, 姓氏笔画 (one comparator, shared)
    const deptRank = new Map<string, number>();
    for (const p of view.people) if (!deptRank.has(p.dto.unitId)) deptRank.set(p.dto.unitId, deptRank.size);
    matches.sort(
      (a, b) => deptRank.get(a.dto.unitId)! - deptRank.get(b.dto.unitId)! || comparePersons('strokes', a.dto, b.dto),
    );
  }
  const departments = new Map<string, { id: string; name: string; people: number; sort: number }>();
  const flags = new Map<string, number>();
  for (const p of view.people) {
    const d = departments.get(p.dto.unitId) ?? {
      id: p.dto.unitId,
      name: p.dto.unitName,
      people: 0,
      sort: view.ev.departments.get(p.dto.unitId)?.sortOrder ?? 0,
    };
    d.people++;
    departments.set(p.dto.unitId, d);
    for (const fl of p.result.flags) flags.set(fl, (flags.get(fl) ?? 0) + 1);
  }
  return {
    state: stateOf(ctx, view),
    periods: view.ev.periods.map((p) => ({ code: p.code, label: p.label })),
    departments: [...departments.values()]
      .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh'))
      .map(({ id, name, people }) => ({ id, name, people })),
    flags: [...flags.entries()].map(([flag, count]) => ({ flag, count })).sort((a, b) => b.count - a.count),
    units: view.units,
    total: matches.length,
    rows: matches.slice(f.offset, f.offset + f.limit).map((p) => rowOf(view, p, tallies)),
  };
}
