// What an exchange bundle's import preview says: each record new, unchanged, changed, in conflict
// (for the clerk to choose) or refused (with the reason), and the bundle's facts from its manifest.
import { z } from 'zod';
import { bundleDirection, PART_NAMES } from './bundle';

export const itemStatus = z.enum(['new', 'unchanged', 'changed', 'conflict', 'refused']);
export type ItemStatus = z.infer<typeof itemStatus>;
export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = {
  new: '新增',
  unchanged: '未变',
  changed: '修改',
  conflict: '冲突',
  refused: '不能导入',
};

/** both_rated: the same record differs and was never exchanged; both_edited: both sides changed it since. */
export const conflictKind = z.enum(['both_rated', 'both_edited']);
export type ConflictKind = z.infer<typeof conflictKind>;
export const CONFLICT_KIND_LABEL: Record<ConflictKind, string> = {
  both_rated: '双方记录不同',
  both_edited: '自上次交换后双方都修改过',
};

export const conflictChoice = z.enum(['theirs', 'mine']);
export type ConflictChoice = z.infer<typeof conflictChoice>;
export const CHOICE_LABEL: Record<ConflictChoice, string> = { theirs: '采用交换包的', mine: '保留本机的' };

export const previewItem = z.object({
  key: z.string(),
  part: z.enum(PART_NAMES),
  status: itemStatus,
  /** who and what, in words: 张三（1001） 2026Q1 */
  label: z.string(),
  mine: z.string(),
  theirs: z.string(),
  conflict: conflictKind.nullable(),
  message: z.string(),
});
export type PreviewItem = z.infer<typeof previewItem>;

const counts = z.object({
  new: z.number().int(),
  unchanged: z.number().int(),
  changed: z.number().int(),
  conflict: z.number().int(),
  refused: z.number().int(),
});
export type StatusCounts = z.infer<typeof counts>;

export const bundleFacts = z.object({
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  bundleId: z.string(),
  direction: bundleDirection,
  senderId: z.string(),
  senderLabel: z.string(),
  unitLabel: z.string(),
  year: z.number().int(),
  periods: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  appVersion: z.string(),
  formatVersion: z.number().int(),
  /** a note when an older layout was upgraded on reading */
  upgradedFrom: z.number().int().nullable(),
});
export type BundleFacts = z.infer<typeof bundleFacts>;

export const exchangePreview = z.object({
  previewId: z.string(),
  bundle: bundleFacts,
  alreadyImportedAt: z.string().nullable(),
  counts,
  byPart: z.array(z.object({ part: z.enum(PART_NAMES), counts })),
  /** every item that is not unchanged (capped), conflicts first */
  items: z.array(previewItem),
  itemsTotal: z.number().int(),
  message: z.string(),
});
export type ExchangePreview = z.infer<typeof exchangePreview>;

export const exchangeResult = z.object({
  bundleId: z.string(),
  applied: z.boolean(),
  counts,
  choices: z.object({ theirs: z.number().int(), mine: z.number().int() }),
  message: z.string(),
});
export type ExchangeResult = z.infer<typeof exchangeResult>;

export const ITEM_LIST_CAP = 2000;
