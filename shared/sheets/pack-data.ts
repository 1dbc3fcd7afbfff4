// PackData: everything the evaluation pack prints, as plain data assembled by core from the store
// (year results, roster, records). Builders take it and return SheetModels; nothing here does I/O.
import type { EvidenceKind, Grade, Outcome, PeriodRatingValue, PersonCategory, YearStage } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';
import type { TextSource } from './model';

export interface PackPeriod {
  id: string;
  code: string; // 2026Q1
  label: string; // 第一季度
  seq: number;
}

export interface PackRating {
  id: string;
  periodId: string;
  rating: PeriodRatingValue | null;
  workRecord: string; // 工作纪实
  comment: string; // 评语
  rater: string;
}

export interface PackEvidence {
  id: string;
  kind: EvidenceKind;
  subKind: string;
  date: string; // ISO
  description: string;
  docNo: string;
  days: number | null;
}

/** The year-end result of one person as decided (or suggested, before the decision). */
export interface PackResult {
  outcome: Outcome;
  suggestedGrade: Grade | null;
  finalGrade: Grade | null;
  /** why no grade / the eligibility reasons, in Chinese (remarks column, 情况说明) */
  reasons: string[];
  /** the rule trace of the suggestion, e.g. "Q1 好, Q2 好… → 优秀候选" */
  trace: string;
  /** the decision's written reason when it differs from the suggestion */
  decisionReason: string;
  /**
   * set when a recorded 复核/申诉/补定等次 outcome changed the result after finalisation: its basis,
   * e.g. "复核决定（2026-11-25，考核委〔2026〕15号）：…", printed with the committee's opinion
   */
  redressBasis?: string | null;
  /**
   * the 文号 recorded with the decision: for a leader assessed by the superior body, the superior's
   * notice; for an excellent grade beyond the unit's places, the approval (optional: packs frozen
   * before it was kept print without it)
   */
  approvalDocNo?: string;
  /** a committee decision (or 复核/申诉 outcome) is recorded; false = the suggestion stands in */
  decided?: boolean;
}

/** Consequences listed at finalisation (domain.md §6). */
export interface PackConsequences {
  commendation: boolean; // 嘉奖
  meritCandidate: boolean; // 记三等功 candidate (excellent three years in a row)
  incompetent: boolean;
  dismissalCandidate: boolean; // 辞退 candidate (incompetent two years in a row)
}

export interface SummarySentence {
  text: string;
  source: TextSource | null;
}

export interface PackPerson {
  id: string;
  personNo: string;
  name: string;
  gender: '男' | '女' | null;
  birthMonth: string | null; // YYYY-MM
  politicalStatus: string | null;
  education: string | null;
  departmentId: string;
  departmentName: string;
  /** attached to the agency itself (a leader), not to a department */
  agencyLevel: boolean;
  position: string | null;
  positionSince: string | null; // YYYY-MM
  category: PersonCategory;
  /** 上级考核: a leader graded by the superior body, outside the unit's quota */
  superiorAssessed?: boolean;
  duties: string | null;
  ratings: PackRating[];
  evidence: PackEvidence[];
  result: PackResult;
  consequences: PackConsequences;
  /** the clerk's edited (or the drafted) personal summary; null = draft from the records */
  summary: SummarySentence[] | null;
  /**
   * the 主管领导评语 box: the clerk's edited (or the drafted) comment; null/absent = draft from the
   * quarterly comments (absent in a copy frozen before the box was drafted)
   */
  supervisorComment?: SummarySentence[] | null;
  /** 民主测评 votes, when the year's settings enable the step and they were imported (absent in older packs) */
  tally?: PackTally | null;
}

export interface PackTally {
  voters: number;
  excellent: number;
  competent: number;
  basic: number;
  incompetent: number;
}

/** 送达与签收 of one person, as recorded after finalisation. */
export interface PackSignoff {
  deliveredOn: string;
  opinion: 'agree' | 'disagree' | 'refused' | null;
  opinionText: string;
  witnessNote: string;
  signedOn: string | null;
}

export interface PackDepartment {
  id: string;
  name: string;
  sortOrder: number;
}

export interface PackData {
  unit: { id: string; name: string };
  year: {
    id: string;
    year: number;
    stage: YearStage;
    noticeStart: string | null; // ISO
    /** the notice's last day as set at the stage change (else counted from the settings) */
    noticeEnd: string | null;
    /** where objections go, as set at the stage change ('' = the options' default) */
    noticePlace: string;
    /** the settings the year was decided under (a decided year prints with them) */
    settings: YearSettings;
  };
  departments: PackDepartment[];
  periods: PackPeriod[];
  persons: PackPerson[];
  /** head of the audit chain when the pack was built: printed on the summary table */
  auditHead: { seq: number; hash: string };
  /** ISO date the pack is produced (制表日期) */
  today: string;
  /** delivery and sign-off per person id (recorded after the decision, so never part of a frozen copy) */
  signoffs?: Record<string, PackSignoff>;
  /** the office's own labels and extra rows of the registration form, kept per year */
  formOptions?: { labels?: Record<string, string>; extraFields?: ('rewards' | 'leave' | 'training')[] };
}
