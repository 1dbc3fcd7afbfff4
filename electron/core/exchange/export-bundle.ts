// Writes a 数据交换包: the scope's records as JSON parts, the attachment files by hash and a manifest
// naming the sender, the unit, the periods, the versions and a count and SHA-256 per part. The file
// appears under its name only when the audit entry (and the peer's baseline) committed.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { WorkstationDto } from '../../../shared/api/exchange';
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_MAGIC,
  PART_LABEL,
  type BundleDirection,
  type BundleManifest,
  type PartName,
} from '../../../shared/exchange/bundle';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { commitTempFile } from '../backup/atomic-write';
import { stamp, writeTx, type Ctx } from '../context';
import { currentVersion } from '../db/migrate';
import { attachmentFile } from '../evidence/attachments-repo';
import { newId } from '../ids';
import { collectParts, contentHash, recordKey } from './records';
import { exportScope, PARTS_OF, unitLabel } from './scope';
import { putBaselines } from './state';
import { writeZip, type ZipEntry } from './zip-write';

export interface ExportRequest {
  direction: BundleDirection;
  unitId: string;
  yearId: string;
  periodIds?: string[];
  toWorkstationId?: string | null;
  path: string;
  workstation: WorkstationDto;
  appVersion: string;
}

export interface ExportResult {
  path: string;
  bundleId: string;
  bytes: number;
  counts: Partial<Record<PartName, number>>;
  message: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function exportBundle(ctx: Ctx, req: ExportRequest): ExportResult {
  const { resolved, collect } = exportScope(ctx.db, req);
  const parts = collectParts(ctx.db, collect);
  const bundleId = newId(ctx.now().getTime());
  const entries: ZipEntry[] = [];
  const partEntries: BundleManifest['parts'] = [];
  const counts: Partial<Record<PartName, number>> = {};
  for (const name of PARTS_OF[req.direction]) {
    const records = parts[name];
    const data = Buffer.from(JSON.stringify(records), 'utf8');
    const file = `parts/${name}.json`;
    entries.push({ name: file, data });
    partEntries.push({ name, file, count: records.length, bytes: data.length, sha256: sha256(data) });
    counts[name] = records.length;
  }
  for (const a of parts.attachments) {
    let data: Buffer;
    try {
      data = readFileSync(attachmentFile(ctx.dataDir, a.sha256));
    } catch {
      throw new AppError(
        'NOT_FOUND',
        `证明材料“${a.fileName}”（${a.docNo || '无文号'}）的文件找不到了，未导出交换包。请在事件中重新上传该材料。`,
      );
    }
    if (sha256(data) !== a.sha256)
      throw new AppError(
        'CONFLICT',
        `证明材料“${a.fileName}”的文件与登记时的校验值不符（文件被改动过），未导出交换包。请重新上传该材料。`,
      );
    entries.push({ name: `attachments/${a.sha256}`, data });
  }
  const manifest: BundleManifest = {
    magic: BUNDLE_MAGIC,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: currentVersion(ctx.db),
    appVersion: req.appVersion,
    bundleId,
    createdAt: stamp(ctx),
    createdBy: ctx.operator.displayName,
    direction: req.direction,
    sender: { workstationId: req.workstation.id, label: req.workstation.label },
    unit: { agency: resolved.agency.name, department: resolved.department?.name ?? null },
    year: resolved.year,
    periods: resolved.periods.map((p) => p.code),
    parts: partEntries,
  };
  entries.unshift({ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 1), 'utf8') });
  const zip = writeZip(entries);
  const tmp = `${req.path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, zip);
    writeTx(ctx, () => {
      if (req.toWorkstationId) {
        const sent: [string, string][] = [];
        for (const name of PARTS_OF[req.direction])
          for (const r of parts[name]) sent.push([recordKey(name, r, resolved.year), contentHash(r)]);
        putBaselines(ctx.db, req.toWorkstationId, sent, stamp(ctx));
      }
      recordAudit(ctx, {
        action: 'exchange.export',
        entity: 'exchange_bundle',
        entityId: bundleId,
        after: {
          direction: req.direction,
          unit: unitLabel(manifest.unit.agency, manifest.unit.department),
          year: manifest.year,
          periods: manifest.periods,
          to: req.toWorkstationId ?? null,
          bytes: zip.length,
          parts: partEntries.map((p) => ({ part: p.name, count: p.count, sha256: p.sha256 })),
        },
      });
      commitTempFile(tmp, req.path);
    });
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')
      throw new AppError('CONFLICT', `无法写入“${req.path}”：该位置没有写入权限或文件正被占用，请另选位置后重试。`);
    throw e;
  }
  const summary = partEntries.map((p) => `${PART_LABEL[p.name]} ${p.count} 条`).join('，');
  return {
    path: req.path,
    bundleId,
    bytes: zip.length,
    counts,
    message: `已导出“${unitLabel(manifest.unit.agency, manifest.unit.department)}” ${manifest.year} 年度的交换包：${summary}。`,
  };
}
