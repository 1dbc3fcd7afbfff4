// loadYearResults: the year-end result of one year as the evaluation pack (Excel) is built from it.
// A stable, documented shape — per person facts, ratings, eligibility, suggestion, trace, decision,
// consequences — plus the quota units and the settings as decided. Change it only additively.
import { OUTCOME_LABEL, resultCode } from '../../../shared/domain/labels';
import type { PersonDto, PeriodDto } from '../../../shared/domain/records';
import type { Grade, Outcome, PeriodRatingValue, YearStage } from '../../../shared/domain/types';
import {
  consequencesOf,
  type Consequence,
  type Eligibility,
  type Suggestion,
  type TraceLine,
} from '../../../shared/rules';
import type { YearSettings } from '../../../shared/settings/year-settings';
import type { Db } from '../db/open';
import type { DecisionSource } from './records';
import { loadYearView, outcomeLabel, suggestionOfRecord, type QuotaUnitView } from './view';
import { readYearState } from './year-state';
import { readFrozenPack } from '../pack/frozen-pack';

export interface YearResultPerson {
  /** roster facts (masked ID card), department = current unit; a decided year's as kept at finalisation */
  person: PersonDto;
  /** one entry per period of the year, in order; rating null = not rated */
  /** ratingId: the row the engine used, so the pack prints that row's 工作纪实 and no other */
  ratings: {
    periodCode: string;
    periodLabel: string;
    rating: PeriodRatingValue | null;
    counts: boolean;
    ratingId: string | null;
  }[];
  eligibility: Eligibility;
  /** the suggestion of record: frozen at review when the year got there, else computed now */
  suggestion: { outcome: Outcome; grade: Grade | null; label: string };
  /** the live engine suggestion (points, rank, source) */
  computed: Suggestion;
  trace: TraceLine[];
  /** the trace of the suggestion of record, one line per step (the frozen text once frozen) */
  traceText: string;
  flags: string[];
  /** the committee's decision (null while undecided) */
  decision: {
    outcome: Outcome;
    grade: Grade | null;
    label: string;
    reason: string;
    approvalDocNo: string;
    source: DecisionSource;
    decidedAt: string;
  } | null;
  /** final (decision) or else suggested outcome, as the pack prints it */
  final: { outcome: Outcome; grade: Grade | null; label: string; resultCode: 1 | 2 | 3 | 4 | 5 | 6; remark: string };
  consequences: Consequence[];
  quotaUnitKey: string;
  /** earlier years' grades used by the three-year and two-year rules */
  history: { year: number; outcome: Outcome; grade: Grade | null }[];
}

export interface YearResults {
  yearId: string;
  year: number;
  agencyId: string;
  agencyName: string;
  stage: YearStage;
  finalizedAt: string | null;
  notice: { start: string | null; end: string | null; workingDays: number | null; place: string };
  periods: PeriodDto[];
  /** the settings in force: as kept at finalisation for a final year */
  settings: YearSettings;
  settingsAsDecided: boolean;
  units: QuotaUnitView[];
  people: YearResultPerson[];
  /** counts of the final results per grade / non-grade outcome, per quota unit and overall */
  totals: { byResult: Record<string, number>; excellent: number; graded: number };
}

/**
 * Everything the pack prints for a year. `now` only matters before finalisation (whether an
 * investigation has closed yet); a final year is evaluated as of its finalisation day.
 */
export function loadYearResults(
  db: Db,
  yearId: string,
  now: Date = new Date(),
  /** live: the roster as it is now even for a decided year (taking or checking the frozen copy) */
  options: { live?: boolean } = {},
): YearResults {
  const view = loadYearView({ db, now: () => now }, yearId);
  const y = view.ev.year.dto;
  const st = readYearState(db, yearId);
  const periodLabel = new Map(view.ev.periods.map((p) => [p.code, p.label]));
  const byResult: Record<string, number> = {};
  let excellent = 0;
  let graded = 0;
  const people: YearResultPerson[] = view.people.map((p) => {
    const s = suggestionOfRecord(p);
    const d = p.decision;
    const fo = d ? d.outcome : s.outcome;
    const fg = d ? d.grade : s.grade;
    const label = outcomeLabel(fo, fg, p.dto.category);
    byResult[label] = (byResult[label] ?? 0) + 1;
    if (fo === 'graded') graded++;
    if (fo === 'graded' && fg === 'excellent') excellent++;
    const remark =
      fo !== 'graded'
        ? (p.result.eligibility.winning?.label ?? OUTCOME_LABEL[fo])
        : p.dto.superiorAssessed
          ? `上级考核${d?.approvalDocNo ? `（${d.approvalDocNo}）` : ''}`
          : d && d.reason
            ? d.reason
            : '';
    return {
      person: p.dto,
      ratings: p.input.ratings.map((r) => ({
        periodCode: r.periodCode,
        periodLabel: periodLabel.get(r.periodCode) ?? r.periodCode,
        rating: r.rating,
        counts: r.counts,
        ratingId: r.id,
      })),
      eligibility: p.result.eligibility,
      suggestion: s,
      computed: p.result.suggestion,
      trace: p.result.trace,
      traceText: p.frozen?.traceText ?? p.result.traceText,
      flags: p.result.flags,
      decision: d
        ? {
            outcome: d.outcome,
            grade: d.grade,
            label: outcomeLabel(d.outcome, d.grade, p.dto.category),
            reason: d.reason,
            approvalDocNo: d.approvalDocNo,
            source: d.source,
            decidedAt: d.decidedAt,
          }
        : null,
      final: { outcome: fo, grade: fg, label, resultCode: resultCode(fo, fg), remark },
      consequences: consequencesOf({
        year: y.year,
        category: p.dto.category,
        outcome: fo,
        grade: fg,
        history: p.input.history,
      }),
      quotaUnitKey: p.result.quotaUnitKey,
      history: p.input.history,
    };
  });
  // a decided year names its people and places as they were when it was decided
  const frozen = !options.live && (y.stage === 'final' || y.stage === 'archived') ? readFrozenPack(db, yearId) : null;
  if (frozen) {
    const kept = new Map(frozen.persons.map((p) => [p.id, p]));
    for (const r of people) {
      const k = kept.get(r.person.id);
      if (!k) continue;
      r.person = {
        ...r.person,
        name: k.name,
        gender: k.gender,
        birthMonth: k.birthMonth,
        politicalStatus: k.politicalStatus,
        education: k.education,
        unitId: k.departmentId,
        unitName: k.agencyLevel ? frozen.unit.name : k.departmentName,
        position: k.position,
        positionSince: k.positionSince,
        category: k.category,
        duties: k.duties,
      };
    }
  }
  return {
    yearId,
    year: y.year,
    agencyId: y.unitId,
    agencyName: frozen?.unit.name ?? y.unitName,
    stage: y.stage,
    finalizedAt: y.finalizedAt,
    notice: {
      start: st?.noticeStart ?? null,
      end: st?.noticeEnd ?? null,
      workingDays: st?.noticeDays ?? null,
      place: st?.noticePlace ?? '',
    },
    periods: view.ev.periods,
    settings: view.ev.settings,
    settingsAsDecided: view.ev.settingsAsDecided,
    units: view.units,
    people,
    totals: { byResult, excellent, graded },
  };
}
