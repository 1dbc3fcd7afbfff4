// The preview the clerk reads before applying: the bundle's facts, counts by part and status, and
// every record that would change (conflicts first), each in words.
import { ITEM_LIST_CAP, type ExchangePreview } from '../../../shared/exchange/preview';
import type { Db } from '../db/open';
import { previewItemOf, type Plan } from './plan';
import type { ReadBundle } from './read-bundle';
import { unitLabel } from './scope';
import { appliedBundle } from './state';

const ORDER = { conflict: 0, refused: 1, changed: 2, new: 3, unchanged: 4 } as const;

export function buildPreview(db: Db, bundle: ReadBundle, plan: Plan, previewId: string): ExchangePreview {
  const m = bundle.manifest;
  const prev = appliedBundle(db, m.bundleId);
  const listed = plan.items.filter((i) => i.status !== 'unchanged').sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const c = plan.counts;
  const message = prev
    ? `该交换包已于 ${prev.applied_at.slice(0, 16).replace('T', ' ')} 导入过，再次导入不会有任何变化。`
    : `新增 ${c.new} 条，修改 ${c.changed} 条，未变 ${c.unchanged} 条，冲突 ${c.conflict} 处，不能导入 ${c.refused} 条。${
        c.conflict ? '请对每处冲突选择采用哪一方的记录后再导入。' : ''
      }`;
  return {
    previewId,
    bundle: {
      fileName: bundle.fileName,
      sha256: bundle.sha256,
      bytes: bundle.bytes,
      bundleId: m.bundleId,
      direction: m.direction,
      senderId: m.sender.workstationId,
      senderLabel: m.sender.label,
      unitLabel: unitLabel(m.unit.agency, m.unit.department),
      year: m.year,
      periods: m.periods,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
      appVersion: m.appVersion,
      formatVersion: m.formatVersion,
      upgradedFrom: bundle.upgradedFrom,
    },
    alreadyImportedAt: prev?.applied_at ?? null,
    counts: c,
    byPart: plan.byPart,
    items: listed.slice(0, ITEM_LIST_CAP).map(previewItemOf),
    itemsTotal: listed.length,
    message,
  };
}
