// One year as the workbench sees it: the engine's results, the frozen suggestions, the decisions,
// and the quota units counted with the decisions made so far (approved overrides included).
import { gradeLabel, OUTCOME_LABEL } from '../../../shared/domain/labels';
import type { PersonDto } from '../../../shared/domain/records';
import type { Grade, Outcome } from '../../../shared/domain/types';
import {
  computeQuotaUnits,
  type PersonInput,
  type PersonResult,
  type QuotaMember,
  type QuotaUnitSummary,
} from '../../../shared/rules';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { dataVersion, evaluateStoredYear, type StoredEvaluation } from './evaluate';
import { snapshotChange, type SnapshotChange } from './snapshot';
import { decisionsOf, snapshotOf, type DecisionRecord, type SnapshotRecord } from './records';
import { readYearState } from './year-state';

/** The engine's quota unit (approved overrides, full and over included: shared/rules/quota.ts). */
export type QuotaUnitView = QuotaUnitSummary;

export interface PersonView {
  dto: PersonDto;
  input: PersonInput;
  result: PersonResult;
  frozen: SnapshotRecord | undefined;
  decision: DecisionRecord | undefined;
  /** how the live suggestion differs from the frozen one */
  change: SnapshotChange;
}

export interface YearView {
  ev: StoredEvaluation;
  decisions: Map<string, DecisionRecord>;
  snapshot: Map<string, SnapshotRecord>;
  snapshotTaken: boolean;
  people: PersonView[];
  byId: Map<string, PersonView>;
  units: QuotaUnitView[];
}

export interface SuggestionOfRecord {
  outcome: Outcome;
  grade: Grade | null;
  label: string;
}

/** Once frozen, the snapshot is the suggestion decisions are compared with; before, the live one. */
export function suggestionOfRecord(p: Pick<PersonView, 'result' | 'frozen'>): SuggestionOfRecord {
  if (p.frozen) return { outcome: p.frozen.outcome, grade: p.frozen.grade, label: p.frozen.label };
  return { outcome: p.result.suggestion.outcome, grade: p.result.suggestion.grade, label: p.result.suggestion.label };
}

export function outcomeLabel(outcome: Outcome, grade: Grade | null, category: PersonDto['category']): string {
  return outcome === 'graded' && grade ? gradeLabel(grade, category) : OUTCOME_LABEL[outcome];
}

export function quotaMembers(
  people: PersonView[],
  override?: { personId: string; outcome: Outcome; grade: Grade | null; approvalDocNo: string } | null,
): QuotaMember[] {
  return people.map((p) => {
    const s = suggestionOfRecord(p);
    const d = override && override.personId === p.dto.id ? override : p.decision;
    return {
      personId: p.dto.id,
      category: p.dto.category,
      agencyId: p.input.person.agencyId,
      departmentId: p.dto.unitId,
      departmentName: p.dto.unitName,
      superiorAssessed: p.dto.superiorAssessed,
      outcome: s.outcome,
      suggestedGrade: s.grade,
      finalGrade: d ? d.grade : null,
      finalOutcome: d ? d.outcome : null,
      approvalDocNo: d ? d.approvalDocNo : '',
    };
  });
}

/** Quota units with the decisions (and optionally one proposed decision) applied. */
export function quotaUnitsWith(
  view: Pick<YearView, 'ev' | 'people'>,
  proposed?: { personId: string; outcome: Outcome; grade: Grade | null; approvalDocNo: string } | null,
): QuotaUnitView[] {
  return computeQuotaUnits(quotaMembers(view.people, proposed), view.ev.settings);
}

const frozenCache = new WeakMap<
  Db,
  Map<
    string,
    { version: string; snapshot: Map<string, SnapshotRecord>; changes: Map<string, SnapshotChange>; taken: boolean }
  >
>();

/**
 * The frozen suggestions and each person's difference from them change only with a write the
 * evaluation also sees (the snapshot is taken by a stage change), so they share its cache version.
 */
function frozenOf(ctx: Pick<Ctx, 'db'>, yearId: string, ev: StoredEvaluation) {
  let m = frozenCache.get(ctx.db);
  if (!m) {
    m = new Map();
    frozenCache.set(ctx.db, m);
  }
  const version = `${dataVersion(ctx.db)}|${ev.today}`;
  const hit = m.get(yearId);
  if (hit && hit.version === version) return hit;
  const snapshot = snapshotOf(ctx.db, yearId);
  const taken = !!readYearState(ctx.db, yearId)?.snapshotAt;
  const changes = new Map(
    ev.evaluation.results.map((r) => [r.personId, snapshotChange(r, snapshot.get(r.personId), taken)]),
  );
  const value = { version, snapshot, changes, taken };
  m.set(yearId, value);
  return value;
}

export function loadYearView(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string, asOf?: string): YearView {
  const ev = evaluateStoredYear(ctx, yearId, undefined, asOf);
  const decisions = decisionsOf(ctx.db, yearId);
  const { snapshot, changes, taken: snapshotTaken } = frozenOf(ctx, yearId, ev);
  const people: PersonView[] = ev.evaluation.results.map((result, i) => ({
    dto: ev.people[i]!,
    input: ev.inputs[i]!,
    result,
    frozen: snapshot.get(result.personId),
    decision: decisions.get(result.personId),
    change: changes.get(result.personId) ?? 'none',
  }));
  const view: YearView = {
    ev,
    decisions,
    snapshot,
    snapshotTaken,
    people,
    byId: new Map(people.map((p) => [p.dto.id, p])),
    units: [],
  };
  view.units = quotaUnitsWith(view);
  return view;
}
