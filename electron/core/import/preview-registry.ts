// Remembers finished previews (per core, in memory) so apply and the error report run on exactly the
// file, kind, unit and period the clerk reviewed; the file's hash is re-checked when they run.
import { AppError } from '../../../shared/result';
import type { ImportPreview } from '../../../shared/import/types';
import type { ImportRequest } from './analyze';

export interface PreviewRecord {
  request: ImportRequest;
  operatorId: string;
  preview: ImportPreview;
}

const MAX_KEPT = 20;
const registries = new WeakMap<object, Map<string, PreviewRecord>>();

export function previewRegistry(core: object): Map<string, PreviewRecord> {
  let m = registries.get(core);
  if (!m) {
    m = new Map();
    registries.set(core, m);
  }
  return m;
}

export function rememberPreview(core: object, rec: PreviewRecord): void {
  const m = previewRegistry(core);
  m.set(rec.preview.previewId, rec);
  while (m.size > MAX_KEPT) m.delete(m.keys().next().value!);
}

export function requirePreview(core: object, previewId: string, operatorId: string): PreviewRecord {
  const rec = previewRegistry(core).get(previewId);
  if (!rec || rec.operatorId !== operatorId)
    throw new AppError('NOT_FOUND', '找不到这次导入预览（可能已过期或程序已重启），请重新选择文件预览。');
  return rec;
}
