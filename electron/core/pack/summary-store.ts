// The personal-summary drafts: read, save (the clerk's edit) and regenerate (from the records),
// each write audited in its own transaction; a draft that does not fit the form's box is refused.
import { z } from 'zod';
import { textSource } from '../../../shared/sheets/model';
import type { PackData, PackPerson, SummarySentence } from '../../../shared/sheets/pack-data';
import { summaryBoxFor } from '../../../shared/sheets/registration-form';
import { draftSummary, summaryFits, summaryText } from '../../../shared/summary/draft';
import { linesFor, linesInHeight } from '../../../shared/sheets/text-fit';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';

export const summarySentence = z.object({ text: z.string().trim().min(1).max(500), source: textSource.nullable() });

interface DraftRow {
  id: string;
  person_id: string;
  sentences_json: string;
  edited: number;
  updated_at: string;
}

export function summaryDraftsOf(db: Db, yearId: string): Map<string, SummarySentence[]> {
  const rows = db
    .prepare('SELECT person_id, sentences_json FROM pack_summary_draft WHERE year_id = ?')
    .all(yearId) as Pick<DraftRow, 'person_id' | 'sentences_json'>[];
  return new Map(rows.map((r) => [r.person_id, JSON.parse(r.sentences_json) as SummarySentence[]]));
}

function draftRow(db: Db, yearId: string, personId: string): DraftRow | undefined {
  return db
    .prepare(
      'SELECT id, person_id, sentences_json, edited, updated_at FROM pack_summary_draft WHERE year_id = ? AND person_id = ?',
    )
    .get(yearId, personId) as DraftRow | undefined;
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
): SummaryDraftView {
  const box = summaryBoxFor(p, data, data.formOptions);
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

export function getSummaryDraft(ctx: Ctx, data: PackData, personId: string): SummaryDraftView {
  const p = personOf(data, personId);
  const row = draftRow(ctx.db, data.year.id, personId);
  // a decided year shows the summary kept with it (drafted then if never edited)
  const kept = decided(data) ? p.summary : null;
  const sentences =
    kept ??
    (row
      ? (JSON.parse(row.sentences_json) as SummarySentence[])
      : draftSummary({ ...p, summary: null }, data.periods, data.year.year, summaryBoxFor(p, data, data.formOptions)));
  return view(data, p, sentences, row);
}

function decided(data: PackData): boolean {
  return data.year.stage === 'final' || data.year.stage === 'archived';
}

/** Summaries are locked with the year (the store's triggers refuse too). */
function assertOpen(data: PackData): void {
  if (decided(data))
    throw new AppError(
      'LOCKED',
      `${data.year.year} 年度考核已定档，个人总结随年度锁定，不能再修改或重新生成（重印以定档时为准）。`,
      { stage: data.year.stage },
    );
}

function store(
  ctx: Ctx,
  data: PackData,
  p: PackPerson,
  sentences: SummarySentence[],
  edited: boolean,
  action: 'pack.summary.save' | 'pack.summary.regenerate',
): SummaryDraftView {
  assertOpen(data);
  const box = summaryBoxFor(p, data, data.formOptions);
  if (!summaryFits(sentences, box)) {
    const over =
      linesFor(summaryText(sentences), box.widthPt, box.fontSize) - linesInHeight(box.heightPt, box.fontSize);
    throw new AppError('INVALID_INPUT', `个人总结超出登记表“个人总结”方框约 ${over} 行，请删减后再保存。`, {
      field: 'sentences',
      overLines: over,
    });
  }
  return writeTx(ctx, () => {
    const before = draftRow(ctx.db, data.year.id, p.id);
    const now = stamp(ctx);
    const json = JSON.stringify(sentences);
    const id = before?.id ?? newId();
    if (before) {
      ctx.db
        .prepare(
          'UPDATE pack_summary_draft SET sentences_json = ?, edited = ?, updated_at = ?, updated_by = ? WHERE id = ?',
        )
        .run(json, edited ? 1 : 0, now, ctx.operator.id, id);
    } else {
      ctx.db
        .prepare(
          'INSERT INTO pack_summary_draft (id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, data.year.id, p.id, json, edited ? 1 : 0, now, now, ctx.operator.id);
    }
    recordAudit(ctx, {
      action,
      entity: 'pack_summary_draft',
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
    return view(data, p, sentences, draftRow(ctx.db, data.year.id, p.id));
  });
}

export function saveSummaryDraft(
  ctx: Ctx,
  data: PackData,
  personId: string,
  sentences: SummarySentence[],
  expectedUpdatedAt: string | null,
): SummaryDraftView {
  assertOpen(data);
  const p = personOf(data, personId);
  const row = draftRow(ctx.db, data.year.id, personId);
  if ((row?.updated_at ?? null) !== expectedUpdatedAt) {
    throw new AppError('CONFLICT', '该人员的个人总结已被他人修改，请刷新后再编辑。');
  }
  return store(ctx, data, p, sentences, true, 'pack.summary.save');
}

export function regenerateSummaryDraft(ctx: Ctx, data: PackData, personId: string): SummaryDraftView {
  assertOpen(data);
  const p = personOf(data, personId);
  const sentences = draftSummary(
    { ...p, summary: null },
    data.periods,
    data.year.year,
    summaryBoxFor(p, data, data.formOptions),
  );
  return store(ctx, data, p, sentences, false, 'pack.summary.regenerate');
}
