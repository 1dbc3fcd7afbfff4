// Writes the records a bundle brings, each through its own capability's service (roster, evidence,
// ratings with the cap on 好, committee decisions through the grade guard), inside the caller's
// transaction, so every write has the same checks and audit entries as the window's.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isoToday } from '../../../shared/domain/dates';
import type {
  BundleAttachment,
  BundleDecision,
  BundleEvidence,
  BundlePerson,
  BundleRating,
  BundleReview,
} from '../../../shared/exchange/bundle';
import { evidenceInputOf } from '../../../shared/evidence/storage';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, type Ctx } from '../context';
import { attachmentFile } from '../evidence/attachments-repo';
import { createEvidenceBatch, updateEvidence, voidEvidence } from '../evidence/evidence-service';
import { newId } from '../ids';
import { saveRatingsBatch } from '../ratings/save';
import { createPerson, markPersonLeft, reinstatePerson, updatePerson } from '../roster/people';
import { movePerson } from '../roster/moves';
import { nextStamp } from '../stamps';
import { commitTempFile } from '../backup/atomic-write';
import { decide } from '../yearend/decisions';
import type { ResolvedScope } from './scope';
import { one, scalar } from '../db/query';

const personIdOf = (ctx: Ctx, no: string): string => {
  const id = scalar<string>(ctx.db, 'SELECT id FROM person WHERE person_no = ?', no);
  if (!id) throw new AppError('NOT_FOUND', `本库没有人员编号为 ${no} 的人员，未导入任何数据。`);
  return id;
};

const unitIdOf = (scope: ResolvedScope, name: string): string => {
  const u = scope.unitsByName.get(name);
  if (!u) throw new AppError('NOT_FOUND', `本库没有部门“${name}”，未导入任何数据。`);
  return u.id;
};

const PERSON_FIELDS = [
  'name',
  'gender',
  'birthMonth',
  'politicalStatus',
  'education',
  'position',
  'positionSince',
  'category',
  'duties',
  'hireDate',
  'probationEnd',
  'superiorAssessed',
  'idCard',
] as const;

export function applyPerson(ctx: Ctx, scope: ResolvedScope, p: BundlePerson, mine: BundlePerson | null, why: string) {
  const unitId = unitIdOf(scope, p.department);
  const fields = Object.fromEntries(PERSON_FIELDS.map((f) => [f, p[f]]));
  if (!mine) {
    const created = createPerson(ctx, { personNo: p.personNo, unitId, ...fields } as never);
    if (p.status === 'left')
      markPersonLeft(ctx, { id: created.id, leftDate: p.leftDate ?? isoToday(ctx.now()), reason: p.leftReason || why });
    return;
  }
  const id = personIdOf(ctx, p.personNo);
  const patch = Object.fromEntries(PERSON_FIELDS.filter((f) => mine[f] !== p[f]).map((f) => [f, p[f]]));
  if (Object.keys(patch).length) updatePerson(ctx, id, patch);
  if (mine.status === 'left' && p.status === 'active') reinstatePerson(ctx, { id, reason: why });
  if (mine.department !== p.department && p.status === 'active')
    movePerson(ctx, { id, toUnitId: unitId, moveDate: p.departmentSince ?? isoToday(ctx.now()), reason: why });
  if (mine.status === 'active' && p.status === 'left')
    markPersonLeft(ctx, { id, leftDate: p.leftDate ?? isoToday(ctx.now()), reason: p.leftReason || why });
}

/** New items in one batch (one year index, one statement), each keeping its id and audited. */
export function addEvidence(ctx: Ctx, items: readonly BundleEvidence[], why: string): void {
  if (!items.length) return;
  createEvidenceBatch(
    ctx,
    items.map((e) => evidenceInputOf({ ...e, personId: personIdOf(ctx, e.personNo) })),
    { ids: items.map((e) => e.id), reason: why },
  );
  for (const e of items) if (e.status === 'voided') voidEvidence(ctx, e.id, e.voidReason || why);
}

export function applyEvidence(ctx: Ctx, e: BundleEvidence, mine: BundleEvidence, why: string): void {
  const input = evidenceInputOf({ ...e, personId: personIdOf(ctx, e.personNo) });
  // A void is final on both sides: a bundle cannot bring a voided item back.
  if (mine.status === 'voided') return;
  const { status: _s, voidReason: _v, ...a } = mine;
  const { status: _s2, voidReason: _v2, ...b } = e;
  if (JSON.stringify(a) !== JSON.stringify(b)) updateEvidence(ctx, e.id, input);
  if (e.status === 'voided') voidEvidence(ctx, e.id, e.voidReason || why);
}

/** Files first, by hash, outside the transaction: an unreferenced file left by a rollback is harmless. */
export function storeAttachmentFiles(dataDir: string, files: Map<string, Buffer>): void {
  for (const [sha, data] of files) {
    const file = attachmentFile(dataDir, sha);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    commitTempFile(tmp, file);
  }
}

export function applyAttachment(ctx: Ctx, a: BundleAttachment, mine: BundleAttachment | null, why: string): void {
  if (mine) return; // a stored file never changes: its hash is its name
  ctx.db
    .prepare(
      `INSERT INTO evidence_attachment (id, evidence_id, doc_no, file_name, mime, size, sha256, status, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
    )
    .run(a.id, a.evidenceId, a.docNo, a.fileName, a.mime, a.size, a.sha256, stamp(ctx), ctx.operator.id);
  recordAudit(ctx, {
    action: 'evidence.attachment.add',
    entity: 'evidence',
    entityId: a.evidenceId,
    after: { attachmentId: a.id, docNo: a.docNo, fileName: a.fileName, mime: a.mime, size: a.size, sha256: a.sha256 },
    reason: why,
  });
}

export function applyRatings(ctx: Ctx, scope: ResolvedScope, rows: BundleRating[], bundleId: string): void {
  if (!rows.length) return;
  const periodOf = new Map(scope.periods.map((p) => [p.code, p.id]));
  saveRatingsBatch(
    ctx,
    rows.map((r) => ({
      periodId: periodOf.get(r.periodCode)!,
      personId: personIdOf(ctx, r.personNo),
      unitId: unitIdOf(scope, r.department),
      workRecord: r.workRecord,
      selfAssessment: r.selfAssessment,
      rating: r.rating,
      comment: r.comment,
      rater: r.rater,
    })),
    { source: `exchange:${bundleId}` },
  );
}

/** The office's verdict on a department and the period's 复核完成, as the office recorded them. */
export function applyReview(ctx: Ctx, scope: ResolvedScope, r: BundleReview, why: string): void {
  const period = scope.periods.find((p) => p.code === r.periodCode)!;
  const unitId = unitIdOf(scope, r.department);
  const before = one<{ status: string; note: string }>(
    ctx.db,
    'SELECT status, note FROM department_review WHERE period_id = ? AND unit_id = ?',
    period.id,
    unitId,
  );
  const at = nextStamp(ctx, null);
  ctx.db
    .prepare(
      `INSERT INTO department_review (id, period_id, unit_id, status, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id, unit_id) DO UPDATE SET status = excluded.status, note = excluded.note,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(newId(), period.id, unitId, r.status, r.note, at, ctx.operator.id);
  const markReviewed = r.periodReviewed && period.reviewStatus !== 'reviewed';
  if (markReviewed)
    ctx.db
      .prepare(`UPDATE period SET review_status = 'reviewed', reviewed_at = ?, reviewed_by = ? WHERE id = ?`)
      .run(at, ctx.operator.id, period.id);
  recordAudit(ctx, {
    action: 'exchange.review',
    entity: 'department_review',
    entityId: `${period.id}:${unitId}`,
    before: before ?? undefined,
    after: {
      period: period.code,
      department: r.department,
      status: r.status,
      note: r.note,
      periodReviewed: markReviewed,
    },
    reason: why,
  });
}

export function applyDecision(ctx: Ctx, scope: ResolvedScope, d: BundleDecision): void {
  decide(ctx, {
    yearId: scope.yearId,
    personId: personIdOf(ctx, d.personNo),
    outcome: d.outcome,
    grade: d.grade,
    reason: d.reason,
    approvalDocNo: d.approvalDocNo,
  });
}
