// The year-end rule engine: for each person, eligibility, the suggested grade on their own scale and
// a trace a clerk can read; then quota units and, in points mode, the ranking within each unit.
import { gradeLabel, OUTCOME_LABEL } from '../domain/labels';
import type { Grade } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';
import { presetTitleOfRule } from '../settings/institution-presets';
import { EFFECT_LABEL, evaluateEligibility, worseGrade } from './eligibility';
import { computeQuotaUnits, quotaAllowed, effectiveShare, quotaUnitOf, type QuotaUnitSummary } from './quota';
import { ratingRef, shortPeriod } from './records';
import { countRatings, pointsOf, ratingsText, suggestByTable } from './suggestion';
import type { PersonInput, PersonResult, Suggestion, TraceLine } from './types';

export interface YearInput {
  year: number;
  /** the office's today (ISO), e.g. to know whether an investigation has closed since year end */
  today: string;
  settings: YearSettings;
  people: PersonInput[];
}

export interface YearEvaluation {
  results: PersonResult[];
  units: QuotaUnitSummary[];
}

function suggestionLabel(s: Pick<Suggestion, 'outcome' | 'grade'>, p: PersonInput): string {
  if (s.outcome !== 'graded' || !s.grade) return OUTCOME_LABEL[s.outcome];
  return gradeLabel(s.grade, p.person.category);
}

function flagsOf(r: PersonResult, input: PersonInput): string[] {
  const tags = new Set<string>();
  for (const f of r.eligibility.fired) {
    for (const rec of f.records)
      if (rec.subKind && rec.type !== 'rating')
        tags.add(rec.subKind === '病假' || rec.subKind === '事假' ? '病事假' : rec.subKind);
    if (f.effect === 'comments_only') tags.add('只写评语');
    if (f.effect === 'deferred') tags.add('暂缓');
    if (f.effect === 'not_assessed') tags.add('不参加考核');
    if (f.effect === 'forced_incompetent') tags.add('直接定为不称职');
    if (f.effect.startsWith('max_')) tags.add('受限');
  }
  if (input.ratings.some((x) => x.rating === null)) tags.add('缺评');
  if (input.person.superiorAssessed) tags.add('上级考核');
  return [...tags];
}

/** One person without unit-level steps (points ranking is applied by evaluateYear). */
export function evaluatePerson(input: PersonInput, year: number, today: string, settings: YearSettings): PersonResult {
  const eligibility = evaluateEligibility(input, year, today, settings);
  const counts = countRatings(input.ratings);
  const trace: TraceLine[] = [];
  // eligibility lines follow the suggestion line: the clerk reads the ratings first, then why
  const eligibilityLines: TraceLine[] = [];
  for (const f of eligibility.fired) {
    const source = presetTitleOfRule(f.ruleId);
    eligibilityLines.push({
      step: 'eligibility',
      ruleId: f.ruleId,
      text: `【${EFFECT_LABEL[f.effect]}】${f.label}${source ? `〔${source}〕` : ''}${f.note ? `：${f.note}` : ''}${f.records.length ? `（依据：${f.records.map((r) => r.text).join('；')}）` : ''}`,
      records: f.records,
    });
  }
  const ratingRecords = input.ratings.filter((r) => r.rating).map(ratingRef);
  const rText = ratingsText(input.ratings);
  let suggestion: Suggestion;
  const table = suggestByTable(settings.suggestion.rules, counts);
  if (eligibility.outcome !== 'graded') {
    const why = eligibility.winning ? eligibility.winning.label : '';
    suggestion = {
      outcome: eligibility.outcome,
      grade: null,
      label: '',
      source: 'none',
      ruleId: null,
      uncappedGrade: null,
      points: null,
      rank: null,
    };
    trace.push({
      step: 'suggestion',
      ruleId: eligibility.winning?.ruleId ?? null,
      text: `${rText} → ${OUTCOME_LABEL[eligibility.outcome]}（${why}）`,
      records: ratingRecords,
    });
  } else if (eligibility.forcedIncompetent) {
    const rule = eligibility.fired.find((f) => f.effect === 'forced_incompetent')!;
    suggestion = {
      outcome: 'graded',
      grade: 'incompetent',
      label: '',
      source: 'forced',
      ruleId: rule.ruleId,
      uncappedGrade: table?.rule.grade ?? null,
      points: null,
      rank: null,
    };
    trace.push({
      step: 'suggestion',
      ruleId: rule.ruleId,
      text: `${rText} → 不看平时考核结果：${rule.label} → ${gradeLabel('incompetent', input.person.category)}`,
      records: ratingRecords,
    });
  } else {
    const uncapped: Grade = table?.rule.grade ?? 'competent';
    const grade = eligibility.maxGrade ? worseGrade(uncapped, eligibility.maxGrade) : uncapped;
    suggestion = {
      outcome: 'graded',
      grade,
      label: '',
      source: 'rules',
      ruleId: table?.rule.id ?? null,
      uncappedGrade: uncapped,
      points: null,
      rank: null,
    };
    const res = `${gradeLabel(uncapped, input.person.category)}${uncapped === 'excellent' ? '候选' : ''}`;
    const because = table ? table.because : '建议表无匹配行，按称职';
    trace.push({
      step: 'suggestion',
      ruleId: table?.rule.id ?? null,
      text: `${rText} → ${because} → ${res}`,
      records: ratingRecords,
    });
    trace.push(...eligibilityLines.splice(0));
    if (grade !== uncapped) {
      const caps = eligibility.fired.filter((f) => f.effect.startsWith('max_'));
      trace.push({
        step: 'cap',
        ruleId: caps[0]?.ruleId ?? null,
        text: `受限（${caps.map((c) => c.label).join('；')}）→ ${gradeLabel(grade, input.person.category)}`,
        records: caps.flatMap((c) => c.records),
      });
    }
  }
  trace.push(...eligibilityLines);
  // a rated period the office has not reviewed is left out (settings.onlyReviewedPeriodsCount): say so
  const leftOut = input.ratings.filter((r) => r.rating && !r.counts).sort((a, b) => a.seq - b.seq);
  if (leftOut.length) {
    trace.push({
      step: 'note',
      ruleId: null,
      text: `未计入：${leftOut.map((r) => shortPeriod(r.periodCode)).join('、')} 尚未复核（年度设置“年终只计入已复核的期间”）`,
      records: leftOut.map(ratingRef),
    });
  }
  if (input.ratings.filter((r) => r.counts && r.rating).length === 0 && eligibility.outcome === 'graded') {
    trace.push({
      step: 'note',
      ruleId: null,
      text: '注意：没有计入的平时考核结果，建议等次仅供参考，请先补齐平时考核',
      records: [],
    });
  }
  if (input.person.superiorAssessed) {
    suggestion.source = suggestion.source === 'none' ? 'none' : 'superior';
    trace.push({
      step: 'note',
      ruleId: null,
      text: '上级考核的领导班子成员：等次按上级通知录入，不占本单位优秀名额',
      records: [],
    });
  }
  suggestion.label = suggestionLabel(suggestion, input);
  const unit = quotaUnitOf({ ...input.person }, settings);
  const result: PersonResult = {
    personId: input.person.id,
    quotaUnitKey: unit.key,
    eligibility,
    suggestion,
    flags: [],
    trace,
    traceText: '',
    ratingCounts: counts,
  };
  result.flags = flagsOf(result, input);
  result.traceText = trace.map((t) => t.text).join('\n');
  return result;
}

/**
 * Points mode: within each quota unit, the people who could be excellent (graded, not forced, no
 * cap, not a basic/incompetent row, not a superior-assessed leader) are ranked by points, then by
 * number of 好, then by 人员编号; the first `allowed` become excellent candidates. Ties are named.
 */
function applyPoints(
  results: PersonResult[],
  inputs: Map<string, PersonInput>,
  year: number,
  units: QuotaUnitSummary[],
  settings: YearSettings,
): void {
  const allowedByUnit = new Map(units.map((u) => [u.key, u.allowed]));
  const byUnit = new Map<string, { r: PersonResult; p: PersonInput; points: number }[]>();
  for (const r of results) {
    const p = inputs.get(r.personId)!;
    const pts = pointsOf(p.ratings, p.evidence, year, settings);
    r.suggestion.points = pts.total;
    r.trace.push({ step: 'points', ruleId: null, text: pts.text, records: pts.records });
    const s = r.suggestion;
    const contender =
      s.outcome === 'graded' &&
      s.source === 'rules' &&
      !r.eligibility.maxGrade &&
      (s.uncappedGrade === 'excellent' || s.uncappedGrade === 'competent');
    if (!contender) continue;
    // the table's excellent/competent verdict is replaced by the ranking: say so on its line
    const line = r.trace.find((t) => t.step === 'suggestion');
    if (line) line.text = `${ratingsText(p.ratings)} → 不属于基本称职、不称职各行 → 参加积分排名`;
    const list = byUnit.get(r.quotaUnitKey) ?? [];
    list.push({ r, p, points: pts.total });
    byUnit.set(r.quotaUnitKey, list);
  }
  for (const [key, list] of byUnit) {
    list.sort(
      (a, b) =>
        b.points - a.points ||
        b.r.ratingCounts.good - a.r.ratingCounts.good ||
        (a.p.person.personNo < b.p.person.personNo ? -1 : a.p.person.personNo > b.p.person.personNo ? 1 : 0),
    );
    const allowed = allowedByUnit.get(key) ?? 0;
    const byPoints = new Map<number, typeof list>();
    for (const x of list) {
      const g = byPoints.get(x.points);
      if (g) g.push(x);
      else byPoints.set(x.points, [x]);
    }
    list.forEach((x, i) => {
      const rank = i + 1;
      const grade: Grade = rank <= allowed ? 'excellent' : 'competent';
      x.r.suggestion.rank = rank;
      x.r.suggestion.grade = grade;
      x.r.suggestion.uncappedGrade = grade;
      x.r.suggestion.source = 'points';
      x.r.suggestion.label = gradeLabel(grade, x.p.person.category);
      // name up to three of the people tied with this one (a large unit can tie hundreds)
      const group = byPoints.get(x.points) ?? [];
      const tiedCount = group.length - 1;
      const shown = group
        .slice(0, 4)
        .filter((y) => y !== x)
        .slice(0, 3)
        .map((y) => `${y.p.person.name}（${y.p.person.personNo}）`)
        .join('、');
      const tieText =
        tiedCount > 0
          ? `；与${shown}${tiedCount > 3 ? `等 ${tiedCount} 人` : ''}同分，依次按“好”的次数、人员编号先后排定`
          : '';
      x.r.trace.push({
        step: 'points',
        ruleId: 'points-rank',
        text: `积分 ${x.points}，在本考核单元可评优人员中排第 ${rank} 名（共 ${list.length} 人，优秀名额 ${allowed} 名）${tieText} → ${grade === 'excellent' ? '优秀候选' : x.r.suggestion.label}`,
        records: [],
      });
    });
  }
  for (const r of results) r.traceText = r.trace.map((t) => t.text).join('\n');
}

/**
 * Each person's own result (before the quota and points passes, which change it), kept by the
 * caller between evaluations of the same year, day and settings: a person whose input is the same
 * object as last time is not evaluated again. The caller drops an entry when the input changes.
 */
export type PersonResultMemo = Map<string, { input: PersonInput; result: PersonResult }>;

/** A copy the later passes may change (they push trace lines, rewrite one, set the suggestion). */
function copyResult(r: PersonResult): PersonResult {
  return { ...r, suggestion: { ...r.suggestion }, trace: r.trace.map((t) => ({ ...t })) };
}

export function evaluateYear(input: YearInput, memo?: PersonResultMemo): YearEvaluation {
  const { year, today, settings } = input;
  const results = input.people.map((p) => {
    if (!memo) return evaluatePerson(p, year, today, settings);
    const hit = memo.get(p.person.id);
    if (hit && hit.input === p) return copyResult(hit.result);
    const result = evaluatePerson(p, year, today, settings);
    memo.set(p.person.id, { input: p, result });
    return copyResult(result);
  });
  const inputs = new Map(input.people.map((p) => [p.person.id, p]));
  const members = () =>
    results.map((r) => {
      const p = inputs.get(r.personId)!.person;
      return {
        personId: p.id,
        category: p.category,
        agencyId: p.agencyId,
        departmentId: p.departmentId,
        departmentName: p.departmentName,
        superiorAssessed: p.superiorAssessed,
        outcome: r.suggestion.outcome,
        suggestedGrade: r.suggestion.grade,
        finalGrade: null,
        finalOutcome: null,
      };
    });
  let units = computeQuotaUnits(members(), settings);
  if (settings.suggestion.mode === 'points') {
    applyPoints(results, inputs, year, units, settings);
    units = computeQuotaUnits(members(), settings);
  }
  // one quota line per person, so the trace says where the excellent places come from
  const byKey = new Map(units.map((u) => [u.key, u]));
  for (const r of results) {
    const u = byKey.get(r.quotaUnitKey);
    if (u && r.suggestion.grade === 'excellent' && !inputs.get(r.personId)!.person.superiorAssessed) {
      r.trace.push({
        step: 'quota',
        ruleId: null,
        text: `优秀名额（${u.label}）：${u.explanation}；本单元优秀候选 ${u.candidates} 人`,
        records: [],
      });
      r.traceText = r.trace.map((t) => t.text).join('\n');
    }
  }
  return { results, units };
}

export { quotaAllowed, effectiveShare };
