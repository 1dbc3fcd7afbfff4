// Evidence rows (事件): each row is one item; an item already in the store (same person, kind,
// sub-kind, date, 文号 and 说明) is unchanged, so re-importing a file adds nothing twice.
import { EVIDENCE_FIELDS } from '../../../shared/domain/fields';
import { EVIDENCE_KIND_LABEL } from '../../../shared/domain/labels';
import { EVIDENCE_SUB_KINDS, type EvidenceKind } from '../../../shared/domain/types';
import { normDays, normDate, normRequiredDate, normText } from '../../../shared/import/normalize';
import { compactText } from '../../../shared/import/text';
import { addDays } from '../../../shared/domain/dates';
import { cellDisplay, cellText, isBlankCell } from '../../../shared/import/cells';
import { type DuplicateGuard, resolvePerson, RowCheck, type PlannedRow } from './plan';
import { evidenceInput, type EvidenceInput } from '../../../shared/evidence/fields';
import type { DataRow } from './table';
import type { StoreView } from './store-view';

export interface EvidenceRecord {
  personId: string;
  kind: EvidenceKind;
  subKind: string;
  date: string;
  endDate: string | null;
  days: number | null;
  description: string;
  docNo: string;
  /** the evidence capability's own input for this item (validated at preview by its schema) */
  input: EvidenceInput;
}

/**
 * The template has one set of columns for every kind; the kind-specific fields of the evidence
 * schema come from them: 天数 is the 学时 of 培训学时 and the term (years) of 留党察看; 说明 names
 * the other unit of a transfer and the item of a 负面清单 entry.
 */
function evidenceRaw(r: Omit<EvidenceRecord, 'input'>): Record<string, unknown> {
  const base = {
    personId: r.personId,
    kind: r.kind,
    subKind: r.subKind,
    date: r.date,
    description: r.description,
    docNo: r.docNo,
  };
  switch (r.kind) {
    case 'leave':
      // a leave given by its day count alone ends that many calendar days after it began
      return {
        ...base,
        endDate: r.endDate ?? (r.days ? addDays(r.date, Math.ceil(r.days) - 1) : null),
        days: r.days,
      };
    case 'probation':
      return { ...base, endDate: r.endDate };
    case 'investigation':
      // a closed case states its outcome in 说明 ("结案：警告"); an open one leaves 截止日期 empty
      return { ...base, endDate: r.endDate, closingOutcome: r.endDate ? closingOutcomeOf(r.description) : null };
    case 'transfer':
      return { ...base, endDate: r.endDate, otherUnit: r.description };
    case 'work':
      return { ...base, hours: r.days };
    case 'party_discipline':
      return { ...base, termYears: r.subKind === '留党察看' ? r.days : null };
    case 'negative_list':
      return { ...base, item: r.description };
    default:
      return base;
  }
}

const NO_SANCTION_WORDS = ['无处分', '未予处分', '未给予处分', '不予处分', '免予处分', '免于处分', '无'];
const HEAVIER_WORDS = ['严重警告', '党内警告', '记过', '记大过', '降级', '撤职', '开除', '留党察看', '撤销党内职务'];

/**
 * How a closed investigation ended, read from its 说明 cell: 无处分 / 警告 / a heavier sanction. null
 * when the cell does not say, so the row is refused with the evidence rule's own message on 说明.
 */
export function closingOutcomeOf(description: string): 'none' | 'warning' | 'heavier' | null {
  const text = description.replace(/^(结案(结果|结论)?[:：]?)/, '').trim();
  if (NO_SANCTION_WORDS.some((w) => text === w || text.startsWith(w))) return 'none';
  if (HEAVIER_WORDS.some((w) => text.includes(w)) || text.includes('警告以上')) return 'heavier';
  if (text.includes('警告')) return 'warning';
  return null;
}

/** Which template column a field of the evidence schema is typed in. */
const COLUMN_OF_FIELD: Record<string, string> = {
  personId: 'personNo',
  kind: 'kind',
  subKind: 'subKind',
  date: 'date',
  endDate: 'endDate',
  closingOutcome: 'description',
  days: 'days',
  hours: 'days',
  termYears: 'days',
  description: 'description',
  otherUnit: 'description',
  item: 'description',
  docNo: 'docNo',
};

const KIND_BY_LABEL = new Map<string, EvidenceKind>();
for (const [k, label] of Object.entries(EVIDENCE_KIND_LABEL) as [EvidenceKind, string][]) {
  KIND_BY_LABEL.set(label, k);
  KIND_BY_LABEL.set(k, k);
}
// Wordings departments use for the kinds.
for (const [alias, k] of [
  ['奖励', 'commendation'],
  ['表彰', 'commendation'],
  ['处分', 'sanction'],
  ['政务处分', 'sanction'],
  ['行政处分', 'sanction'],
  ['诫勉', 'org_handling'],
  ['党纪', 'party_discipline'],
  ['请假', 'leave'],
  ['假期', 'leave'],
  ['调动', 'transfer'],
  ['工作实绩', 'work'],
  ['工作', 'work'],
  ['立案审查', 'investigation'],
  ['审查调查', 'investigation'],
] as [string, EvidenceKind][])
  KIND_BY_LABEL.set(alias, k);

const KINDS_OF_SUB = new Map<string, EvidenceKind[]>();
for (const [k, subs] of Object.entries(EVIDENCE_SUB_KINDS) as [EvidenceKind, readonly string[]][])
  for (const s of subs) KINDS_OF_SUB.set(s, [...(KINDS_OF_SUB.get(s) ?? []), k]);
const SUB_ALIASES: Record<string, string> = {
  三等功: '记三等功',
  二等功: '记二等功',
  一等功: '记一等功',
  立案审查: '立案审查调查',
  立案调查: '立案审查调查',
  培训: '培训学时',
};

export const EVIDENCE_CONTENT_KEYS = ['date', 'kind', 'subKind', 'description', 'docNo', 'days', 'endDate'] as const;

export function evidenceKey(e: {
  personId: string;
  kind: string;
  subKind: string;
  date: string;
  docNo: string;
  description: string;
}): string {
  return [e.personId, e.kind, e.subKind, e.date, e.docNo, e.description].join('\u0001');
}

export function planEvidenceRow(
  row: DataRow,
  view: StoreView,
  dup: DuplicateGuard,
  existing: Set<string>,
): PlannedRow<EvidenceRecord> {
  const check = new RowCheck(row);
  const { person, personNo, name } = resolvePerson(check, view);
  const date = check.take('date', (v) => normRequiredDate(v, '日期'));
  const endDate = check.take('endDate', normDate);
  const days = check.take('days', normDays);
  const description = check.take('description', (v) => normText(v, EVIDENCE_FIELDS.description.max));
  const docNo = check.take('docNo', (v) => normText(v, EVIDENCE_FIELDS.docNo.max));

  let subKind = isBlankCell(row.get('subKind')) ? '' : compactText(cellText(row.get('subKind')));
  subKind = SUB_ALIASES[subKind] ?? subKind;
  const kindCell = row.get('kind');
  let kind: EvidenceKind | undefined;
  if (!isBlankCell(kindCell)) {
    kind = KIND_BY_LABEL.get(compactText(cellText(kindCell)));
    if (!kind)
      check.fail(
        'kind',
        `类别“${cellDisplay(kindCell)}”无法识别，应为 ${Object.values(EVIDENCE_KIND_LABEL).join('/')}`,
      );
  }
  if (!subKind) check.fail('subKind', '细类未填写');
  else {
    const kinds = KINDS_OF_SUB.get(subKind) ?? [];
    if (kind && !kinds.includes(kind))
      check.fail(
        'subKind',
        kinds.length
          ? `细类“${subKind}”不属于类别“${EVIDENCE_KIND_LABEL[kind]}”`
          : `细类“${subKind}”无法识别，${EVIDENCE_KIND_LABEL[kind]}的细类应为 ${EVIDENCE_SUB_KINDS[kind].join('/')}`,
      );
    else if (!kind && kinds.length === 1) kind = kinds[0];
    else if (!kind && kinds.length === 0) check.fail('subKind', `细类“${subKind}”无法识别，请从下拉列表中选择`);
    else if (!kind) check.fail('kind', `细类“${subKind}”属于多个类别，请填写类别`);
  }
  const window = view.evidenceDateWindow();
  for (const [field, value, label] of [
    ['date', date, '日期'],
    ['endDate', endDate, '截止日期'],
  ] as const)
    if (value && (value < window.from || value > window.to))
      check.fail(field, `${label} ${value} 不在合理范围内（${window.from} 至 ${window.to}），请核对年份是否填错`);
  if (date && endDate && endDate < date) check.fail('endDate', `截止日期 ${endDate} 早于日期 ${date}`);
  if (kind === 'leave' && date && endDate && days != null) {
    const span = (Date.parse(endDate) - Date.parse(date)) / 86_400_000 + 1;
    if (days > span) check.fail('days', `天数 ${days} 超过了 ${date} 至 ${endDate} 的 ${span} 天`);
  }

  const planned: PlannedRow<EvidenceRecord> = {
    sheet: row.sheet,
    row: row.row,
    personNo,
    name,
    issues: check.issues,
    action: null,
    subject: `${subKind || '事件'} ${date ?? ''}`.trim(),
    fields: [],
    record: null,
  };
  if (!check.clean || !person || !kind || !date) return planned;
  const base = {
    personId: person.id,
    kind,
    subKind,
    date,
    endDate: endDate ?? null,
    days: days ?? null,
    description: description ?? '',
    docNo: docNo ?? '',
  };
  if (kind === 'investigation' && base.endDate && !closingOutcomeOf(base.description)) {
    check.fail(
      'description',
      '已结案的立案审查调查须在“说明”栏写明结案结果：无处分、警告或警告以上处分（如“结案：警告”）；尚未结案的请清空截止日期',
    );
    return planned;
  }
  // The evidence capability's own rules (required 文号, 截止日期 of a leave, …), named by cell.
  const parsed = evidenceInput.safeParse(evidenceRaw(base));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = COLUMN_OF_FIELD[String(issue.path[0] ?? '')];
      if (key) check.fail(key, issue.message);
      else check.issues.push(row.rowIssue(issue.message));
    }
    return planned;
  }
  const record: EvidenceRecord = { ...base, input: parsed.data };
  const key = evidenceKey(record);
  dup.check(check, key, 'subKind', `同一事件（${subKind} ${date}）`);
  if (!check.clean) return planned;
  planned.record = record;
  planned.action = existing.has(key) ? 'unchanged' : 'add';
  if (planned.action === 'add')
    planned.fields = [
      { field: '类别', before: '', after: `${EVIDENCE_KIND_LABEL[kind]} / ${subKind}` },
      { field: '日期', before: '', after: date + (endDate ? ` 至 ${endDate}` : '') },
      ...(days != null ? [{ field: '天数', before: '', after: String(days) }] : []),
      ...(record.docNo ? [{ field: '文号', before: '', after: record.docNo }] : []),
    ];
  return planned;
}
