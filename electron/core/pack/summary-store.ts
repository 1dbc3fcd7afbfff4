// The drafted boxes of the registration form — the personal summary (个人总结, from the work records)
// and the supervisor's comment (主管领导评语, from the quarterly comments): read, save (the clerk's
// edit) and regenerate (from the records), each write audited in its own transaction; a draft that
// does not fit its box is refused; both are locked with a decided year.
import { z } from 'zod';
import { textSource } from '../../../shared/sheets/model';
import type { PackData, PackPerson, SummarySentence } from '../../../shared/sheets/pack-data';
import { summaryBoxFor, supervisorBoxFor } from '../../../shared/sheets/registration-form';
import { draftSummary, summaryFits, summaryText, type SummaryBox } from '../../../shared/sheets/summary/draft';
import { draftSupervisorComment } from '../../../shared/sheets/summary/supervisor-draft';
import { linesFor, linesInHeight } from '../../../shared/sheets/text-fit';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { many, one } from '../db/query';

export const summarySentence = z.object({ text: z.string().trim().min(1).max(500), source: textSource.nullable() });

/** One drafted box: where its drafts live, how it is drafted, what it is called. */
interface DraftBox {
  table: 'pack_summary_draft' | 'pack_comment_draft';
  name: string;
  boxFor(p: PackPerson, data: PackData): SummaryBox;
  draft(p: PackPerson, data: PackData): SummarySentence[];
  /** the copy kept with a decided year (absent from copies frozen before the box existed) */
  kept(p: PackPerson): SummarySentence[] | null | undefined;
  /** the audit actions of an edit and of a regeneration (written as `action:` so the label test finds them) */
  audit: { save: { action: AuditAction }; regenerate: { action: AuditAction } };
}
type AuditAction = 'pack.summary.save' | 'pack.summary.regenerate' | 'pack.comment.save' | 'pack.comment.regenerate';

export const SUMMARY_BOX: DraftBox = {
  table: 'pack_summary_draft',
  name: '个人总结',
  boxFor: (p, data) => summaryBoxFor(p, data, data.formOptions),
  draft: (p, data) =>
    draftSummary({ ...p, summary: null }, data.periods, data.year.year, summaryBoxFor(p, data, data.formOptions)),
  kept: (p) => p.summary,
  audit: { save: { action: 'pack.summary.save' }, regenerate: { action: 'pack.summary.regenerate' } },
};

export const SUPERVISOR_BOX: DraftBox = {
  table: 'pack_comment_draft',
  name: '主管领导评语',
  boxFor: () => supervisorBoxFor(),
  draft: (p, data) => draftSupervisorComment(p, data.periods, supervisorBoxFor()),
  kept: (p) => p.supervisorComment,
  audit: { save: { action: 'pack.comment.save' }, regenerate: { action: 'pack.comment.regenerate' } },
};

interface DraftRow {
  id: string;
  person_id: string;
  sentences_json: string;
  edited: number;
  updated_at: string;
}

export function summaryDraftsOf(db: Db, yearId: string, box: DraftBox = SUMMARY_BOX): Map<string, SummarySentence[]> {
  const rows = many<Pick<DraftRow, 'person_id' | 'sentences_json'>>(
    db,
    `SELECT person_id, sentences_json FROM ${box.table} WHERE year_id = ?`,
    yearId,
  );
  return new Map(rows.map((r) => [r.person_id, JSON.parse(r.sentences_json) as SummarySentence[]]));
}

function draftRow(db: Db, yearId: string, personId: string, box: DraftBox): DraftRow | undefined {
  return one<DraftRow>(
    db,
    `SELECT id, person_id, sentences_json, edited, updated_at FROM ${box.table} WHERE year_id = ? AND person_id = ?`,
    yearId,
    personId,
  );
}

export interface SummaryDraftView {
  personId: string;
  sentences: SummarySentence[];
  /** stored (saved or regenerated) rather than drafted on the fly */
  stored: boolean;
  edited: boolean;
  updatedAt: string | null;
  /** lines used / available in the form's box */
  lines: number;
  maxLines: number;
}

function personOf(data: PackData, personId: string): PackPerson {
  const p = data.persons.find((x) => x.id === personId);
  if (!p) throw new AppError('NOT_FOUND', '该人员不在本考核年度的名单中，请刷新后重新选择。');
  return p;
}

function view(
  data: PackData,
  p: PackPerson,
  sentences: SummarySentence[],
  row: DraftRow | undefined,
  kind: DraftBox,
): SummaryDraftView {
  const box = kind.boxFor(p, data);
  return {
    personId: p.id,
    sentences,
    stored: !!row,
    edited: row?.edited === 1,
    updatedAt: row?.updated_at ?? null,
    lines: sentences.length ? linesFor(summaryText(sentences), box.widthPt, box.fontSize) : 0,
    maxLines: linesInHeight(box.heightPt, box.fontSize),
  };
}

export function getSummaryDraft(
  ctx: Ctx,
  data: PackData,
  personId: string,
  box: DraftBox = SUMMARY_BOX,
): SummaryDraftView {
  const p = personOf(data, personId);
  const row = draftRow(ctx.db, data.year.id, personId, box);
  // a decided year shows the text kept with it (drafted then if never edited)
  const kept = decided(data) ? box.kept(p) : null;
  const sentences = kept ?? (row ? (JSON.parse(row.sentences_json) as SummarySentence[]) : box.draft(p, data));
  return view(data, p, sentences, row, box);
}

function decided(data: PackData): boolean {
  return data.year.stage === 'final' || data.year.stage === 'archived';
}

/** Summaries and comments are locked with the year (the store's triggers refuse too). */
function assertOpen(data: PackData, box: DraftBox): void {
  if (decided(data))
    throw new AppError(
      'LOCKED',
      `${data.year.year} 年度考核已定档，${box.name}随年度锁定，不能再修改或重新生成（重印以定档时为准）。`,
      { stage: data.year.stage },
    );
}

function store(
  ctx: Ctx,
  data: PackData,
  p: PackPerson,
  sentences: SummarySentence[],
  edited: boolean,
  kind: DraftBox,
): SummaryDraftView {
  assertOpen(data, kind);
  const { action } = edited ? kind.audit.save : kind.audit.regenerate;
  const box = kind.boxFor(p, data);
  if (!summaryFits(sentences, box)) {
    const over =
      linesFor(summaryText(sentences), box.widthPt, box.fontSize) - linesInHeight(box.heightPt, box.fontSize);
    throw new AppError('INVALID_INPUT', `${kind.name}超出登记表“${kind.name}”方框约 ${over} 行，请删减后再保存。`, {
      field: 'sentences',
      overLines: over,
    });
  }
  return writeTx(ctx, () => {
    const before = draftRow(ctx.db, data.year.id, p.id, kind);
    const now = stamp(ctx);
    const json = JSON.stringify(sentences);
    const id = before?.id ?? newId();
    if (before) {
      ctx.db
        .prepare(`UPDATE ${kind.table} SET sentences_json = ?, edited = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
        .run(json, edited ? 1 : 0, now, ctx.operator.id, id);
    } else {
      ctx.db
        .prepare(
          `INSERT INTO ${kind.table} (id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, data.year.id, p.id, json, edited ? 1 : 0, now, now, ctx.operator.id);
    }
    recordAudit(ctx, {
      action,
      entity: kind.table,
      entityId: id,
      before: before
        ? {
            personId: p.id,
            text: summaryText(JSON.parse(before.sentences_json) as SummarySentence[]),
            edited: before.edited === 1,
          }
        : undefined,
      after: { personId: p.id, yearId: data.year.id, text: summaryText(sentences), edited },
    });
    return view(data, p, sentences, draftRow(ctx.db, data.year.id, p.id, kind), kind);
  });
}

export function saveSummaryDraft(
  ctx: Ctx,
  data: PackData,
  personId: string,
  sentences: SummarySentence[],
  expectedUpdatedAt: string | null,
  box: DraftBox = SUMMARY_BOX,
): SummaryDraftView {
  assertOpen(data, box);
  const p = personOf(data, personId);
  const row = draftRow(ctx.db, data.year.id, personId, box);
  if ((row?.updated_at ?? null) !== expectedUpdatedAt) {
    throw new AppError('CONFLICT', `该人员的${box.name}已被他人修改，请刷新后再编辑。`);
  }
  return store(ctx, data, p, sentences, true, box);
}

export function regenerateSummaryDraft(
  ctx: Ctx,
  data: PackData,
  personId: string,
  box: DraftBox = SUMMARY_BOX,
): SummaryDraftView {
  assertOpen(data, box);
  const p = personOf(data, personId);
  return store(ctx, data, p, box.draft(p, data), false, box);
}
