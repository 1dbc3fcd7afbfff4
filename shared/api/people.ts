// Contract of people who stay themselves (人员去重与合并): the roster's probable duplicates (the same
// 身份证号 on two records, or the same 姓名 + 性别 + 出生年月 under two 人员编号), what merging two
// records would move and what blocks it, the merge itself (a backup first, one audited transaction),
// and the clerk's judgement that a flagged pair are two different people.
import { z } from 'zod';
import { method } from './contract';
import { id } from '../domain/types';
import { personDto } from '../domain/records';

export const duplicateKind = z.enum(['idCard', 'identity']);
export type DuplicateKind = z.infer<typeof duplicateKind>;

export const duplicateGroupDto = z.object({
  kind: duplicateKind,
  /** what the people share, in words: “身份证号 110101********1234” or “张伟 · 男 · 1985-03” */
  label: z.string(),
  people: z.array(personDto),
});
export type DuplicateGroupDto = z.infer<typeof duplicateGroupDto>;

/** One record's share of a merge: how many rows of each kind move to the person kept. */
export const mergeCounts = z.object({
  ratings: z.number().int(),
  evidence: z.number().int(),
  history: z.number().int(),
  decisions: z.number().int(),
  moves: z.number().int(),
  other: z.number().int(),
});
export type MergeCounts = z.infer<typeof mergeCounts>;

/** A period or year both records hold differently: the clerk picks whose record stays. */
export const mergeChoiceKey = z
  .string()
  .regex(/^(rating|history):[A-Za-z0-9_.:-]{1,80}$/, '合并选择应为 rating:期间 或 history:年度');
export const mergeChoice = z.strictObject({ key: mergeChoiceKey, keep: z.enum(['kept', 'absorbed']) });
export type MergeChoice = z.infer<typeof mergeChoice>;

export const mergeConflictDto = z.object({
  key: z.string(),
  /** “2026Q1 平时考核”, “2024 年度往年等次” */
  subject: z.string(),
  kept: z.string(),
  absorbed: z.string(),
});
export type MergeConflictDto = z.infer<typeof mergeConflictDto>;

export const mergePreviewDto = z.object({
  kept: personDto,
  absorbed: personDto,
  /** rows of the absorbed record that move to the kept one */
  moving: mergeCounts,
  /** choices the clerk must make (differing ratings or history of the same period or year) */
  conflicts: z.array(mergeConflictDto),
  /** reasons the merge cannot be done at all, in Chinese (empty: it can) */
  blockers: z.array(z.string()),
});
export type MergePreviewDto = z.infer<typeof mergePreviewDto>;

const pair = z.strictObject({
  keptId: id,
  absorbedId: id,
});
const reason = z.string().trim().min(1, '请填写合并原因').max(200, '合并原因最多 200 个字');

export const peopleMethods = {
  'people.duplicates': method({
    summary: '疑似重复人员：同一身份证号的两条记录，或姓名、性别、出生年月相同而人员编号不同',
    permission: 'roster.read',
    input: z.strictObject({}),
    output: z.object({ groups: z.array(duplicateGroupDto) }),
  }),
  'people.mergePreview': method({
    summary: '合并两条人员记录前的检查：将转移的记录、需要选择的冲突、不能合并的原因',
    permission: 'roster.read',
    input: pair,
    output: mergePreviewDto,
  }),
  'people.merge': method({
    summary: '合并两条人员记录（先自动备份；保留一人，另一人的全部考核记录转入，审计留痕）',
    permission: 'roster.write',
    input: pair.extend({ reason, choices: z.array(mergeChoice).max(200).default([]) }),
    output: z.object({ kept: personDto, moved: mergeCounts, backup: z.string() }),
  }),
  'people.markDistinct': method({
    summary: '确认两条疑似重复的人员记录不是同一人（不再提示）',
    permission: 'roster.write',
    input: z.strictObject({
      personIds: z.tuple([id, id]),
      reason: z.string().trim().min(1, '请填写理由').max(200, '理由最多 200 个字'),
    }),
    output: z.object({ marked: z.literal(true) }),
  }),
};
