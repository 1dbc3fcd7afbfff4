// The records a bundle carries, collected from a store in the bundle's own shape, with the key that
// names each record on both stores and the hash of its content. Export and the import preview use
// the same collector, so "unchanged" means exactly "the same bytes either side would send".
import { createHash } from 'node:crypto';
import { yearEnd, yearStart } from '../../../shared/domain/dates';
import type {
  BundleDecision,
  BundleEvidence,
  BundleParts,
  BundlePerson,
  BundleRating,
  BundleReview,
  PartName,
} from '../../../shared/exchange/bundle';
import { emptyParts } from '../../../shared/exchange/bundle';
import { canonicalJson } from '../audit/audit-log';
import type { Db } from '../db/open';
import { evidenceFields, type EvidenceRow } from '../evidence/evidence-row';
import { listAttachmentsOf } from '../evidence/attachments-repo';
import { many } from '../db/query';

export interface CollectScope {
  /** the units whose people and ratings are collected (a department, or an agency and all below) */
  unitIds: string[];
  yearId: string;
  year: number;
  periodIds: string[];
  parts: readonly PartName[];
  /** down bundles carry only the ratings of periods the office has reviewed */
  reviewedOnly: boolean;
}

export function recordKey(part: PartName, r: unknown, year: number): string {
  switch (part) {
    case 'roster':
      return `person:${(r as BundlePerson).personNo}`;
    case 'ratings':
      return `rating:${(r as BundleRating).periodCode}:${(r as BundleRating).personNo}`;
    case 'evidence':
      return `evidence:${(r as BundleEvidence).id}`;
    case 'reviews':
      return `review:${(r as BundleReview).periodCode}:${(r as BundleReview).department}`;
    case 'decisions':
      return `decision:${year}:${(r as BundleDecision).personNo}`;
    case 'attachments':
      return `attachment:${(r as { id: string }).id}`;
  }
}

export const contentHash = (r: unknown): string => createHash('sha256').update(canonicalJson(r)).digest('hex');

const UNITS = '(SELECT value FROM json_each(@units))';
const PERIODS = '(SELECT value FROM json_each(@periods))';
const params = (s: CollectScope) => ({
  units: JSON.stringify(s.unitIds),
  periods: JSON.stringify(s.periodIds),
  yearId: s.yearId,
  ys: yearStart(s.year),
  ye: yearEnd(s.year),
});

interface PersonSqlRow {
  person_no: string;
  name: string;
  gender: '男' | '女' | null;
  birth_month: string | null;
  political_status: string | null;
  education: string | null;
  unit_name: string;
  since: string | null;
  position: string | null;
  position_since: string | null;
  category: BundlePerson['category'];
  duties: string | null;
  hire_date: string | null;
  probation_end: string | null;
  superior_assessed: number;
  id_card: string | null;
  status: 'active' | 'left';
  left_date: string | null;
  left_reason: string | null;
}

function roster(db: Db, s: CollectScope): BundlePerson[] {
  const rows = many<PersonSqlRow>(
    db,
    `SELECT p.*, u.name AS unit_name,
         (SELECT MAX(m.move_date) FROM person_move m WHERE m.person_id = p.id AND m.to_unit_id = p.unit_id) AS since
       FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.unit_id IN ${UNITS} ORDER BY p.person_no`,
    params(s),
  );
  return rows.map((r) => ({
    personNo: r.person_no,
    name: r.name,
    gender: r.gender,
    birthMonth: r.birth_month,
    politicalStatus: r.political_status,
    education: r.education,
    department: r.unit_name,
    departmentSince: r.since,
    position: r.position,
    positionSince: r.position_since,
    category: r.category,
    duties: r.duties,
    hireDate: r.hire_date,
    probationEnd: r.probation_end,
    superiorAssessed: r.superior_assessed === 1,
    idCard: r.id_card,
    status: r.status,
    leftDate: r.left_date,
    leftReason: r.left_reason,
  }));
}

function ratings(db: Db, s: CollectScope, reviewedOnly: boolean): BundleRating[] {
  const rows = many<{
    code: string;
    person_no: string;
    unit_name: string;
    work_record: string;
    self_assessment: string;
    rating: BundleRating['rating'];
    comment: string;
    rater: string;
  }>(
    db,
    `SELECT pe.code, p.person_no, u.name AS unit_name, r.work_record, r.self_assessment, r.rating, r.comment, r.rater
       FROM period_rating r JOIN period pe ON pe.id = r.period_id JOIN person p ON p.id = r.person_id JOIN unit u ON u.id = r.unit_id
       WHERE r.period_id IN ${PERIODS} AND r.unit_id IN ${UNITS}
         ${reviewedOnly ? "AND pe.review_status = 'reviewed'" : ''}
       ORDER BY pe.seq, p.person_no`,
    params(s),
  );
  return rows.map((r) => ({
    periodCode: r.code,
    personNo: r.person_no,
    department: r.unit_name,
    workRecord: r.work_record,
    selfAssessment: r.self_assessment,
    rating: r.rating,
    comment: r.comment,
    rater: r.rater,
  }));
}

function evidence(db: Db, s: CollectScope): BundleEvidence[] {
  const rows = many<EvidenceRow & { person_no: string }>(
    db,
    `SELECT e.*, p.person_no FROM evidence e JOIN person p ON p.id = e.person_id
       WHERE p.unit_id IN ${UNITS} AND e.date <= @ye AND COALESCE(e.end_date, e.date) >= @ys
       ORDER BY e.id`,
    params(s),
  );
  return rows.map((r) => {
    // the bundle names the person by 编号 (the same on both stores), not by this store's id
    const { personId: _own, ...fields } = evidenceFields(r);
    return { id: r.id, personNo: r.person_no, ...fields };
  });
}

function reviews(db: Db, s: CollectScope): BundleReview[] {
  const rows = many<{
    code: string;
    unit_name: string;
    status: BundleReview['status'];
    note: string;
    review_status: string;
  }>(
    db,
    `SELECT pe.code, u.name AS unit_name, d.status, d.note, pe.review_status
       FROM department_review d JOIN period pe ON pe.id = d.period_id JOIN unit u ON u.id = d.unit_id
       WHERE d.period_id IN ${PERIODS} AND d.unit_id IN ${UNITS} ORDER BY pe.seq, u.name`,
    params(s),
  );
  return rows.map((r) => ({
    periodCode: r.code,
    department: r.unit_name,
    status: r.status,
    note: r.note,
    periodReviewed: r.review_status === 'reviewed',
  }));
}

function decisions(db: Db, s: CollectScope): BundleDecision[] {
  const rows = many<{
    person_no: string;
    outcome: BundleDecision['outcome'];
    grade: BundleDecision['grade'];
    reason: string;
    approval_doc_no: string;
  }>(
    db,
    `SELECT p.person_no, d.outcome, d.grade, d.reason, d.approval_doc_no FROM yearend_decision d JOIN person p ON p.id = d.person_id
       WHERE d.year_id = @yearId AND p.unit_id IN ${UNITS} ORDER BY p.person_no`,
    params(s),
  );
  return rows.map((r) => ({
    personNo: r.person_no,
    outcome: r.outcome,
    grade: r.grade,
    reason: r.reason,
    approvalDocNo: r.approval_doc_no,
  }));
}

/** The records of the scope, part by part, in a stable order. */
export function collectParts(db: Db, s: CollectScope): BundleParts {
  const out = emptyParts();
  const want = new Set(s.parts);
  if (want.has('roster')) out.roster = roster(db, s);
  if (want.has('ratings')) out.ratings = ratings(db, s, s.reviewedOnly);
  if (want.has('evidence')) out.evidence = evidence(db, s);
  if (want.has('reviews')) out.reviews = reviews(db, s);
  if (want.has('decisions')) out.decisions = decisions(db, s);
  if (want.has('attachments'))
    out.attachments = listAttachmentsOf(
      db,
      out.evidence.map((e) => e.id),
    );
  return out;
}
