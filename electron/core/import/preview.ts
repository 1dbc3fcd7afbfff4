// Turns an analysis into what the clerk reviews: counts, the bad cells (capped list + total) and
// per-person changes, plus whether the same file was applied before.
import { CHANGE_LIST_CAP, ISSUE_LIST_CAP, type ImportPreview, type ImportSummary } from '../../../shared/import/types';
import { allIssues, type Analysis } from './analyze';
import { capImpactOf } from './cap-impact';
import type { RatingRecord } from './kind-ratings';

export function summarize(a: Analysis): ImportSummary {
  let errorRows = 0;
  let add = 0;
  let change = 0;
  let unchanged = 0;
  const people = new Set<string>();
  for (const r of a.rows) {
    if (r.issues.length) errorRows++;
    else if (r.action === 'add') add++;
    else if (r.action === 'change') change++;
    else if (r.action === 'unchanged') unchanged++;
    if (r.personNo) people.add(r.personNo);
  }
  return {
    dataRows: a.rows.length,
    errorRows,
    cleanRows: a.rows.length - errorRows,
    add,
    change,
    unchanged,
    people: people.size,
  };
}

export function buildPreview(a: Analysis, previewId: string): ImportPreview {
  const issues = allIssues(a);
  const changes = a.rows
    .filter((r) => !r.issues.length && r.action)
    // Changes first, then additions, unchanged last: what the clerk most needs to check on top.
    .sort((x, y) => rank(x.action) - rank(y.action) || x.personNo.localeCompare(y.personNo) || x.row - y.row)
    .map((r) => ({
      sheet: r.sheet,
      row: r.row,
      personNo: r.personNo,
      name: r.name,
      action: r.action!,
      subject: r.subject,
      fields: r.fields,
    }));
  const prev = a.view.previousImport(a.request.kind, a.file.sha256);
  const cap =
    a.request.kind === 'ratings' && !prev ? capImpactOf(a.view.db, pendingRatings(a)) : { messages: [], blocks: false };
  return {
    previewId,
    kind: a.request.kind,
    fileName: a.file.fileName,
    sha256: a.file.sha256,
    sheets: a.sheets,
    template: a.meta,
    summary: summarize(a),
    issues: issues.slice(0, ISSUE_LIST_CAP),
    issueTotal: issues.length,
    changes: changes.slice(0, CHANGE_LIST_CAP),
    changeTotal: changes.length,
    duplicates: a.rows.flatMap((r) => (r.issues.length ? [] : (r.duplicates ?? []))).slice(0, ISSUE_LIST_CAP),
    alreadyImportedAt: prev?.applied_at ?? null,
    capWarnings: cap.messages,
    capBlocks: cap.blocks,
  };
}

/** The rating rows an apply would write (clean, not unchanged). */
export function pendingRatings(a: Analysis): RatingRecord[] {
  return a.rows
    .filter((r) => !r.issues.length && r.record && r.action !== 'unchanged')
    .map((r) => r.record as RatingRecord);
}

function rank(a: string | null): number {
  return a === 'change' ? 0 : a === 'add' ? 1 : 2;
}
