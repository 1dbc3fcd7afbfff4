// The committee's candidates for 优秀: per quota unit, the places the engine allows, how many are
// decided and how many are left, and every person in contention side by side — period ratings,
// points, the year's evidence, earlier years' grades and 民主测评 votes where recorded — so the
// committee can compare the 39 who could be 优秀 for the 18 places.
import type { z } from 'zod';
import { gradeLabel, RATING_LABEL } from '../../../shared/domain/labels';
import { pointsOf } from '../../../shared/rules/suggestion';
import type { candidatesDto } from '../../../shared/api/yearend';
import type { Ctx } from '../context';
import { talliesOf, type AppraisalTally } from './tally';
import { loadYearView, outcomeLabel, suggestionOfRecord, type PersonView, type YearView } from './view';

type CandidatesDto = z.infer<typeof candidatesDto>;
type Candidate = CandidatesDto['units'][number]['candidates'][number];

/** Evidence kinds that count for a person (shown first) and against them. */
const FOR = new Set(['commendation', 'work']);
const AGAINST = new Set([
  'sanction',
  'org_handling',
  'party_discipline',
  'investigation',
  'negative_list',
  'role_veto',
]);

/** In contention: a suggestion, a frozen suggestion or a decision of 优秀, or (points mode) a ranked contender. */
function inContention(p: PersonView): boolean {
  if (p.dto.superiorAssessed) return false;
  const s = p.result.suggestion;
  return (
    s.uncappedGrade === 'excellent' ||
    s.grade === 'excellent' ||
    p.frozen?.grade === 'excellent' ||
    p.decision?.grade === 'excellent' ||
    (s.source === 'points' && s.rank !== null)
  );
}

/** 民主测评 votes per person, imported from the office's tally sheet, where the year enables the step. */
function votesOf(ctx: Ctx, view: YearView, yearId: string): Map<string, AppraisalTally> {
  return view.ev.settings.democraticAppraisal ? talliesOf(ctx.db, yearId) : new Map<string, AppraisalTally>();
}

function candidateOf(view: YearView, p: PersonView, votes: Candidate['votes']): Candidate {
  const year = view.ev.year.dto.year;
  const settings = view.ev.settings;
  const points = pointsOf(p.input.ratings, p.input.evidence, year, settings);
  const s = suggestionOfRecord(p);
  const inYear = p.input.evidence.filter((e) => e.date.startsWith(String(year)));
  const line = (e: (typeof inYear)[number]) => `${e.date} ${e.subKind}${e.docNo ? `（${e.docNo}）` : ''}`;
  return {
    personId: p.dto.id,
    personNo: p.dto.personNo,
    name: p.dto.name,
    departmentName: p.dto.unitName,
    position: p.dto.position,
    ratings: [...p.input.ratings]
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({ periodCode: r.periodCode, label: r.rating ? RATING_LABEL[r.rating] : '未评', counts: r.counts })),
    goodCount: p.result.ratingCounts.good,
    points: points.total,
    pointsText: points.text,
    rank: p.result.suggestion.rank,
    merits: inYear.filter((e) => FOR.has(e.kind)).map(line),
    demerits: inYear.filter((e) => AGAINST.has(e.kind)).map(line),
    history: [...p.input.history]
      .sort((a, b) => b.year - a.year)
      .map((h) => ({ year: h.year, label: outcomeLabel(h.outcome, h.grade, p.dto.category) })),
    excellentYears: p.input.history.filter((h) => h.grade === 'excellent').length,
    votes,
    suggestion: s.outcome === 'graded' && s.grade ? gradeLabel(s.grade, p.dto.category) : s.label,
    suggestedExcellent: s.grade === 'excellent',
    maxGrade: p.result.eligibility.maxGrade,
    decision: p.decision ? outcomeLabel(p.decision.outcome, p.decision.grade, p.dto.category) : null,
    decidedExcellent: p.decision?.grade === 'excellent' && p.decision.outcome === 'graded',
  };
}

/** Candidates ordered as the committee compares them: points, then 好 count, then person number. */
export function candidates(ctx: Ctx, yearId: string): CandidatesDto {
  const view = loadYearView(ctx, yearId);
  const votes = votesOf(ctx, view, yearId);
  const byUnit = new Map<string, Candidate[]>();
  for (const p of view.people) {
    if (!inContention(p)) continue;
    const list = byUnit.get(p.result.quotaUnitKey) ?? [];
    list.push(candidateOf(view, p, votes.get(p.dto.id) ?? null));
    byUnit.set(p.result.quotaUnitKey, list);
  }
  const units = view.units.map((u) => {
    const list = (byUnit.get(u.key) ?? []).sort(
      (a, b) => b.points - a.points || b.goodCount - a.goodCount || (a.personNo < b.personNo ? -1 : 1),
    );
    return {
      key: u.key,
      label: u.label,
      allowed: u.allowed,
      used: u.used,
      approvedOverrides: u.approvedOverrides,
      // places the engine still allows (an approved excess does not open new ones)
      left: Math.max(0, u.allowed - u.used),
      explanation: u.explanation,
      candidates: list,
    };
  });
  return {
    yearId,
    stage: view.ev.year.dto.stage,
    suggestionMode: view.ev.settings.suggestion.mode,
    appraisalEnabled: view.ev.settings.democraticAppraisal,
    hasVotes: [...byUnit.values()].some((list) => list.some((c) => c.votes)),
    units: units.filter((u) => u.candidates.length || u.allowed),
  };
}
