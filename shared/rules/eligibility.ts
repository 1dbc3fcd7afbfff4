// Eligibility: runs every enabled row of the year's eligibility table over a person's records and
// decides the outcome (graded / comments only / deferred / not assessed), forced results and caps.
import { addDays, addMonths, compareIso, daysBetween, yearEnd, yearOf, yearStart } from '../domain/dates';
import {
  EVIDENCE_SUB_KINDS,
  GRADE_ORDER,
  type EvidenceKind,
  type Grade,
  type Outcome,
  type PersonCategory,
} from '../domain/types';
import type { EligibilityEffect, EligibilityRule, YearSettings } from '../settings/year-settings';
import { leaveDaysInYear as sharedLeaveDaysInYear } from '../evidence/leave';
import { evidenceRef, virtualEvidence } from './records';
import type { Eligibility, FiredRule, PersonInput, RuleEvidence } from './types';

/**
 * Heavier effects win (docs/rules.md): not assessed > deferred > forced incompetent > comments only
 * > caps (the lowest cap first) > info. Deferred beats forced incompetent because an open case may
 * still change the facts the forced result rests on; the grade is fixed when the case closes.
 */
export const EFFECT_WEIGHT: Record<EligibilityEffect, number> = {
  not_assessed: 100,
  deferred: 90,
  forced_incompetent: 80,
  comments_only: 70,
  max_incompetent: 40,
  max_basic: 30,
  max_competent: 20,
  info: 0,
};

export const EFFECT_LABEL: Record<EligibilityEffect, string> = {
  not_assessed: '不参加考核',
  deferred: '暂缓（不写评语、不定等次）',
  forced_incompetent: '直接确定为不称职（不合格）',
  comments_only: '只写评语，不定等次',
  max_incompetent: '受限：不得定为基本称职（基本合格）及以上',
  max_basic: '受限：不得定为称职（合格）及以上',
  max_competent: '受限：不得定为优秀',
  info: '提示',
};

const CAP_GRADE: Partial<Record<EligibilityEffect, Grade>> = {
  max_competent: 'competent',
  max_basic: 'basic',
  max_incompetent: 'incompetent',
};

export function worseGrade(a: Grade, b: Grade): Grade {
  return GRADE_ORDER.indexOf(a) >= GRADE_ORDER.indexOf(b) ? a : b;
}

function populationMatches(population: EligibilityRule['population'], category: PersonCategory): boolean {
  if (population === 'all') return true;
  return population === 'institution' ? category === 'institution' : category !== 'institution';
}

function matchesKind(rule: EligibilityRule, e: RuleEvidence): boolean {
  return e.kind === rule.kind && (rule.subKinds.length === 0 || rule.subKinds.includes(e.subKind));
}

const NO_SANCTION = new Set(['', '无', '无处分', '不予处分', '免予处分', '未给予处分', 'none']);

/** The kind a conclusion sub-kind belongs to (警告 → sanction, 严重警告 → party_discipline …). */
function kindOfSubKind(subKind: string): EvidenceKind | null {
  for (const k of ['sanction', 'party_discipline', 'org_handling'] as const) {
    if ((EVIDENCE_SUB_KINDS[k] as readonly string[]).includes(subKind)) return k;
  }
  return null;
}

/**
 * An investigation open on 31 Dec that has closed by `today` is decided afterwards (补定等次): its
 * conclusion (details.conclusion) counts as if imposed in the assessed year, so a 警告 still bars the
 * top grade and a heavier sanction applies its own row. Returns the synthetic records and info notes.
 */
function investigationConclusions(
  evidence: RuleEvidence[],
  year: number,
  today: string,
): { synthetic: RuleEvidence[]; notes: FiredRule[] } {
  const end = yearEnd(year);
  const synthetic: RuleEvidence[] = [];
  const notes: FiredRule[] = [];
  for (const e of evidence) {
    if (e.kind !== 'investigation' || compareIso(e.date, end) > 0) continue;
    if (!e.endDate || compareIso(e.endDate, end) <= 0 || compareIso(e.endDate, today) > 0) continue;
    // the evidence capability stores details.closingOutcome ('none' | 'warning' | 'heavier') and, for a
    // heavier one, details.linkedEvidenceId; a plain details.conclusion sub-kind is read as well
    const closing = e.details.closingOutcome;
    const linked =
      typeof e.details.linkedEvidenceId === 'string'
        ? evidence.find((x) => x.id === e.details.linkedEvidenceId)
        : undefined;
    let raw = typeof e.details.conclusion === 'string' ? e.details.conclusion.trim() : '';
    if (closing === 'none') raw = '无处分';
    else if (closing === 'warning') raw = '警告';
    else if (closing === 'heavier') raw = linked ? linked.subKind : '警告以上处分（未关联处分记录）';
    const kind = linked && closing === 'heavier' ? linked.kind : kindOfSubKind(raw);
    let note: string;
    if (kind) {
      synthetic.push({
        id: `${e.id}:conclusion`,
        kind,
        subKind: raw,
        date: end,
        endDate: null,
        days: null,
        details: { fromInvestigation: e.id },
        docNo: e.docNo ?? '',
      });
      note = `立案审查调查已于 ${e.endDate} 结案，结论为${raw}，按该处分补定等次`;
    } else if (NO_SANCTION.has(raw)) {
      note = `立案审查调查已于 ${e.endDate} 结案，${raw ? '未给予处分' : '未记录结论，按未给予处分'}，补定等次`;
    } else {
      note = `立案审查调查已于 ${e.endDate} 结案，结论“${raw}”不是可识别的处分种类，请核对后补定等次`;
    }
    notes.push({
      ruleId: 'investigation-closed',
      label: '立案审查调查结案后补定等次',
      effect: 'info',
      records: [evidenceRef(e)],
      note,
    });
  }
  return { synthetic, notes };
}

/** Leave days inside the year, the evidence capability's own arithmetic (prorated across 31 Dec). */
function leaveDaysInYear(e: RuleEvidence, year: number): number {
  const endDate = e.endDate ?? e.date;
  return sharedLeaveDaysInYear({ date: e.date, endDate, days: e.days ?? daysBetween(e.date, endDate) + 1 }, year);
}

function termEnd(e: RuleEvidence): string {
  if (e.endDate) return e.endDate;
  const months = Number(e.details.termMonths ?? Number(e.details.termYears ?? 1) * 12);
  return addDays(addMonths(e.date, Number.isFinite(months) && months > 0 ? months : 12), -1);
}

/**
 * A party sanction's term in whole years, counted from the year it was imposed (留党察看 1 or 2 年):
 * imposed 2025-01-01 for one year → 2026 is its following year, even though the term ended in 2025.
 */
function termYearsOf(e: RuleEvidence): number {
  const years = Number(e.details.termYears);
  if (Number.isFinite(years) && years > 0) return Math.round(years);
  const months = Number(e.details.termMonths);
  if (Number.isFinite(months) && months > 0) return Math.max(1, Math.ceil(months / 12));
  if (e.endDate) return Math.max(1, Math.round((daysBetween(e.date, e.endDate) + 1) / 365.25));
  return 1;
}

/** Days of a secondment (借调) inside the year: date … endDate (open = to 31 Dec), or its day count. */
function secondmentDaysInYear(e: RuleEvidence, year: number): number {
  const ys = yearStart(year);
  const ye = yearEnd(year);
  const end = e.endDate ?? (e.days ? addDays(e.date, e.days - 1) : ye);
  const from = compareIso(e.date, ys) < 0 ? ys : e.date;
  const to = compareIso(end, ye) > 0 ? ye : end;
  return compareIso(from, to) > 0 ? 0 : daysBetween(from, to) + 1;
}

/** The records one rule row matches for the year, with a note; null when it does not fire. */
function applyRule(
  rule: EligibilityRule,
  input: PersonInput,
  pool: RuleEvidence[],
  year: number,
  today: string,
  settings: YearSettings,
): { records: RuleEvidence[]; note: string } | null {
  const ys = yearStart(year);
  const ye = yearEnd(year);
  const items = pool.filter((e) => matchesKind(rule, e));
  switch (rule.when) {
    case 'imposed_offsets': {
      const years = new Set(rule.offsets.map((k) => year - k));
      const hit = items.filter((e) => years.has(yearOf(e.date)));
      if (!hit.length) return null;
      const which = [...new Set(hit.map((e) => yearOf(e.date)))]
        .sort()
        .map((y) => (y === year ? '当年' : `${year - y}年前（${y}年）`));
      return { records: hit, note: `${which.join('、')}：${hit.map((e) => e.subKind).join('、')}` };
    }
    case 'in_force': {
      const hit = items.filter((e) => {
        const months = (settings.sanctionMonths as Record<string, number>)[e.subKind];
        const end = e.endDate ?? (months ? addDays(addMonths(e.date, months), -1) : e.date);
        return compareIso(e.date, ye) <= 0 && compareIso(end, ys) >= 0;
      });
      if (!hit.length) return null;
      const parts = hit.map((e) => {
        const months = (settings.sanctionMonths as Record<string, number>)[e.subKind];
        const end = e.endDate ?? (months ? addDays(addMonths(e.date, months), -1) : e.date);
        return `${e.subKind}处分期 ${e.date}至${end}，与${year}年度重叠`;
      });
      return { records: hit, note: parts.join('；') };
    }
    case 'open_at_year_end': {
      const hit = items.filter(
        (e) =>
          compareIso(e.date, ye) <= 0 &&
          (!e.endDate || (compareIso(e.endDate, ye) > 0 && compareIso(e.endDate, today) > 0)),
      );
      if (!hit.length) return null;
      return { records: hit, note: `${ye} 仍未结案` };
    }
    case 'state_at_year_end': {
      const hit = items.filter((e) => compareIso(e.date, ye) <= 0 && (!e.endDate || compareIso(e.endDate, ye) > 0));
      if (!hit.length) return null;
      return {
        records: hit,
        note: hit
          .map((e) => (e.endDate ? `试用期至 ${e.endDate}，年底仍在试用期` : '未记录试用期满日期，按年底仍在试用期'))
          .join('；'),
      };
    }
    case 'term_following': {
      // years after the imposition year, as many as the term's years (not up to the term's end date)
      const hit = items.filter((e) => yearOf(e.date) < year && year <= yearOf(e.date) + termYearsOf(e));
      if (!hit.length) return null;
      return {
        records: hit,
        note: hit
          .map(
            (e) => `${e.subKind} ${e.date} 起（期限 ${termYearsOf(e)} 年，期满 ${termEnd(e)}），${year} 年为其后续年度`,
          )
          .join('；'),
      };
    }
    case 'secondment_over_half': {
      const days = items.reduce((n, e) => n + secondmentDaysInYear(e, year), 0);
      const inYear = daysBetween(ys, ye) + 1;
      if (days * 2 <= inYear) return null;
      return {
        records: items.filter((e) => secondmentDaysInYear(e, year) > 0),
        note: `年内借调 ${days} 天，超过半年，由借调（工作）单位考核`,
      };
    }
    case 'leave_over': {
      const hit = items.filter((e) => leaveDaysInYear(e, year) > 0);
      const total = hit.reduce((s, e) => s + leaveDaysInYear(e, year), 0);
      if (total <= settings.leaveDaysThreshold) return null;
      return {
        records: hit,
        note: `${rule.subKinds.join('+') || '请假'}合计 ${total} 天，超过 ${settings.leaveDaysThreshold} 天`,
      };
    }
    case 'short_service': {
      // first employment is marked by a probation record (roster probation end or 试用期 evidence),
      // unless the record says details.firstJob === false (docs/rules.md)
      const hit = items.filter((e) => e.details.firstJob !== false);
      if (!hit.length) return null;
      const start = input.person.hireDate ?? hit[0]!.date;
      if (compareIso(start, ye) > 0) return null;
      const from = compareIso(start, ys) < 0 ? ys : start;
      const served = daysBetween(from, ye) + 1;
      const daysInYear = daysBetween(ys, ye) + 1;
      if (compareIso(start, ys) <= 0 || served * 2 >= daysInYear) return null;
      return { records: hit, note: `${start} 入职，年内在本单位工作 ${served} 天，不满半年` };
    }
  }
}

/** Runs the table for one person: every rule that fired (heaviest first) and the resulting outcome. */
export function evaluateEligibility(
  input: PersonInput,
  year: number,
  today: string,
  settings: YearSettings,
): Eligibility {
  // roster facts stand in only where no recorded event says the same (no double 试用期 or 离开单位)
  const virtual = virtualEvidence(input.person).filter(
    (v) => !input.evidence.some((e) => e.kind === v.kind && e.subKind === v.subKind),
  );
  const base = [...input.evidence, ...virtual];
  const { synthetic, notes } = investigationConclusions(base, year, today);
  const pool = [...base, ...synthetic];
  const fired: FiredRule[] = [...notes];
  for (const rule of settings.eligibilityRules) {
    if (!rule.enabled || !populationMatches(rule.population, input.person.category)) continue;
    const hit = applyRule(rule, input, pool, year, today, settings);
    if (!hit) continue;
    let effect = rule.effect;
    if (rule.kind === 'negative_list') {
      // each negative-list item carries its own effect in settings.negativeList
      const effects = hit.records.map(
        (e) => settings.negativeList.find((n) => n.name === (e.details.item ?? e.description))?.effect ?? rule.effect,
      );
      effect = effects.sort((a, b) => EFFECT_WEIGHT[b] - EFFECT_WEIGHT[a])[0] ?? rule.effect;
    }
    fired.push({ ruleId: rule.id, label: rule.label, effect, records: hit.records.map(evidenceRef), note: hit.note });
  }
  // stable sort: equal weights keep the table's order
  fired.sort((a, b) => EFFECT_WEIGHT[b.effect] - EFFECT_WEIGHT[a.effect]);
  const has = (e: EligibilityEffect) => fired.some((f) => f.effect === e);
  const outcome: Outcome = has('not_assessed')
    ? 'not_assessed'
    : has('deferred')
      ? 'deferred'
      : has('forced_incompetent')
        ? 'graded'
        : has('comments_only')
          ? 'comments_only'
          : 'graded';
  const forcedIncompetent = outcome === 'graded' && has('forced_incompetent');
  let maxGrade: Grade | null = null;
  for (const f of fired) {
    const cap = CAP_GRADE[f.effect];
    if (cap) maxGrade = maxGrade ? worseGrade(maxGrade, cap) : cap;
  }
  const winning = fired.find((f) => EFFECT_WEIGHT[f.effect] > 0) ?? null;
  return { outcome, forcedIncompetent, maxGrade, winning, fired };
}
