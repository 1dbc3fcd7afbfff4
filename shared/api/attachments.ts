// Contract of 证明材料: scanned documents on an evidence item, named by 文号. A file is attached from
// a path the operator chose in the dialog, stored beside the store under its SHA-256, listed on the
// item and in the timeline, opened in the system's viewer from a checked copy, and removed (kept on
// disk, marked removed) with a reason. A decided year's items keep theirs.
import { z } from 'zod';
import { method } from './contract';
import { id } from '../domain/types';

const text = (max: number) => z.string().max(max);

export const attachmentView = z.object({
  id,
  evidenceId: id,
  docNo: text(200),
  fileName: text(255),
  mime: text(100),
  size: z.number().int(),
  sha256: text(64),
  status: z.enum(['active', 'removed']),
  createdAt: z.string(),
  createdBy: text(100),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const attachmentsMethods = {
  'evidence.attachments': method({
    summary: '事件的证明材料列表',
    permission: 'evidence.read',
    input: z.strictObject({ evidenceId: id, includeRemoved: z.boolean().default(false) }),
    output: z.array(attachmentView),
  }),
  'evidence.attach': method({
    summary: '为事件添加证明材料（PDF、JPG、PNG、OFD 扫描件）',
    permission: 'evidence.write',
    input: z.strictObject({
      evidenceId: id,
      path: z.string().min(1).max(1000),
      /** 文号; left empty, the item's own 文号 */
      docNo: z.string().trim().max(200).default(''),
    }),
    output: attachmentView,
  }),
  'evidence.removeAttachment': method({
    summary: '移除证明材料（保留文件与记录，须填写原因）',
    permission: 'evidence.write',
    input: z.strictObject({ id, reason: z.string().trim().min(1, '请填写移除原因').max(500) }),
    output: attachmentView,
  }),
  'evidence.openAttachment': method({
    summary: '用系统程序打开证明材料（核对校验值后打开副本）',
    permission: 'evidence.read',
    input: z.strictObject({ id }),
    output: z.object({ path: z.string() }),
  }),
};
