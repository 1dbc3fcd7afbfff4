// Finished exchange previews, per core and in memory: apply runs on exactly the file the clerk
// reviewed (its hash is checked again) by the operator who reviewed it.
import { AppError } from '../../../shared/result';
import type { ExchangePreview } from '../../../shared/exchange/preview';

export interface ExchangePreviewRecord {
  path: string;
  operatorId: string;
  preview: ExchangePreview;
}

const MAX_KEPT = 10;
const registries = new WeakMap<object, Map<string, ExchangePreviewRecord>>();

function registry(core: object): Map<string, ExchangePreviewRecord> {
  let m = registries.get(core);
  if (!m) {
    m = new Map<string, ExchangePreviewRecord>();
    registries.set(core, m);
  }
  return m;
}

export function rememberExchangePreview(core: object, rec: ExchangePreviewRecord): void {
  const m = registry(core);
  m.set(rec.preview.previewId, rec);
  while (m.size > MAX_KEPT) m.delete(m.keys().next().value!);
}

export function requireExchangePreview(core: object, previewId: string, operatorId: string): ExchangePreviewRecord {
  const rec = registry(core).get(previewId);
  if (!rec || rec.operatorId !== operatorId)
    throw new AppError('NOT_FOUND', '找不到这次交换包预览（可能已过期或程序已重启），请重新选择交换包预览。');
  return rec;
}
