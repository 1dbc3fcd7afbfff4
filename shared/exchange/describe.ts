// Bundle records in words for the preview: which fields differ between this store and the bundle,
// with the office's labels (姓名、等次、文号…), so the clerk chooses by reading, not by ids.
import { CATEGORY_LABEL, EVIDENCE_KIND_LABEL, OUTCOME_LABEL, RATING_LABEL } from '../domain/labels';
import type { PartName } from './bundle';

const FIELD_LABEL: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthMonth: '出生年月',
  politicalStatus: '政治面貌',
  education: '文化程度',
  department: '部门',
  departmentSince: '调入日期',
  position: '职务职级',
  positionSince: '任现职时间',
  category: '人员类别',
  duties: '从事或分管工作',
  hireDate: '入职日期',
  probationEnd: '试用期满',
  superiorAssessed: '上级考核',
  idCard: '身份证号',
  status: '状态',
  leftDate: '离开日期',
  leftReason: '离开原因',
  workRecord: '工作纪实',
  selfAssessment: '个人自评',
  rating: '等次',
  comment: '评语',
  rater: '评价人',
  kind: '类别',
  subKind: '细类',
  date: '日期',
  endDate: '截止日期',
  days: '天数',
  description: '说明',
  docNo: '文号',
  details: '其他信息',
  voidReason: '作废原因',
  note: '复核意见',
  periodReviewed: '期间复核完成',
  outcome: '考核结果',
  grade: '等次',
  reason: '理由',
  approvalDocNo: '批准文号',
  fileName: '文件名',
  sha256: '校验值',
  size: '大小',
};

/** The fields shown for a record that is new (the other side has none). */
const HEADLINE: Record<PartName, string[]> = {
  roster: ['name', 'department', 'status'],
  ratings: ['department', 'rating'],
  evidence: ['kind', 'date', 'docNo', 'status'],
  reviews: ['status', 'periodReviewed'],
  decisions: ['outcome', 'grade'],
  attachments: ['docNo', 'fileName', 'size'],
};

function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'rating' && typeof v === 'string') return RATING_LABEL[v as keyof typeof RATING_LABEL] ?? v;
  if (field === 'outcome' && typeof v === 'string') return OUTCOME_LABEL[v as keyof typeof OUTCOME_LABEL] ?? v;
  if (field === 'grade' && typeof v === 'string')
    return { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职' }[v] ?? v;
  if (field === 'kind' && typeof v === 'string') return EVIDENCE_KIND_LABEL[v as keyof typeof EVIDENCE_KIND_LABEL] ?? v;
  if (field === 'category' && typeof v === 'string') return CATEGORY_LABEL[v as keyof typeof CATEGORY_LABEL] ?? v;
  if (field === 'status' && typeof v === 'string')
    return { active: '在职/有效', left: '已离开', voided: '已作废', accepted: '通过', returned: '退回' }[v] ?? v;
  if (field === 'idCard' && typeof v === 'string') return `${v.slice(0, 6)}********${v.slice(-4)}`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The fields where two versions of a record differ (all shown fields when one side has none). */
export function differingFields(part: PartName, mine: object | null, theirs: object | null): string[] {
  if (!mine || !theirs) return HEADLINE[part];
  const a = mine as Record<string, unknown>;
  const b = theirs as Record<string, unknown>;
  return Object.keys(b).filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}

export function describeRecord(record: object | null, fields: readonly string[]): string {
  if (!record) return '（无）';
  const r = record as Record<string, unknown>;
  return fields.map((f) => `${FIELD_LABEL[f] ?? f}：${valueText(f, r[f])}`).join('；');
}
