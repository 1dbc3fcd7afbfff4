// The passes over one quota unit, after each person's own result: in points mode the ranking of the
// unit's contenders for its places, then the unit's summary and the quota line on each excellent
// candidate's trace. Everything here depends only on the unit's members and its places (and the
// year, day and settings), which is why evaluateYear can keep a unit's outcome until one of those
// changes, and within a unit that must be passed again keep each person whose lines come out the same.
import { gradeLabel } from '../domain/labels';
import type { Grade, Outcome } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';
import { countUnit, unitSummary, type QuotaMember, type QuotaUnitSummary, type UnitCount } from './quota';
import { pointsOf, ratingsText, type PointsBreakdown } from './suggestion';
import type { PersonInput, PersonResult } from './types';

/** One person's own result (before the unit passes), kept while their input is the same object. */
export interface PersonEntry {
  input: PersonInput;
  result: PersonResult;
  /** their points (points mode), worked out once per own result */
  points?: PointsBreakdown;
  /** their result after the unit passes, and what the unit added to it (a signature of those lines) */
  finished?: { sig: string; result: PersonResult };
}

/** A unit as passed: kept while its members' own results are the same objects and its places stand. */
export interface UnitEntry {
  own: PersonResult[];
  /** the members counted before the points pass (the base the places come from) */
  pre: UnitCount;
  allowed: number;
  explanation: string;
  finished: PersonResult[];
  summary: QuotaUnitSummary;
}

interface Ranked {
  rank: number;
  grade: Grade;
  text: string;
}

/** The quota member a person counts as, with the suggestion they have at that point of the passes. */
export function memberOf(p: PersonInput, outcome: Outcome, grade: Grade | null): QuotaMember {
  return {
    personId: p.person.id,
    category: p.person.category,
    agencyId: p.person.agencyId,
    departmentId: p.person.departmentId,
    departmentName: p.person.departmentName,
    superiorAssessed: p.person.superiorAssessed,
    outcome,
    suggestedGrade: grade,
    finalGrade: null,
    finalOutcome: null,
  };
}

function pointsOfEntry(e: PersonEntry, year: number, settings: YearSettings): PointsBreakdown {
  e.points ??= pointsOf(e.input.ratings, e.input.evidence, year, settings);
  return e.points;
}

/** Whether the points ranking decides this person's grade (graded by the table, not capped, not basic/incompetent). */
function contends(r: PersonResult): boolean {
  const s = r.suggestion;
  return (
    s.outcome === 'graded' &&
    s.source === 'rules' &&
    !r.eligibility.maxGrade &&
    (s.uncappedGrade === 'excellent' || s.uncappedGrade === 'competent')
  );
}

/**
 * Points mode: the unit's contenders ranked by points, then by number of 好, then by 人员编号; the
 * first `allowed` become excellent candidates. Ties are named (up to three of the people tied).
 */
function rankUnit(list: PersonEntry[], allowed: number, year: number, settings: YearSettings) {
  const contenders = list
    .filter((e) => contends(e.result))
    .map((e) => ({ e, points: pointsOfEntry(e, year, settings).total }));
  contenders.sort(
    (a, b) =>
      b.points - a.points ||
      b.e.result.ratingCounts.good - a.e.result.ratingCounts.good ||
      (a.e.input.person.personNo < b.e.input.person.personNo
        ? -1
        : a.e.input.person.personNo > b.e.input.person.personNo
          ? 1
          : 0),
  );
  const byPoints = new Map<number, typeof contenders>();
  for (const x of contenders) {
    const g = byPoints.get(x.points);
    if (g) g.push(x);
    else byPoints.set(x.points, [x]);
  }
  const out = new Map<PersonEntry, Ranked>();
  contenders.forEach((x, i) => {
    const rank = i + 1;
    const grade: Grade = rank <= allowed ? 'excellent' : 'competent';
    const group = byPoints.get(x.points) ?? [];
    const tiedCount = group.length - 1;
    const shown = group
      .slice(0, 4)
      .filter((y) => y !== x)
      .slice(0, 3)
      .map((y) => `${y.e.input.person.name}（${y.e.input.person.personNo}）`)
      .join('、');
    const tieText =
      tiedCount > 0
        ? `；与${shown}${tiedCount > 3 ? `等 ${tiedCount} 人` : ''}同分，依次按“好”的次数、人员编号先后排定`
        : '';
    const label = grade === 'excellent' ? '优秀候选' : gradeLabel(grade, x.e.input.person.category);
    const text = `积分 ${x.points}，在本考核单元可评优人员中排第 ${rank} 名（共 ${contenders.length} 人，优秀名额 ${allowed} 名）${tieText} → ${label}`;
    out.set(x.e, { rank, grade, text });
  });
  return out;
}

/** One person's result after the unit passes: their own result with the unit's lines added. */
function finish(
  e: PersonEntry,
  points: boolean,
  ranked: Ranked | undefined,
  quotaText: string,
  year: number,
  settings: YearSettings,
): { result: PersonResult; fresh: boolean } {
  const grade = ranked ? ranked.grade : e.result.suggestion.grade;
  const quota = grade === 'excellent' && !e.input.person.superiorAssessed ? quotaText : '';
  const sig = `${points ? 'p' : 'r'}\u0001${ranked ? `${ranked.grade}\u0001${ranked.text}` : ''}\u0002${quota}`;
  if (e.finished && e.finished.sig === sig) return { result: e.finished.result, fresh: false };
  const r = copyResult(e.result);
  if (points) {
    const pts = pointsOfEntry(e, year, settings);
    r.suggestion.points = pts.total;
    r.trace.push({ step: 'points', ruleId: null, text: pts.text, records: pts.records });
    if (ranked) {
      // the table's excellent/competent verdict is replaced by the ranking: say so on its line
      const line = r.trace.find((t) => t.step === 'suggestion');
      if (line) line.text = `${ratingsText(e.input.ratings)} → 不属于基本称职、不称职各行 → 参加积分排名`;
      r.suggestion.rank = ranked.rank;
      r.suggestion.grade = ranked.grade;
      r.suggestion.uncappedGrade = ranked.grade;
      r.suggestion.source = 'points';
      r.suggestion.label = gradeLabel(ranked.grade, e.input.person.category);
      r.trace.push({ step: 'points', ruleId: 'points-rank', text: ranked.text, records: [] });
    }
  }
  // one quota line per excellent candidate, so the trace says where the excellent places come from
  if (quota) r.trace.push({ step: 'quota', ruleId: null, text: quota, records: [] });
  if (points || quota) r.traceText = r.trace.map((t) => t.text).join('\n');
  e.finished = { sig, result: r };
  return { result: r, fresh: true };
}

/**
 * Passes one unit: ranks it (points mode), counts it with the suggestions that follow, and finishes
 * each member. `stats` counts the people whose result had to be made again.
 */
export function passUnit(
  list: PersonEntry[],
  pre: UnitCount,
  place: { allowed: number; explanation: string },
  year: number,
  settings: YearSettings,
  stats: { people: number },
): UnitEntry {
  const points = settings.suggestion.mode === 'points';
  const ranked = points ? rankUnit(list, place.allowed, year, settings) : undefined;
  // the ranking changes grades (candidates, tallies) but not outcomes, so not the base the places came from
  const post = ranked
    ? countUnit(
        pre.ref,
        list.map((e) => {
          const s = e.result.suggestion;
          return memberOf(e.input, s.outcome, ranked.get(e)?.grade ?? s.grade);
        }),
        settings,
      )
    : pre;
  const summary = unitSummary(post, place, settings);
  const quotaText = `优秀名额（${summary.label}）：${summary.explanation}；本单元优秀候选 ${summary.candidates} 人`;
  const finished = list.map((e) => {
    const f = finish(e, points, ranked?.get(e), quotaText, year, settings);
    if (f.fresh) stats.people++;
    return f.result;
  });
  return {
    own: list.map((e) => e.result),
    pre,
    allowed: place.allowed,
    explanation: place.explanation,
    finished,
    summary,
  };
}

/** A copy the unit passes may change (they push trace lines, rewrite one, set the suggestion). */
function copyResult(r: PersonResult): PersonResult {
  return { ...r, suggestion: { ...r.suggestion }, trace: r.trace.map((t) => ({ ...t })) };
}
