// Writes of evidence: record, record many (imports), edit and void with a reason. Nothing is ever
// deleted; every write is one transaction with its audit row, and a final year refuses changes.
import { evidenceInput, type EvidenceInput } from '../../../shared/evidence/fields';
import { evidenceColumns } from '../../../shared/evidence/storage';
import { AppError } from '../../../shared/result';
import type { EvidenceView } from '../../../shared/api/evidence';
import { isoToday } from '../../../shared/domain/dates';
import { EVIDENCE_FIELDS, tooLong } from '../../../shared/domain/fields';
import { recordAudit, recordAuditBatch, type AuditEntryInput } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import { newId } from '../ids';
import { zodIssuesToChinese, type FieldIssue } from '../api/zod-messages';
import { evidenceFields, toView, VIEW_SELECT, type EvidenceRow, type EvidenceViewRow } from './evidence-row';
import { personLeaveDays } from './leave-sql';
import { stmt } from '../db/statements';
import { YearIndex } from './year-index';
import { assertYearsOpen } from './year-lock';
import { unitsInScope } from '../auth/scope';
import { one } from '../db/query';

const INSERT = `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, status, void_reason, recorded_by, created_at, updated_at, updated_by)
  VALUES (@id, @person_id, @kind, @sub_kind, @date, @end_date, @days, @description, @doc_no, @details_json, 'active', NULL, @recorded_by, @created_at, @updated_at, @updated_by)`;

/** Validates a raw input (the API already parsed it; imports and tests may not have). */
export function parseEvidenceInput(raw: unknown, at = ''): EvidenceInput {
  const parsed = evidenceInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = zodIssuesToChinese(parsed.error.issues);
  throw new AppError(
    'INVALID_INPUT',
    `${at}事件信息有误：${issues.map((i) => `${fieldLabel(i.field)}：${i.message}`).join('；')}`,
    { issues },
  );
}

const FIELD_LABEL: Record<string, string> = {
  personId: '人员',
  kind: '类别',
  subKind: '细类',
  date: '日期',
  endDate: '截止日期',
  days: '天数',
  docNo: '文号',
  description: '说明',
  termYears: '留党察看期限',
  closingOutcome: '结案结果',
  linkedEvidenceId: '关联处分',
  otherUnit: '对方单位',
  hours: '学时',
  item: '负面清单事项',
  role: '岗位',
};
export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field;
}

function personUnit(ctx: Ctx, personId: string, field = 'personId', scope = unitsInScope(ctx)): string {
  const row = one<{ unit_id: string }>(ctx.db, 'SELECT unit_id FROM person WHERE id = ?', personId);
  if (!row)
    throw new AppError('NOT_FOUND', '找不到所选人员，可能已被删除。请重新选择人员。', {
      issues: [{ field, message: '人员不存在' }],
    });
  assertInScope(ctx, row.unit_id, scope);
  return row.unit_id;
}

/** 数据范围: a department rater records and changes evidence of their own departments only. */
function assertInScope(ctx: Ctx, unitId: string, scope = unitsInScope(ctx)): void {
  if (scope !== null && !scope.has(unitId)) {
    throw new AppError('FORBIDDEN', '该人员不在您负责的部门，无权录入或修改其事件。如需调整，请联系安全管理员。', {
      unitId,
    });
  }
}

function checkLink(ctx: Ctx, input: EvidenceInput): void {
  if (input.kind !== 'investigation' || input.linkedEvidenceId === null) return;
  const linked = one<{ person_id: string; kind: string }>(
    ctx.db,
    'SELECT person_id, kind FROM evidence WHERE id = ?',
    input.linkedEvidenceId,
  );
  if (
    !linked ||
    linked.person_id !== input.personId ||
    (linked.kind !== 'sanction' && linked.kind !== 'party_discipline')
  ) {
    const issue: FieldIssue = { field: 'linkedEvidenceId', message: '关联的应是同一人员的处分或党纪处分记录' };
    throw new AppError('INVALID_INPUT', `事件信息有误：关联处分：${issue.message}`, { issues: [issue] });
  }
}

function rowOf(ctx: Ctx, input: EvidenceInput, id: string, createdAt: string, recordedBy: string) {
  const c = evidenceColumns(input);
  return {
    id,
    person_id: input.personId,
    kind: c.kind,
    sub_kind: c.subKind,
    date: c.date,
    end_date: c.endDate,
    days: c.days,
    description: c.description,
    doc_no: c.docNo,
    details_json: JSON.stringify(c.details),
    recorded_by: recordedBy,
    created_at: createdAt,
    updated_at: stamp(ctx),
    updated_by: ctx.operator.displayName,
  };
}

/** The stored item with its person and computed facts. */
export function getEvidence(ctx: Pick<Ctx, 'db' | 'now'>, id: string, years = new YearIndex(ctx.db)): EvidenceView {
  const r = one<EvidenceViewRow>(ctx.db, `${VIEW_SELECT} WHERE e.id = ?`, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该事件记录，可能已被他人处理。请刷新列表。');
  const total = r.kind === 'leave' ? personLeaveDays(ctx.db, r.person_id, Number(r.date.slice(0, 4))) : null;
  return toView(r, years, isoToday(ctx.now()), total);
}

export function createEvidence(ctx: Ctx, raw: unknown): EvidenceView {
  const input = parseEvidenceInput(raw);
  const id = writeTx(ctx, () => {
    const years = new YearIndex(ctx.db);
    const unitId = personUnit(ctx, input.personId);
    const c = evidenceColumns(input);
    assertYearsOpen(ctx.db, years, unitId, c.date, c.endDate);
    checkLink(ctx, input);
    const row = rowOf(ctx, input, newId(ctx.now().getTime()), stamp(ctx), ctx.operator.displayName);
    stmt(ctx.db, INSERT).run(row);
    recordAudit(ctx, { action: 'evidence.create', entity: 'evidence', entityId: row.id, after: evidenceFields(row) });
    return row.id;
  });
  return getEvidence(ctx, id);
}

export interface BatchOptions {
  /** audit one entry per item (default) or one entry for the whole batch (large imports) */
  audit?: 'each' | 'batch';
  /** recorded on the batch's audit entry, e.g. the import batch id and file name */
  reason?: string;
  /** the ids items were recorded under on another workstation (an exchange bundle), by index */
  ids?: readonly string[];
}

/**
 * Records many items in ONE transaction: every item is validated first and nothing is written if
 * any fails (the error lists each bad item by its index). Returns the new ids in input order.
 */
export function createEvidenceBatch(ctx: Ctx, raws: readonly unknown[], options: BatchOptions = {}): string[] {
  const issues: (FieldIssue & { index: number })[] = [];
  const inputs: EvidenceInput[] = [];
  raws.forEach((raw, index) => {
    const parsed = evidenceInput.safeParse(raw);
    if (parsed.success) inputs.push(parsed.data);
    else for (const i of zodIssuesToChinese(parsed.error.issues)) issues.push({ ...i, index });
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new AppError(
      'INVALID_INPUT',
      `共 ${issues.length} 处事件信息有误，未写入任何记录。第 ${first.index + 1} 条：${fieldLabel(first.field)}：${first.message}`,
      { issues: issues.slice(0, 1000) },
    );
  }
  return insertEvidence(ctx, inputs, options);
}

/**
 * Writes items already validated by the evidence schema (an import parsed each row with it at
 * preview: parsed once, not again here), with the year locks and scope checked per item and the
 * audit entries of the batch written in one pass, one per item.
 */
export function insertEvidence(ctx: Ctx, inputs: readonly EvidenceInput[], options: BatchOptions = {}): string[] {
  return writeTx(ctx, () => {
    const years = new YearIndex(ctx.db);
    const unitOf = new Map<string, string>();
    const scope = unitsInScope(ctx);
    const at = stamp(ctx);
    const ids: string[] = [];
    const audits: AuditEntryInput[] = [];
    const insert = stmt(ctx.db, INSERT);
    inputs.forEach((input, index) => {
      let unitId = unitOf.get(input.personId);
      if (unitId === undefined) {
        try {
          unitId = personUnit(ctx, input.personId, 'personId', scope);
        } catch (e) {
          throw e instanceof AppError
            ? new AppError(e.code, `第 ${index + 1} 条：${e.message}`, {
                issues: [{ index, field: 'personId', message: '人员不存在' }],
              })
            : e;
        }
        unitOf.set(input.personId, unitId);
      }
      const c = evidenceColumns(input);
      assertYearsOpen(ctx.db, years, unitId, c.date, c.endDate);
      checkLink(ctx, input);
      const row = rowOf(ctx, input, options.ids?.[index] ?? newId(ctx.now().getTime()), at, ctx.operator.displayName);
      insert.run(row);
      if (options.audit !== 'batch')
        audits.push({
          action: 'evidence.create',
          entity: 'evidence',
          entityId: row.id,
          after: evidenceFields(row),
          reason: options.reason,
        });
      ids.push(row.id);
    });
    recordAuditBatch(ctx, audits);
    if (options.audit === 'batch' && ids.length > 0) {
      recordAudit(ctx, {
        action: 'evidence.create_batch',
        entity: 'evidence',
        entityId: ids[0],
        after: { count: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] },
        reason: options.reason,
      });
    }
    return ids;
  });
}

function loadRow(ctx: Ctx, id: string): EvidenceRow & { unit_id: string } {
  const r = one<EvidenceRow & { unit_id: string }>(
    ctx.db,
    'SELECT e.*, p.unit_id FROM evidence e JOIN person p ON p.id = e.person_id WHERE e.id = ?',
    id,
  );
  if (!r) throw new AppError('NOT_FOUND', '找不到该事件记录，可能已被他人处理。请刷新列表。');
  return r;
}

export interface UpdateOptions {
  /** the updatedAt the editor started from; a different stored value means someone else changed it */
  expectedUpdatedAt?: string;
}

export function updateEvidence(ctx: Ctx, id: string, raw: unknown, options: UpdateOptions = {}): EvidenceView {
  const input = parseEvidenceInput(raw);
  writeTx(ctx, () => {
    const years = new YearIndex(ctx.db);
    const before = loadRow(ctx, id);
    if (before.status === 'voided')
      throw new AppError('CONFLICT', '该事件已作废，不能再修改。如需更正，请重新记录一条。');
    if (options.expectedUpdatedAt !== undefined && options.expectedUpdatedAt !== before.updated_at) {
      throw new AppError('CONFLICT', '该事件在您编辑期间已被他人修改。请关闭后刷新，再重新修改。');
    }
    assertInScope(ctx, before.unit_id);
    assertYearsOpen(ctx.db, years, before.unit_id, before.date, before.end_date);
    const unitId = input.personId === before.person_id ? before.unit_id : personUnit(ctx, input.personId);
    const c = evidenceColumns(input);
    assertYearsOpen(ctx.db, years, unitId, c.date, c.endDate);
    checkLink(ctx, input);
    const row = rowOf(ctx, input, id, before.created_at, before.recorded_by);
    const { recorded_by: _r, created_at: _c, ...changes } = row;
    stmt(
      ctx.db,
      `UPDATE evidence SET person_id=@person_id, kind=@kind, sub_kind=@sub_kind, date=@date, end_date=@end_date, days=@days, description=@description,
        doc_no=@doc_no, details_json=@details_json, updated_at=@updated_at, updated_by=@updated_by WHERE id=@id`,
    ).run(changes);
    recordAudit(ctx, {
      action: 'evidence.update',
      entity: 'evidence',
      entityId: id,
      before: evidenceFields(before),
      after: evidenceFields(row),
    });
  });
  return getEvidence(ctx, id);
}

/** Voids an item: it stays in the store and on screen (struck through); the rules ignore it. */
export function voidEvidence(ctx: Ctx, id: string, reason: string): EvidenceView {
  const why = reason.trim();
  if (!why)
    throw new AppError('INVALID_INPUT', '请填写作废原因。', {
      issues: [{ field: 'reason', message: '请填写作废原因' }],
    });
  if (why.length > EVIDENCE_FIELDS.voidReason.max)
    throw new AppError('INVALID_INPUT', `${tooLong(EVIDENCE_FIELDS.voidReason)}。`, {
      issues: [{ field: 'reason', message: tooLong(EVIDENCE_FIELDS.voidReason) }],
    });
  writeTx(ctx, () => {
    const years = new YearIndex(ctx.db);
    const before = loadRow(ctx, id);
    if (before.status === 'voided') throw new AppError('CONFLICT', '该事件已经作废。');
    assertInScope(ctx, before.unit_id);
    assertYearsOpen(ctx.db, years, before.unit_id, before.date, before.end_date);
    stmt(
      ctx.db,
      "UPDATE evidence SET status='voided', void_reason=@reason, updated_at=@at, updated_by=@by WHERE id=@id",
    ).run({
      id,
      reason: why,
      at: stamp(ctx),
      by: ctx.operator.displayName,
    });
    recordAudit(ctx, {
      action: 'evidence.void',
      entity: 'evidence',
      entityId: id,
      before: evidenceFields(before),
      after: evidenceFields({ ...before, status: 'voided', void_reason: why }),
      reason: why,
    });
  });
  return getEvidence(ctx, id);
}
