// The year-end rule engine: for each person, eligibility, the suggested grade on their own scale and
// a trace a clerk can read; then quota units and, in points mode, the ranking within each unit
// (shared/rules/unit-pass.ts), kept per unit between evaluations (YearMemo).
import { gradeLabel, OUTCOME_LABEL } from '../domain/labels';
import type { Grade } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';
import { presetTitleOfRule } from '../settings/institution-presets';
import { EFFECT_LABEL, evaluateEligibility, worseGrade } from './eligibility';
import {
  byUnitOrder,
  countUnit,
  effectiveShare,
  placesOf,
  quotaAllowed,
  quotaUnitOf,
  shareInForce,
  type QuotaUnitSummary,
} from './quota';
import { ratingRef, shortPeriod } from './records';
import { countRatings, ratingsText, suggestByTable } from './suggestion';
import { memberOf, passUnit, type PersonEntry, type UnitEntry } from './unit-pass';
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
 * What one year's evaluation keeps for the next one of the same year, day and settings: each
 * person's own result (kept while their input is the same object), their result after the unit
 * passes, and each quota unit as passed. The caller keeps one per year, day and settings and
 * forgets a person whose input changed; a memo given another year, day or settings starts empty.
 */
export interface YearMemo {
  context: string;
  people: Map<string, PersonEntry>;
  units: Map<string, UnitEntry>;
  /** what the last evaluation worked out again: people evaluated, units passed, results remade */
  last: { evaluated: number; units: number; people: number };
}

export function newYearMemo(): YearMemo {
  return { context: '', people: new Map(), units: new Map(), last: { evaluated: 0, units: 0, people: 0 } };
}

/**
 * Every person's result and the quota units. The units' passes (points ranking, quota lines) depend
 * only on each unit's members and its places; the places depend on the unit's base, or, where the
 * places are shared out by largest remainder, on the bases of every unit of its group (one agency
 * and population). So with a memo, a unit whose members' own results are the same objects as last
 * time and whose places come out the same is kept whole, and within a unit passed again a person
 * whose added lines are the same is kept: a change to one person costs their unit, not the year.
 */
export function evaluateYear(input: YearInput, memo: YearMemo = newYearMemo()): YearEvaluation {
  const { year, today, settings } = input;
  const context = `${year}|${today}|${JSON.stringify(settings)}`;
  if (memo.context !== context) {
    memo.context = context;
    memo.people.clear();
    memo.units.clear();
  }
  const last = { evaluated: 0, units: 0, people: 0 };
  // each person's own result, and the units in the year's order of their members
  const groups = new Map<string, { list: PersonEntry[]; at: number[] }>();
  input.people.forEach((p, i) => {
    let e = memo.people.get(p.person.id);
    if (!e || e.input !== p) {
      e = { input: p, result: evaluatePerson(p, year, today, settings) };
      memo.people.set(p.person.id, e);
      last.evaluated++;
    }
    const g = groups.get(e.result.quotaUnitKey);
    if (g) {
      g.list.push(e);
      g.at.push(i);
    } else groups.set(e.result.quotaUnitKey, { list: [e], at: [i] });
  });
  const units = [...groups].map(([key, g]) => {
    const old = memo.units.get(key);
    const same = !!old && old.own.length === g.list.length && g.list.every((e, i) => e.result === old.own[i]);
    const pre = same
      ? old.pre
      : countUnit(
          quotaUnitOf(g.list[0]!.input.person, settings),
          g.list.map((e) => memberOf(e.input, e.result.suggestion.outcome, e.result.suggestion.grade)),
          settings,
        );
    return { key, g, old: same ? old : undefined, pre };
  });
  // the places come from the bases alone, which the points ranking does not change
  const { share, raisedText } = shareInForce(settings);
  const places = placesOf(
    units.map((u) => u.pre),
    settings,
    share,
    raisedText,
  );
  const results: PersonResult[] = new Array<PersonResult>(input.people.length);
  const passed = new Map<string, UnitEntry>();
  for (const u of units) {
    const place = places.get(u.key)!;
    const kept = !!u.old && u.old.allowed === place.allowed && u.old.explanation === place.explanation;
    if (!kept) last.units++;
    const entry = kept ? u.old! : passUnit(u.g.list, u.pre, place, year, settings, last);
    passed.set(u.key, entry);
    u.g.at.forEach((at, j) => (results[at] = entry.finished[j]!));
  }
  memo.units = passed;
  memo.last = last;
  const summaries = units
    .map((u) => ({ ref: u.pre.ref, summary: passed.get(u.key)!.summary }))
    .sort(byUnitOrder)
    .map((u) => u.summary);
  return { results, units: summaries };
}

export { quotaAllowed, effectiveShare };
