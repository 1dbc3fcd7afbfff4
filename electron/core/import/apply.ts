// Applies an analysed file in ONE transaction with its audit rows and an import_batch row: all rows
// (refused if any is bad) or, by explicit choice, only the clean rows. Cancel rolls everything back.
import { IMPORT_KIND_LABEL } from '../../../shared/import/columns';
import { ISSUE_LIST_CAP, type ImportResult } from '../../../shared/import/types';
import { AppError } from '../../../shared/result';
import { recordAudit, recordAuditBatch, type AuditEntryInput } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import { newId } from '../ids';
import { allIssues, cancelledError, type Analysis, type Progress } from './analyze';
import { summarize } from './preview';
import { rosterApplier } from './apply-roster';
import { saveImportedRatings } from './apply-ratings';
import { saveImportedEvidence } from './apply-evidence';
import { historyApplier } from './apply-history';
import { tallyApplier } from './apply-tally';
import type { RatingRecord } from './kind-ratings';
import type { EvidenceRecord } from './kind-evidence';
import type { PlannedRow } from './plan';

export type ApplyMode = 'all' | 'clean';

/**
 * Roster, history and tally rows are written row by row here (their owners have no batch service);
 * each row's audit entry is collected and the entries written in one pass after the rows.
 */
function rowApplier(ctx: Ctx, a: Analysis, audit: (e: AuditEntryInput) => void): ((record: unknown) => void) | null {
  switch (a.request.kind) {
    case 'roster':
      return rosterApplier(ctx, audit) as (r: unknown) => void;
    case 'history':
      return historyApplier(ctx, a.file.fileName, audit) as (r: unknown) => void;
    case 'tally':
      return tallyApplier(ctx, a.file.fileName, audit) as (r: unknown) => void;
    default:
      return null;
  }
}

export function applyAnalysis(ctx: Ctx, a: Analysis, mode: ApplyMode, p: Progress, expectedSha?: string): ImportResult {
  const label = IMPORT_KIND_LABEL[a.request.kind];
  if (expectedSha && expectedSha !== a.file.sha256)
    throw new AppError('CONFLICT', `“${a.file.fileName}”在预览之后被修改过，请重新预览后再导入。`);
  const issues = allIssues(a);
  const summary = summarize(a);
  if (mode === 'all' && issues.length)
    throw new AppError(
      'IMPORT_REJECTED',
      `“${a.file.fileName}”中有 ${issues.length} 处错误（${summary.errorRows} 行），未导入任何数据。请改正后重新导入，或明确选择“仅导入无误的行”。`,
      { cells: issues.slice(0, ISSUE_LIST_CAP), cellTotal: issues.length },
    );
  const base = {
    kind: a.request.kind,
    fileName: a.file.fileName,
    unchanged: summary.unchanged,
    skippedRows: summary.errorRows,
    capWarnings: [] as string[],
  };
  const prev = a.view.previousImport(a.request.kind, a.file.sha256);
  // Same content again: nothing changes, even if records were edited in the app since (an old file
  // must not undo later corrections).
  if (prev)
    return {
      ...base,
      batchId: null,
      added: 0,
      changed: 0,
      alreadyImportedAt: prev.applied_at,
      message: `该文件已于 ${prev.applied_at.slice(0, 16).replace('T', ' ')} 导入，没有新的变化。`,
    };
  const todo = a.rows.filter((r) => !r.issues.length && r.record && r.action !== 'unchanged');
  if (!todo.length) {
    if (mode === 'clean' && summary.cleanRows === 0)
      throw new AppError('IMPORT_REJECTED', `“${a.file.fileName}”中没有无误的行可以导入。`, {
        cells: issues.slice(0, ISSUE_LIST_CAP),
        cellTotal: issues.length,
      });
    return {
      ...base,
      batchId: null,
      added: 0,
      changed: 0,
      alreadyImportedAt: null,
      message: `${label}与库中一致，没有新的变化。`,
    };
  }
  const entries: AuditEntryInput[] = [];
  const apply = rowApplier(ctx, a, (e) => entries.push(e));
  const batchId = newId();
  const added = todo.filter((r) => r.action === 'add').length;
  const changed = todo.length - added;
  let capWarnings: string[] = [];
  writeTx(ctx, () => {
    p.progress(0, todo.length, '正在写入');
    if (apply)
      todo.forEach((r, i) => {
        if (i % 200 === 0) {
          // Throwing inside the transaction rolls back every row written so far: cancel leaves no trace.
          if (p.cancelled()) throw cancelledError();
          p.progress(i, todo.length, '正在写入');
        }
        apply(r.record);
      });
    // one pass: the chain's head read once and continued in memory, each entry naming its record
    if (entries.length) recordAuditBatch(ctx, entries);
    else if (a.request.kind === 'ratings')
      capWarnings = saveImportedRatings(
        ctx,
        todo.map((r) => r.record as RatingRecord),
        batchId,
      );
    else saveImportedEvidence(ctx, todo as PlannedRow<EvidenceRecord>[], `事件导入：${a.file.fileName}`);
    ctx.db
      .prepare(
        'INSERT INTO import_batch (id, kind, file_name, file_sha256, rows_applied, rows_skipped, applied_at, applied_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        batchId,
        a.request.kind,
        a.file.fileName,
        a.file.sha256,
        added + changed,
        summary.errorRows,
        stamp(ctx),
        ctx.operator.id,
      );
    recordAudit(ctx, {
      action: 'import.apply',
      entity: 'import_batch',
      entityId: batchId,
      after: {
        kind: a.request.kind,
        fileName: a.file.fileName,
        sha256: a.file.sha256,
        mode,
        added,
        changed,
        unchanged: summary.unchanged,
        skippedRows: summary.errorRows,
        template: a.meta,
      },
      reason: mode === 'clean' ? '仅导入无误的行' : '全部导入',
    });
    if (p.cancelled()) throw cancelledError();
  });
  p.progress(todo.length, todo.length, '导入完成');
  const skipped = summary.errorRows ? `，跳过有错误的 ${summary.errorRows} 行` : '';
  const over = capWarnings.length ? `。注意：${capWarnings.join('；')}` : '';
  return {
    ...base,
    capWarnings,
    batchId,
    added,
    changed,
    alreadyImportedAt: null,
    message: `${label}导入完成：新增 ${added} 条，修改 ${changed} 条，未变 ${summary.unchanged} 条${skipped}${over}。`,
  };
}
