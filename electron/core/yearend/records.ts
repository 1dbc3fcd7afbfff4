// Reading the year's decisions and frozen suggestions from the store, keyed by person.
import type { Grade, Outcome } from '../../../shared/domain/types';
import type { Db } from '../db/open';
import type { YearendDecisionRow, YearendSnapshotRow } from '../db/rows';
import { many, one } from '../db/query';

export type DecisionSource = 'committee' | 'bulk' | 'superior' | 'review' | 'appeal' | 'deferred_grade';

export interface DecisionRecord {
  id: string;
  yearId: string;
  personId: string;
  outcome: Outcome;
  grade: Grade | null;
  reason: string;
  approvalDocNo: string;
  source: DecisionSource;
  decidedAt: string;
  decidedBy: string;
}

export interface SnapshotRecord {
  personId: string;
  outcome: Outcome;
  grade: Grade | null;
  label: string;
  ruleId: string | null;
  flags: string[];
  traceText: string;
  quotaUnitKey: string;
  takenAt: string;
}

/** The decision row; `source` is one of the writers below (the SQL leaves it open). */
type DecisionRow = Omit<YearendDecisionRow, 'source'> & { source: DecisionSource };

export function toDecision(r: DecisionRow): DecisionRecord {
  return {
    id: r.id,
    yearId: r.year_id,
    personId: r.person_id,
    outcome: r.outcome,
    grade: r.grade,
    reason: r.reason,
    approvalDocNo: r.approval_doc_no,
    source: r.source,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
  };
}

export function decisionsOf(db: Db, yearId: string): Map<string, DecisionRecord> {
  const rows = many<DecisionRow>(db, 'SELECT * FROM yearend_decision WHERE year_id = ?', yearId);
  return new Map(rows.map((r) => [r.person_id, toDecision(r)]));
}

export function decisionOf(db: Db, yearId: string, personId: string): DecisionRecord | null {
  const r = one<DecisionRow>(
    db,
    'SELECT * FROM yearend_decision WHERE year_id = ? AND person_id = ?',
    yearId,
    personId,
  );
  return r ? toDecision(r) : null;
}

type SnapshotRow = YearendSnapshotRow;

export function snapshotOf(db: Db, yearId: string): Map<string, SnapshotRecord> {
  const rows = many<SnapshotRow>(db, 'SELECT * FROM yearend_snapshot WHERE year_id = ?', yearId);
  return new Map(
    rows.map((r) => [
      r.person_id,
      {
        personId: r.person_id,
        outcome: r.outcome,
        grade: r.grade,
        label: r.label,
        ruleId: r.rule_id,
        flags: JSON.parse(r.flags_json) as string[],
        traceText: r.trace_text,
        quotaUnitKey: r.quota_unit_key,
        takenAt: r.taken_at,
      },
    ]),
  );
}
