// Reading a scan the clerk chose, as a hostile file: its size from the file system before any read,
// its type from its first bytes (and, for OFD, the zip's directory: OFD.xml at its root), its name's
// extension agreeing, its SHA-256. Writing it beside the store under that hash, through a temporary
// name and a rename. Nothing is written until every check has passed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import yauzl from 'yauzl';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  extensionMismatch,
  refusalFor,
  sniffAttachment,
  type AttachmentType,
} from '../../../shared/evidence/attachment-rules';
import { AppError } from '../../../shared/result';
import { attachmentFile } from './attachments-repo';

export interface CheckedAttachment {
  fileName: string;
  bytes: Buffer;
  type: AttachmentType;
  mime: string;
  size: number;
  sha256: string;
}

const refuse = (message: string): never => {
  throw new AppError('FILE_REFUSED', message, { issues: [{ field: 'path', message }] });
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** An OFD is a zip whose root holds OFD.xml; any other zip (or a damaged one) is not. */
function zipIsOfd(bytes: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return resolve(false);
      let found = false;
      let n = 0;
      zip.on('error', () => resolve(false));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName === 'OFD.xml') found = true;
        if (found || ++n > 10_000) {
          zip.close();
          return resolve(found);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.readEntry();
    });
  });
}

export async function checkAttachmentFile(path: string): Promise<CheckedAttachment> {
  const fileName = basename(path);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) refuse(`“${fileName}”不是文件，请重新选择。`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `找不到文件“${fileName}”，它可能已被移动或删除，请重新选择。`);
  }
  if (size === 0) refuse(`“${fileName}”是空文件，请检查后重新选择。`);
  if (size > ATTACHMENT_MAX_BYTES)
    refuse(
      `“${fileName}”有 ${mb(size)}，超过证明材料 ${mb(ATTACHMENT_MAX_BYTES)} 的上限。请降低扫描分辨率或分成几个文件后再添加。`,
    );
  const bytes = readFileSync(path);
  // the file may have grown between the stat and the read
  if (bytes.length > ATTACHMENT_MAX_BYTES)
    refuse(`“${fileName}”超过证明材料 ${mb(ATTACHMENT_MAX_BYTES)} 的上限，请重新选择。`);
  const sniffed = sniffAttachment(bytes.subarray(0, 1024));
  let type: AttachmentType;
  if (sniffed === 'zip') {
    if (!(await zipIsOfd(bytes))) refuse(refusalFor(fileName, 'zip')!);
    type = 'ofd';
  } else {
    const why = refusalFor(fileName, sniffed);
    if (why) refuse(why);
    type = sniffed as AttachmentType;
  }
  const mismatch = extensionMismatch(fileName, type);
  if (mismatch) refuse(mismatch);
  return {
    fileName,
    bytes,
    type,
    mime: ATTACHMENT_TYPES[type].mime,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Writes the file under its hash unless it is there already; says whether this call wrote it. */
export function storeAttachmentBytes(dataDir: string, sha256: string, bytes: Buffer): boolean {
  const file = attachmentFile(dataDir, sha256);
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError(
      'STORE',
      `证明材料无法保存到数据文件夹（${e instanceof Error ? e.message : String(e)}）。请检查磁盘空间和写入权限。`,
    );
  }
  return true;
}

/** The stored file's bytes, checked against the hash its row holds (a swapped file is refused). */
export function readStoredAttachment(dataDir: string, sha256: string, fileName: string): Buffer {
  const file = attachmentFile(dataDir, sha256);
  if (!existsSync(file))
    throw new AppError(
      'NOT_FOUND',
      `证明材料“${fileName}”的文件不在数据文件夹中（attachments/${sha256.slice(0, 12)}…）。请从备份恢复，或重新添加。`,
    );
  const bytes = readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    throw new AppError(
      'FILE_REFUSED',
      `证明材料“${fileName}”的文件与登记的校验值不符，已被改动或损坏，程序不会打开它。请从备份恢复，或重新添加。`,
    );
  return bytes;
}
