// Applies a planned bundle in ONE transaction: every new and changed record, each conflict as the
// clerk chose (one audit entry per choice), the per-sender baseline and the delivery. A bundle
// already applied here, or one with nothing new, writes nothing at all.
import type {
  BundleAttachment,
  BundleDecision,
  BundleEvidence,
  BundlePerson,
  BundleRating,
  BundleReview,
} from '../../../shared/exchange/bundle';
import { PART_LABEL } from '../../../shared/exchange/bundle';
import {
  CHOICE_LABEL,
  CONFLICT_KIND_LABEL,
  type ConflictChoice,
  type ExchangeResult,
} from '../../../shared/exchange/preview';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import { cancelledError, type Progress } from '../import/analyze';
import {
  addEvidence,
  applyAttachment,
  applyDecision,
  applyEvidence,
  applyPerson,
  applyRatings,
  applyReview,
  storeAttachmentFiles,
} from './apply-records';
import { previewItemOf, type Plan, type PlannedItem } from './plan';
import type { ReadBundle } from './read-bundle';
import { unitLabel } from './scope';
import { appliedBundle, putBaselines, recordDelivery } from './state';

export function applyBundle(
  ctx: Ctx,
  bundle: ReadBundle,
  plan: Plan,
  choices: ReadonlyMap<string, ConflictChoice>,
  p: Progress,
): ExchangeResult {
  const m = bundle.manifest;
  const base = { bundleId: m.bundleId, counts: plan.counts };
  const prev = appliedBundle(ctx.db, m.bundleId);
  if (prev)
    return {
      ...base,
      applied: false,
      choices: { theirs: 0, mine: 0 },
      message: `该交换包已于 ${prev.applied_at.slice(0, 16).replace('T', ' ')} 导入，没有新的变化。`,
    };
  const conflicts = plan.items.filter((i) => i.status === 'conflict');
  const open = conflicts.filter((i) => !choices.has(i.key));
  if (open.length)
    throw new AppError(
      'INVALID_INPUT',
      `还有 ${open.length} 处冲突没有选择处理方式（如 ${open[0]!.label}），未导入任何数据。请逐条选择“采用交换包的”或“保留本机的”。`,
      { keys: open.slice(0, 50).map((i) => i.key) },
    );
  const take = (i: PlannedItem) =>
    i.status === 'new' || i.status === 'changed' || (i.status === 'conflict' && choices.get(i.key) === 'theirs');
  const todo = plan.items.filter(take);
  const why = `数据交换包：${unitLabel(m.unit.agency, m.unit.department)}（${bundle.fileName}）`;
  const chosen = { theirs: 0, mine: 0 };
  storeAttachmentFiles(ctx.dataDir, bundle.files);
  writeTx(ctx, () => {
    p.progress(0, todo.length, '正在写入');
    const of = (part: PlannedItem['part']) => todo.filter((i) => i.part === part);
    let done = 0;
    const step = () => {
      if (++done % 200 === 0) {
        if (p.cancelled()) throw cancelledError();
        p.progress(done, todo.length, '正在写入');
      }
    };
    for (const i of of('roster')) {
      applyPerson(ctx, plan.scope, i.theirs as BundlePerson, i.mine as BundlePerson | null, why);
      step();
    }
    const evidence = of('evidence');
    addEvidence(
      ctx,
      evidence.filter((i) => !i.mine).map((i) => i.theirs as BundleEvidence),
      why,
    );
    for (const i of evidence.filter((x) => x.mine)) {
      applyEvidence(ctx, i.theirs as BundleEvidence, i.mine as BundleEvidence, why);
      step();
    }
    for (const i of of('attachments')) {
      applyAttachment(ctx, i.theirs as BundleAttachment, i.mine as BundleAttachment | null, why);
      step();
    }
    applyRatings(
      ctx,
      plan.scope,
      of('ratings').map((i) => i.theirs as BundleRating),
      m.bundleId,
    );
    for (const i of of('reviews')) applyReview(ctx, plan.scope, i.theirs as BundleReview, why);
    for (const i of of('decisions')) applyDecision(ctx, plan.scope, i.theirs as BundleDecision);
    for (const i of conflicts) {
      const choice = choices.get(i.key)!;
      chosen[choice]++;
      const words = previewItemOf(i);
      recordAudit(ctx, {
        action: 'exchange.conflict_choice',
        entity: 'exchange_bundle',
        entityId: m.bundleId,
        before: { record: i.key, part: PART_LABEL[i.part], label: i.label, mine: words.mine },
        after: { record: i.key, theirs: words.theirs, choice, chosen: CHOICE_LABEL[choice] },
        reason: `${CONFLICT_KIND_LABEL[i.conflict!]}：${CHOICE_LABEL[choice]}`,
      });
    }
    const at = stamp(ctx);
    putBaselines(
      ctx.db,
      m.sender.workstationId,
      plan.items.filter((i) => i.status !== 'refused').map((i) => [i.key, i.theirsHash] as [string, string]),
      at,
    );
    recordDelivery(ctx.db, {
      senderId: m.sender.workstationId,
      label: m.sender.label,
      unitLabel: unitLabel(m.unit.agency, m.unit.department),
      bundleId: m.bundleId,
      createdAt: m.createdAt,
      direction: m.direction,
      fileName: bundle.fileName,
      sha256: bundle.sha256,
      counts: plan.counts,
      at,
      by: ctx.operator.id,
    });
    recordAudit(ctx, {
      action: 'exchange.import',
      entity: 'exchange_bundle',
      entityId: m.bundleId,
      after: {
        fileName: bundle.fileName,
        sha256: bundle.sha256,
        direction: m.direction,
        sender: m.sender,
        unit: unitLabel(m.unit.agency, m.unit.department),
        year: m.year,
        periods: m.periods,
        counts: plan.counts,
        choices: chosen,
        written: todo.length,
      },
      reason: why,
    });
    if (p.cancelled()) throw cancelledError();
  });
  p.progress(todo.length, todo.length, '导入完成');
  const c = plan.counts;
  const skipped = c.refused ? `，${c.refused} 条不能导入已跳过` : '';
  const conflictText = conflicts.length
    ? `，冲突 ${conflicts.length} 处（采用交换包 ${chosen.theirs}，保留本机 ${chosen.mine}）`
    : '';
  return {
    ...base,
    applied: true,
    choices: chosen,
    message: `交换包导入完成：新增 ${c.new} 条，修改 ${c.changed} 条，未变 ${c.unchanged} 条${conflictText}${skipped}。`,
  };
}
