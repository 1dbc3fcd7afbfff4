// Reading 证明材料 rows: the attachments of evidence items, and where their files live beside the store.
import { join } from 'node:path';
import type { BundleAttachment } from '../../../shared/exchange/bundle';
import type { Db } from '../db/open';
import { many } from '../db/query';

export const ATTACHMENTS_DIR = 'attachments';

/** Files are named by their content hash: the same scan attached twice is stored once. */
export function attachmentFile(dataDir: string, sha256: string): string {
  return join(dataDir, ATTACHMENTS_DIR, sha256);
}

export function listAttachmentsOf(db: Db, evidenceIds: readonly string[]): BundleAttachment[] {
  if (evidenceIds.length === 0) return [];
  return many<BundleAttachment>(
    db,
    `SELECT id, evidence_id AS evidenceId, doc_no AS docNo, file_name AS fileName, mime, size, sha256
       FROM evidence_attachment WHERE status = 'active' AND evidence_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    JSON.stringify(evidenceIds),
  );
}
