// The rule engine's public face: pure functions over records and settings (see docs/rules.md).
export * from './types';
export {
  evaluateYear,
  evaluatePerson,
  type YearInput,
  type YearEvaluation,
  type YearMemo,
  newYearMemo,
} from './engine';
export { evaluateEligibility, EFFECT_WEIGHT, EFFECT_LABEL, worseGrade } from './eligibility';
export {
  computeQuotaUnits,
  quotaAllowed,
  effectiveShare,
  quotaUnitOf,
  largestRemainder,
  tallyOutcomes,
  resultOf,
  type OutcomeTally,
  type QuotaUnitSummary,
  type QuotaMember,
  type QuotaUnitRef,
  type Rounding,
} from './quota';
export { consequencesOf, type Consequence, type ConsequenceCode } from './consequences';
export { countRatings, ratingsText, suggestByTable, pointsOf, matchSuggestionRule } from './suggestion';
export { noticeEndDate, redressDeadline, type RedressKind, type RedressDays } from './notice';
export {
  ALL_CHOICES,
  choicesFor,
  choiceText,
  eligibilityRefusal,
  historyYearRefusal,
  ruleBasis,
  type ChoiceVerdict,
  type ResultChoice,
} from './guard';
