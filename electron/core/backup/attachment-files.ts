// 证明材料 files in backups. The store holds each attachment's hash, the file lives beside the store
// in attachments/<sha256> and is never deleted (a removed attachment keeps its file), so the backups
// in the data folder always find theirs. A backup copied to another folder (a USB drive) takes the
// files with it, into attachments/ beside the backup; a restore brings back any the data folder
// lacks, each checked against its hash.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import { ATTACHMENTS_DIR, attachmentFile } from '../evidence/attachments-repo';
import { many } from '../db/query';

function hashes(db: Db): { sha256: string; size: number }[] {
  return many<{
    sha256: string;
    size: number;
  }>(db, 'SELECT DISTINCT sha256, size FROM evidence_attachment ORDER BY sha256');
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  copyFileSync(from, tmp);
  renameSync(tmp, to);
}

/** Copies every attachment the store names to `<dir>/attachments/`; says how many were copied and which are missing here. */
export function copyAttachmentsTo(db: Db, dataDir: string, dir: string): { copied: number; missing: string[] } {
  let copied = 0;
  const missing: string[] = [];
  for (const a of hashes(db)) {
    const from = attachmentFile(dataDir, a.sha256);
    const to = join(dir, ATTACHMENTS_DIR, a.sha256);
    if (!existsSync(from)) {
      missing.push(a.sha256);
      continue;
    }
    if (existsSync(to) && statSync(to).size === a.size) continue;
    copyInto(from, to);
    copied++;
  }
  return { copied, missing };
}

/** After a restore: the files the restored store names and the data folder lacks, from beside the backup. */
export function bringAttachmentsFrom(
  db: Db,
  backupFile: string,
  dataDir: string,
): { copied: number; missing: string[] } {
  let copied = 0;
  const missing: string[] = [];
  const beside = join(dirname(backupFile), ATTACHMENTS_DIR);
  for (const a of hashes(db)) {
    if (existsSync(attachmentFile(dataDir, a.sha256))) continue;
    const from = join(beside, a.sha256);
    if (!existsSync(from) || createHash('sha256').update(readFileSync(from)).digest('hex') !== a.sha256) {
      missing.push(a.sha256);
      continue;
    }
    copyInto(from, attachmentFile(dataDir, a.sha256));
    copied++;
  }
  return { copied, missing };
}
