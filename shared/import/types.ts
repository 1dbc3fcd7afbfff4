// What an import reports, shared by the worker, the contract and the renderer: bad cells named by
// sheet, Excel row number and column, and per-person changes for the preview.
import { z } from 'zod';
import { IMPORT_KINDS } from './columns';

export const importKind = z.enum(IMPORT_KINDS);

export const importIssue = z.object({
  sheet: z.string(),
  /** the Excel row number as the person sees it (1-based); 0 for a problem of the whole file */
  row: z.number().int(),
  /** column letter (e.g. "C"), '' for a problem of the whole row or file */
  column: z.string(),
  header: z.string(),
  value: z.string(),
  problem: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const fieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof fieldChange>;

export const rowChange = z.object({
  sheet: z.string(),
  row: z.number().int(),
  personNo: z.string(),
  name: z.string(),
  action: z.enum(['add', 'change', 'unchanged']),
  /** what the row is about: "新人员", "2026Q1 平时考核", "病假 2026-03-01", "2024 年度" */
  subject: z.string(),
  fields: z.array(fieldChange),
});
export type RowChange = z.infer<typeof rowChange>;

/** A row that looks like someone already known under another 人员编号 (same 姓名 + 性别 + 出生年月). */
export const probableDuplicate = z.object({
  sheet: z.string(),
  row: z.number().int(),
  personNo: z.string(),
  name: z.string(),
  otherPersonNo: z.string(),
  otherName: z.string(),
  /** the other record's department path, or the row of this file it sits in */
  otherWhere: z.string(),
  problem: z.string(),
});
export type ProbableDuplicate = z.infer<typeof probableDuplicate>;

export const importSummary = z.object({
  /** rows that carried data (blank rows and untouched template rows are not counted) */
  dataRows: z.number().int(),
  errorRows: z.number().int(),
  cleanRows: z.number().int(),
  add: z.number().int(),
  change: z.number().int(),
  unchanged: z.number().int(),
  people: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const templateMetaDto = z.object({
  kind: importKind,
  version: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  periodId: z.string().nullable(),
  periodCode: z.string().nullable(),
});
export type TemplateMetaDto = z.infer<typeof templateMetaDto>;

export const ISSUE_LIST_CAP = 500;
export const CHANGE_LIST_CAP = 2000;

export const importPreview = z.object({
  previewId: z.string(),
  kind: importKind,
  fileName: z.string(),
  sha256: z.string(),
  sheets: z.array(z.string()),
  template: templateMetaDto.nullable(),
  summary: importSummary,
  issues: z.array(importIssue),
  issueTotal: z.number().int(),
  changes: z.array(rowChange),
  changeTotal: z.number().int(),
  /** roster imports: rows that may be a second record of someone (shown as conflicts, not errors) */
  duplicates: z.array(probableDuplicate).default([]),
  /** set when the same file (same content) was applied before: nothing will change */
  alreadyImportedAt: z.string().nullable(),
  /** ratings: each department (or the agency) the file pushes over the cap on 好, in the engine's words */
  capWarnings: z.array(z.string()),
  /** the year's settings refuse ratings over the cap: applying this file will be refused */
  capBlocks: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  kind: importKind,
  fileName: z.string(),
  batchId: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  skippedRows: z.number().int(),
  alreadyImportedAt: z.string().nullable(),
  message: z.string(),
  /** ratings: the scopes now over the cap on 好 because of this file */
  capWarnings: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResult>;
