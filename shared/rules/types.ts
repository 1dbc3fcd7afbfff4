// Inputs and outputs of the year-end rule engine (pure: no I/O, no clock; `year` and `today` are passed).
// The store side gathers these per person; the engine returns eligibility, suggestion and a Chinese trace.
import type { EvidenceKind, Grade, Outcome, PeriodRatingValue, PersonCategory } from '../domain/types';
import type { EligibilityEffect } from '../settings/year-settings';

/** Person facts the rules read (from the roster). */
export interface RulePerson {
  id: string;
  personNo: string; // 人员编号, the deterministic tie-breaker
  name: string;
  category: PersonCategory;
  agencyId: string;
  departmentId: string;
  departmentName: string;
  hireDate: string | null;
  probationEnd: string | null;
  /** 上级考核: leader assessed by the superior body, outside the unit's quota */
  superiorAssessed: boolean;
  status: 'active' | 'left';
  leftDate: string | null;
}

/** One period's rating of the assessed year. */
export interface RuleRating {
  periodCode: string; // 2026Q1
  seq: number;
  rating: PeriodRatingValue | null; // null = not yet rated
  /** false when settings.onlyReviewedPeriodsCount and the period is not reviewed (复核) yet */
  counts: boolean;
  /** the rating row id, when one exists */
  id: string | null;
}

/** An active (non-voided) evidence item of this or earlier years. */
export interface RuleEvidence {
  id: string;
  kind: EvidenceKind;
  subKind: string;
  date: string;
  endDate: string | null;
  days: number | null;
  details: Record<string, unknown>;
  description?: string;
  docNo?: string; // 文号
}

export interface RuleHistory {
  year: number;
  outcome: Outcome;
  grade: Grade | null;
}

export interface PersonInput {
  person: RulePerson;
  ratings: RuleRating[];
  evidence: RuleEvidence[];
  history: RuleHistory[];
}

/** A record a rule read, as shown in the trace. */
export interface RecordRef {
  type: 'evidence' | 'rating' | 'person' | 'history';
  id: string;
  date: string | null;
  kind: string | null;
  subKind: string | null;
  /** the record in a clerk's words, e.g. "2026-03-02 警告（文号…）" */
  text: string;
}

/** One eligibility (or built-in) rule that fired for a person. */
export interface FiredRule {
  ruleId: string;
  label: string;
  effect: EligibilityEffect;
  records: RecordRef[];
  /** extra explanation, e.g. "病假+事假合计 183 天 > 182 天" */
  note: string;
}

export interface Eligibility {
  outcome: Outcome;
  forcedIncompetent: boolean;
  /** best grade still allowed by caps; null = no cap */
  maxGrade: Grade | null;
  /** the heaviest rule (it decides the outcome); null = nothing but info fired */
  winning: FiredRule | null;
  /** every rule that fired, heaviest first */
  fired: FiredRule[];
}

export type SuggestionSource = 'rules' | 'points' | 'forced' | 'none' | 'superior';

export interface Suggestion {
  outcome: Outcome;
  grade: Grade | null;
  /** the grade on the person's own scale (优秀/称职… or 优秀/合格…), or the outcome label */
  label: string;
  source: SuggestionSource;
  /** id of the suggestion row (rules mode) that matched */
  ruleId: string | null;
  /** grade the table gave before caps lowered it */
  uncappedGrade: Grade | null;
  points: number | null;
  rank: number | null;
}

export interface TraceLine {
  /** 'ratings' | 'eligibility' | 'suggestion' | 'cap' | 'points' | 'quota' | 'note' */
  step: string;
  ruleId: string | null;
  text: string;
  records: RecordRef[];
}

export interface PersonResult {
  personId: string;
  quotaUnitKey: string;
  eligibility: Eligibility;
  suggestion: Suggestion;
  /** short tags for filtering: 警告, 试用期, 病事假, 立案审查, 受限, 调动, 缺评, 上级考核 … */
  flags: string[];
  trace: TraceLine[];
  /** the trace as one block of Chinese text, one line per step */
  traceText: string;
  /** counted ratings, per value */
  ratingCounts: Record<PeriodRatingValue, number>;
}
