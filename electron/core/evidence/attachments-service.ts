// 证明材料 on an evidence item: attach a chosen scan (checked, stored under its hash, the hash in the
// audit entry), list, remove with a reason (the row is marked removed and the file kept: backups and
// bundles may still name it), and open a checked copy in the system's viewer. The item's year must be
// open for attach and remove, as for any change to the item; a voided item takes no new material.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentView } from '../../../shared/api/attachments';
import { ATTACHMENT_TYPES, sniffAttachment, typeOfMime } from '../../../shared/evidence/attachment-rules';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { assertUnitInScope } from '../auth/scope';
import { stamp, writeTx, type Ctx } from '../context';
import type { EvidenceAttachmentRow } from '../db/rows';
import { stmt } from '../db/statements';
import type { DesktopBridge } from '../desktop';
import { newId } from '../ids';
import { checkAttachmentFile, readStoredAttachment, storeAttachmentBytes } from './attachment-file';
import { attachmentFile } from './attachments-repo';
import { YearIndex } from './year-index';
import { assertYearsOpen } from './year-lock';
import { many, one } from '../db/query';

/** Copies opened in the viewer live here, named by 文号 and the type's own extension. */
export const OPENED_DIR = 'opened';

interface ItemRow {
  id: string;
  date: string;
  end_date: string | null;
  status: 'active' | 'voided';
  doc_no: string | null;
  unit_id: string;
}

/** the stored row, as generated from the migrations */
type AttachmentRow = EvidenceAttachmentRow;

const view = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  evidenceId: r.evidence_id,
  docNo: r.doc_no,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  status: r.status,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

function itemOf(ctx: Ctx, evidenceId: string): ItemRow {
  const r = one<ItemRow>(
    ctx.db,
    'SELECT e.id, e.date, e.end_date, e.status, e.doc_no, p.unit_id FROM evidence e JOIN person p ON p.id = e.person_id WHERE e.id = ?',
    evidenceId,
  );
  if (!r) throw new AppError('NOT_FOUND', '找不到该事件记录，可能已被他人处理。请刷新后重试。');
  assertUnitInScope(ctx, r.unit_id);
  return r;
}

function rowOf(ctx: Ctx, id: string): AttachmentRow {
  const r = one<AttachmentRow>(ctx.db, 'SELECT * FROM evidence_attachment WHERE id = ?', id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该证明材料，可能已被移除。请刷新后重试。');
  return r;
}

const writable = (ctx: Ctx, item: ItemRow) =>
  assertYearsOpen(ctx.db, new YearIndex(ctx.db), item.unit_id, item.date, item.end_date);

export function listAttachments(ctx: Ctx, evidenceId: string, includeRemoved = false): AttachmentView[] {
  itemOf(ctx, evidenceId);
  return many<AttachmentRow>(
    ctx.db,
    `SELECT * FROM evidence_attachment WHERE evidence_id = ? AND (? OR status = 'active') ORDER BY created_at, id`,
    evidenceId,
    includeRemoved ? 1 : 0,
  ).map(view);
}

export async function attachFile(
  ctx: Ctx,
  input: { evidenceId: string; path: string; docNo: string },
): Promise<AttachmentView> {
  // Everything that can refuse is checked before a byte is written.
  const item = itemOf(ctx, input.evidenceId);
  if (item.status === 'voided')
    throw new AppError('LOCKED', '该事件已作废，不能再添加证明材料。如材料属于另一条记录，请在那条记录上添加。');
  writable(ctx, item);
  const file = await checkAttachmentFile(input.path);
  const same = one<{ doc_no: string }>(
    ctx.db,
    "SELECT doc_no FROM evidence_attachment WHERE evidence_id = ? AND sha256 = ? AND status = 'active'",
    item.id,
    file.sha256,
  );
  if (same)
    throw new AppError(
      'CONFLICT',
      `“${file.fileName}”已是该事件的证明材料${same.doc_no ? `（文号 ${same.doc_no}）` : ''}，无需重复添加。`,
    );
  const docNo = input.docNo || item.doc_no || '';
  const wrote = storeAttachmentBytes(ctx.dataDir, file.sha256, file.bytes);
  try {
    const id = writeTx(ctx, () => {
      // the year may have been decided while the file was read
      writable(ctx, itemOf(ctx, item.id));
      const id = newId(ctx.now().getTime());
      stmt(
        ctx.db,
        `INSERT INTO evidence_attachment (id, evidence_id, doc_no, file_name, mime, size, sha256, status, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      ).run(id, item.id, docNo, file.fileName, file.mime, file.size, file.sha256, stamp(ctx), ctx.operator.displayName);
      recordAudit(ctx, {
        action: 'evidence.attachment.add',
        entity: 'evidence',
        entityId: item.id,
        after: {
          attachmentId: id,
          docNo,
          fileName: file.fileName,
          mime: file.mime,
          size: file.size,
          sha256: file.sha256,
        },
      });
      return id;
    });
    return view(rowOf(ctx, id));
  } catch (e) {
    // nothing written: a file this call stored and no row names goes again
    if (wrote) rmSync(attachmentFile(ctx.dataDir, file.sha256), { force: true });
    throw e;
  }
}

export function removeAttachment(ctx: Ctx, id: string, reason: string): AttachmentView {
  return writeTx(ctx, () => {
    const before = rowOf(ctx, id);
    const item = itemOf(ctx, before.evidence_id);
    if (before.status === 'removed') throw new AppError('CONFLICT', `证明材料“${before.file_name}”已移除。`);
    writable(ctx, item);
    stmt(ctx.db, "UPDATE evidence_attachment SET status = 'removed' WHERE id = ?").run(id);
    recordAudit(ctx, {
      action: 'evidence.attachment.remove',
      entity: 'evidence',
      entityId: item.id,
      before: { attachmentId: id, docNo: before.doc_no, fileName: before.file_name, sha256: before.sha256 },
      after: { attachmentId: id, status: 'removed' },
      reason,
    });
    return view(rowOf(ctx, id));
  });
}

/** A name for the copy: the 文号 or the original name, without anything a path could misread. */
function copyName(r: AttachmentRow, ext: string): string {
  const base = (r.doc_no || r.file_name.replace(/\.[^.]*$/, ''))
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\p{Cc}+/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 80);
  return `${base || '证明材料'}-${r.sha256.slice(0, 8)}.${ext}`;
}

/**
 * Opens a copy of the stored file in the system's viewer: the stored bytes are checked against the
 * hash and sniffed again (a bundle's row could claim any type), and the copy gets the extension of
 * the type the bytes are, never the name's, so a viewer, not a program, opens it.
 */
export async function openAttachment(ctx: Ctx, desktop: DesktopBridge, id: string): Promise<{ path: string }> {
  const r = rowOf(ctx, id);
  itemOf(ctx, r.evidence_id);
  const bytes = readStoredAttachment(ctx.dataDir, r.sha256, r.file_name);
  const claimed = typeOfMime(r.mime);
  const sniffed = sniffAttachment(bytes.subarray(0, 1024));
  const actual = sniffed === 'zip' ? 'ofd' : sniffed;
  if (!claimed || claimed !== actual)
    throw new AppError(
      'FILE_REFUSED',
      `证明材料“${r.file_name}”的内容不是登记的 ${claimed ? ATTACHMENT_TYPES[claimed].label : r.mime}，程序不会打开它。`,
    );
  const dir = join(ctx.dataDir, OPENED_DIR);
  mkdirSync(dir, { recursive: true });
  // earlier copies go (a viewer still holding one keeps it until it closes)
  for (const f of readdirSync(dir)) {
    try {
      rmSync(join(dir, f), { force: true, recursive: true });
    } catch {
      /* held open by a viewer: removed next time */
    }
  }
  const path = join(dir, copyName(r, ATTACHMENT_TYPES[claimed].extensions[0]));
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    // the same copy still open in a viewer is the same bytes: show it again
    if (!existsSync(path))
      throw new AppError('STORE', `无法写出证明材料的副本（${e instanceof Error ? e.message : String(e)}）。`);
  }
  try {
    await desktop.openFile(path);
  } catch (e) {
    throw new AppError(
      'INTERNAL',
      `系统未能打开证明材料（${e instanceof Error ? e.message : String(e)}）。请确认本机装有 ${ATTACHMENT_TYPES[claimed].label} 的阅读程序；副本在 ${path}。`,
    );
  }
  return { path };
}
