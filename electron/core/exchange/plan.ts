// Compares a read bundle with this store, record by record: new, unchanged, changed (only the sender
// changed it since the last exchange), conflict (both sides differ and it was never exchanged, or
// both changed it since) or refused (a department, person or period this store cannot take, a
// locked period, a result the grade guard refuses). Pure reads: nothing is written here.
import type { PartName } from '../../../shared/exchange/bundle';
import { PART_NAMES } from '../../../shared/exchange/bundle';
import { describeRecord, differingFields } from '../../../shared/exchange/describe';
import type { ConflictKind, ItemStatus, PreviewItem, StatusCounts } from '../../../shared/exchange/preview';
import type { Ctx } from '../context';
import type { PeriodDto } from '../../../shared/domain/records';
import { ratingsLockReason } from '../years/locks';
import { requireYear } from '../years/year-repo';
import { personRefusal, stageRefusal } from '../yearend/grade-guard';
import { loadYearView, type YearView } from '../yearend/view';
import { collectParts, contentHash, recordKey } from './records';
import { importScope, type ResolvedScope } from './scope';
import { baselineOf } from './state';
import type { ReadBundle } from './read-bundle';
import { column, many, scalar } from '../db/query';

export interface PlannedItem {
  key: string;
  part: PartName;
  status: ItemStatus;
  conflict: ConflictKind | null;
  theirs: unknown;
  mine: unknown;
  theirsHash: string;
  message: string;
  label: string;
}

export interface Plan {
  scope: ResolvedScope;
  items: PlannedItem[];
  counts: StatusCounts;
  byPart: { part: PartName; counts: StatusCounts }[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const zero = (): StatusCounts => ({ new: 0, unchanged: 0, changed: 0, conflict: 0, refused: 0 });

function classify(
  local: string | undefined,
  theirs: string,
  base: string | undefined,
): { status: ItemStatus; conflict: ConflictKind | null } {
  if (local === undefined) return { status: 'new', conflict: null };
  if (local === theirs) return { status: 'unchanged', conflict: null };
  if (base !== undefined && local === base) return { status: 'changed', conflict: null };
  // Only this store changed it since: the bundle carries the older version, which must not undo ours.
  if (base !== undefined && theirs === base) return { status: 'unchanged', conflict: null };
  return { status: 'conflict', conflict: base === undefined ? 'both_rated' : 'both_edited' };
}

export function planBundle(ctx: Ctx, bundle: ReadBundle): Plan {
  const { db } = ctx;
  const { resolved, collect } = importScope(db, bundle.manifest, bundle.fileName);
  const local = collectParts(db, collect);
  const base = baselineOf(db, bundle.manifest.sender.workstationId);
  const year = bundle.manifest.year;
  const people = new Map(
    many<{ person_no: string; name: string }>(db, 'SELECT person_no, name FROM person').map((p) => [
      p.person_no,
      p.name,
    ]),
  );
  for (const p of bundle.parts.roster) if (!people.has(p.personNo)) people.set(p.personNo, p.name);
  const periodByCode = new Map<string, PeriodDto>(resolved.periods.map((p) => [p.code, p]));
  const yearRecord = requireYear(db, resolved.yearId);
  const evidenceIds = new Set([
    ...bundle.parts.evidence.map((e) => e.id),
    ...column<string>(db, 'SELECT id FROM evidence'),
  ]);
  let view: YearView | null = null;
  const personIdOf = (no: string) => scalar<string>(db, 'SELECT id FROM person WHERE person_no = ?', no) ?? null;

  const who = (no: string) => `${people.get(no) ?? '未知人员'}（${no}）`;
  const labelOf = (part: PartName, r: Record<string, unknown>): string => {
    switch (part) {
      case 'roster':
        return who(String(r.personNo));
      case 'ratings':
        return `${who(String(r.personNo))} ${String(r.periodCode)}`;
      case 'evidence':
        return `${who(String(r.personNo))} ${String(r.date)} ${str(r.docNo)}`.trim();
      case 'reviews':
        return `${String(r.department)} ${String(r.periodCode)}`;
      case 'decisions':
        return `${who(String(r.personNo))} ${year} 年度`;
      case 'attachments':
        return `${str(r.docNo)} ${String(r.fileName)}`.trim();
    }
  };

  /** Why this store cannot take the record (null: it can). */
  const refusal = (part: PartName, r: Record<string, unknown>): string | null => {
    const dept = typeof r.department === 'string' ? r.department : null;
    if (dept !== null && !resolved.unitsByName.has(dept)) return `本库的“${resolved.agency.name}”下没有部门“${dept}”`;
    if ((part === 'ratings' || part === 'evidence' || part === 'decisions') && !people.has(String(r.personNo)))
      return '本库没有该人员，交换包也未附其名册信息';
    if (part === 'ratings') {
      const period = periodByCode.get(String(r.periodCode));
      if (!period) return `本库没有期间 ${String(r.periodCode)}`;
      return ratingsLockReason(yearRecord.dto, period);
    }
    if (part === 'attachments' && !evidenceIds.has(String(r.evidenceId))) return '本库没有该材料所属的事件';
    if (part === 'decisions') {
      const stage = stageRefusal(yearRecord.dto, 'decide');
      if (stage) return stage.message;
      const personId = personIdOf(String(r.personNo));
      if (!personId) return '本库没有该人员';
      view ??= loadYearView(ctx, resolved.yearId);
      const bar = personRefusal(view, {
        path: 'decide',
        personId,
        outcome: r.outcome as never,
        grade: (r.grade ?? null) as never,
        approvalDocNo: str(r.approvalDocNo),
      });
      if (bar) return bar.message;
    }
    return null;
  };

  const items: PlannedItem[] = [];
  const counts = zero();
  const byPart: Plan['byPart'] = [];
  for (const part of PART_NAMES) {
    const theirsList = bundle.parts[part] as unknown as Record<string, unknown>[];
    if (!theirsList.length) continue;
    const mineByKey = new Map(
      (local[part] as unknown as Record<string, unknown>[]).map((r) => [recordKey(part, r, year), r]),
    );
    const pc = zero();
    for (const r of theirsList) {
      const key = recordKey(part, r, year);
      const mine = mineByKey.get(key) ?? null;
      const theirsHash = contentHash(r);
      let { status, conflict } = classify(mine ? contentHash(mine) : undefined, theirsHash, base.get(key));
      let message = '';
      if (status !== 'unchanged') {
        const why = refusal(part, r);
        if (why) {
          status = 'refused';
          conflict = null;
          message = why;
        }
      }
      pc[status]++;
      counts[status]++;
      items.push({ key, part, status, conflict, theirs: r, mine, theirsHash, message, label: labelOf(part, r) });
    }
    byPart.push({ part, counts: pc });
  }
  return { scope: resolved, items, counts, byPart };
}

/** The preview's row for a planned item: both versions in words, only the fields that differ. */
export function previewItemOf(i: PlannedItem): PreviewItem {
  const fields = differingFields(i.part, i.mine as object | null, i.theirs as object);
  return {
    key: i.key,
    part: i.part,
    status: i.status,
    label: i.label,
    mine: describeRecord(i.mine as object | null, fields),
    theirs: describeRecord(i.theirs as object, fields),
    conflict: i.conflict,
    message: i.message,
  };
}
