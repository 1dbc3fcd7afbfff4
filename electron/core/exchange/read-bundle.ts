// Reads a 数据交换包 as a hostile file (in a worker only): size, zip magic, the central-directory
// scan shared with spreadsheet imports, then the manifest (format version: newer refused, older
// upgraded or refused), then every part against its SHA-256 and its schema. Any mismatch refuses
// the whole bundle before anything is compared or written.
import { ACCEPTED_TEXT, sniffAttachment, typeOfMime } from '../../../shared/evidence/attachment-rules';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_MAGIC,
  emptyParts,
  manifest as manifestSchema,
  PART_LABEL,
  PART_SCHEMAS,
  type BundleManifest,
  type BundleParts,
} from '../../../shared/exchange/bundle';
import { zodIssuesToChinese } from '../api/zod-messages';
import { inflateParts, refuse, scanCentralDirectory } from '../excel/safety/inspect';
import { type SafetyLimits } from '../excel/safety/limits';
import { readLimitedFile } from '../excel/safety/read-limited';

/** Bundles carry scans, which do not compress: larger files, the same bounds on expansion. */
export const BUNDLE_LIMITS: SafetyLimits = {
  maxFileBytes: 300 * 1024 * 1024,
  maxEntries: 20_000,
  maxTotalUncompressed: 400 * 1024 * 1024,
  maxEntryUncompressed: 120 * 1024 * 1024,
  maxRatio: 150,
  ratioFloorBytes: 4 * 1024 * 1024,
  maxSheets: Number.MAX_SAFE_INTEGER,
};

export interface ReadBundle {
  path: string;
  fileName: string;
  sha256: string;
  bytes: number;
  manifest: BundleManifest;
  parts: BundleParts;
  /** attachment files by content hash, each checked against its hash */
  files: Map<string, Buffer>;
  upgradedFrom: number | null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Layout upgrades by the version they read: none yet, version 1 is the first. */
const UPGRADES: Record<number, (m: Record<string, unknown>) => Record<string, unknown>> = {};

function parseJson(buf: Buffer, fileName: string, part: string): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    refuse(`“${fileName}”中的 ${part} 不是有效的数据，交换包已损坏，未导入任何数据。请向报送方重新索取。`);
  }
}

function schemaFail(fileName: string, part: string, error: z.ZodError): never {
  const issues = zodIssuesToChinese(error.issues).slice(0, 5);
  refuse(
    `“${fileName}”中的${part}格式不对（${issues.map((i) => `${i.field}：${i.message}`).join('；')}），未导入任何数据。请用同一版本的程序重新导出。`,
    { issues },
  );
}

function checkVersion(
  raw: Record<string, unknown>,
  fileName: string,
): { m: Record<string, unknown>; from: number | null } {
  if (raw.magic !== BUNDLE_MAGIC) refuse(`“${fileName}”不是本程序导出的数据交换包，已拒绝。`);
  const v = typeof raw.formatVersion === 'number' ? raw.formatVersion : -1;
  if (v > BUNDLE_FORMAT_VERSION)
    refuse(
      `“${fileName}”由较新版本的程序导出（交换包格式第 ${v} 版，本程序只认识到第 ${BUNDLE_FORMAT_VERSION} 版），未导入任何数据。请先把本机程序升级到与报送方相同或更新的版本，再导入。`,
      { formatVersion: v },
    );
  if (v === BUNDLE_FORMAT_VERSION) return { m: raw, from: null };
  let m = raw;
  for (let at = v; at < BUNDLE_FORMAT_VERSION; at++) {
    const up = UPGRADES[at];
    if (!up)
      refuse(
        `“${fileName}”是旧版程序导出的交换包（格式第 ${v} 版），本程序不能转换，未导入任何数据。请报送方升级程序后重新导出。`,
        { formatVersion: v },
      );
    m = up(m);
  }
  return { m, from: v };
}

export async function readBundle(path: string, limits: SafetyLimits = BUNDLE_LIMITS): Promise<ReadBundle> {
  const { fileName, bytes } = await readLimitedFile(path, limits, '，已拒绝。');
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC))
    refuse(`“${fileName}”不是数据交换包（应为本程序导出的 .dax 文件），请重新选择。`);
  const dir = await scanCentralDirectory(bytes, fileName, limits, 'bundle');
  const entries = await inflateParts(bytes, () => true);

  const rawManifest = parseJson(entries.get('manifest.json')!, fileName, '清单 manifest.json');
  if (!rawManifest || typeof rawManifest !== 'object' || Array.isArray(rawManifest))
    refuse(`“${fileName}”的清单无效，已拒绝。`);
  const { m, from } = checkVersion(rawManifest as Record<string, unknown>, fileName);
  const parsed = manifestSchema.safeParse(m);
  if (!parsed.success) schemaFail(fileName, '清单', parsed.error);
  const manifest = parsed.data;

  const known = new Set(['manifest.json']);
  const parts = emptyParts();
  for (const p of manifest.parts) {
    const buf = entries.get(p.file);
    const label = PART_LABEL[p.name];
    if (!buf) refuse(`“${fileName}”缺少清单中列出的部件“${label}”（${p.file}），交换包不完整，未导入任何数据。`);
    if (buf.length !== p.bytes || sha256(buf) !== p.sha256)
      refuse(
        `“${fileName}”中“${label}”的校验值与清单不符：交换包在导出后被改动或已损坏，未导入任何数据。请向报送方重新索取。`,
        { part: p.name },
      );
    known.add(p.file);
    const data = PART_SCHEMAS[p.name].safeParse(parseJson(buf, fileName, label));
    if (!data.success) schemaFail(fileName, `“${label}”`, data.error);
    if (data.data.length !== p.count)
      refuse(`“${fileName}”中“${label}”的条数（${data.data.length}）与清单（${p.count}）不符，未导入任何数据。`);
    (parts as unknown as Record<string, unknown[]>)[p.name] = data.data;
  }
  const files = new Map<string, Buffer>();
  for (const a of parts.attachments) {
    const file = `attachments/${a.sha256}`;
    const buf = entries.get(file);
    if (!buf || buf.length !== a.size || sha256(buf) !== a.sha256)
      refuse(`“${fileName}”中的证明材料“${a.fileName}”缺失或校验值不符：交换包已被改动或损坏，未导入任何数据。`, {
        attachment: a.id,
      });
    // a bundle's row may claim any type: the bytes must be a scan this program accepts (never a program)
    const claimed = typeOfMime(a.mime);
    const sniffed = sniffAttachment(buf.subarray(0, 1024));
    if (!claimed || (sniffed === 'zip' ? 'ofd' : sniffed) !== claimed)
      refuse(
        `“${fileName}”中的证明材料“${a.fileName}”不是 ${ACCEPTED_TEXT} 扫描件（或与登记的类型不符），已拒绝整个交换包，未导入任何数据。`,
        { attachment: a.id },
      );
    known.add(file);
    files.set(a.sha256, buf);
  }
  const extra = [...entries.keys()].find((n) => !known.has(n));
  if (extra) refuse(`“${fileName}”含有清单中没有的部件（${extra}），疑似被改动，已拒绝。`);
  void dir;
  return { path, fileName, sha256: sha256(bytes), bytes: bytes.length, manifest, parts, files, upgradedFrom: from };
}
