// Quota maths (优秀名额): how people pool into quota units, the base, the share (raised only with an
// approval 文号), rounding, and a Chinese explanation of each unit's number.
import { CATEGORY_LABEL } from '../domain/labels';
import type { Grade, Outcome, PersonCategory } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';

export type Rounding = 'floor' | 'round' | 'ceil';

const ROUNDING_LABEL: Record<Rounding, string> = { floor: '向下取整', round: '四舍五入', ceil: '向上取整' };

/** share × base, rounded; the product is first cleaned of float noise (0.2 × 15 = 3.0000000000000004). */
export function quotaAllowed(base: number, share: number, rounding: Rounding): number {
  const raw = Math.round(base * share * 1e6) / 1e6;
  const n = rounding === 'floor' ? Math.floor(raw) : rounding === 'ceil' ? Math.ceil(raw) : Math.round(raw);
  return Math.max(0, Math.min(base, n));
}

/** The share in force: the raised share only when an approval document number is recorded. */
export function effectiveShare(settings: YearSettings): { share: number; raised: boolean; approvalDocNo: string } {
  const doc = settings.quota.raisedApprovalDocNo.trim();
  return doc
    ? { share: settings.quota.raisedShare, raised: true, approvalDocNo: doc }
    : { share: settings.quota.share, raised: false, approvalDocNo: '' };
}

export interface QuotaMember {
  personId: string;
  category: PersonCategory;
  agencyId: string;
  departmentId: string;
  departmentName: string;
  superiorAssessed: boolean;
  /** outcome the base is counted from (the suggestion, or the final decision when there is one) */
  outcome: Outcome;
  suggestedGrade: Grade | null;
  /** final grade decided, null while undecided */
  finalGrade: Grade | null;
  finalOutcome: Outcome | null;
  /** 文号 on the final decision: an approval beyond the places, or (a leader) the superior's notice */
  approvalDocNo?: string;
}

/** Who is counted how: everyone's result per grade and per non-grade outcome (the printed counts). */
export interface OutcomeTally {
  /** 应参加考核 */
  due: number;
  /** 实际参加考核 (everyone but 不参加) */
  assessed: number;
  grades: Record<Grade, number>;
  commentsOnly: number;
  deferred: number;
  notAssessed: number;
}

function emptyTally(): OutcomeTally {
  return {
    due: 0,
    assessed: 0,
    grades: { excellent: 0, competent: 0, basic: 0, incompetent: 0 },
    commentsOnly: 0,
    deferred: 0,
    notAssessed: 0,
  };
}

/** The outcome a member counts with: the decision where made, else the suggestion. */
export function resultOf(m: QuotaMember): { outcome: Outcome; grade: Grade | null } {
  const outcome = m.finalOutcome ?? m.outcome;
  if (outcome !== 'graded') return { outcome, grade: null };
  return { outcome, grade: m.finalOutcome ? m.finalGrade : (m.finalGrade ?? m.suggestedGrade) };
}

/** Counts per grade and per non-grade outcome; the one tally behind every printed count. */
export function tallyOutcomes(members: readonly QuotaMember[]): OutcomeTally {
  const t = emptyTally();
  for (const m of members) {
    const r = resultOf(m);
    t.due++;
    if (r.outcome !== 'not_assessed') t.assessed++;
    if (r.outcome === 'graded') {
      if (r.grade) t.grades[r.grade]++;
    } else if (r.outcome === 'comments_only') t.commentsOnly++;
    else if (r.outcome === 'deferred') t.deferred++;
    else t.notAssessed++;
  }
  return t;
}

/** Which quota unit a person belongs to, by the year's pooling and population settings. */
export function quotaUnitOf(
  m: Pick<QuotaMember, 'category' | 'agencyId' | 'departmentId' | 'departmentName'>,
  settings: YearSettings,
): { key: string; label: string } {
  const q = settings.quota;
  let scopeKey: string;
  let scopeLabel: string;
  if (q.pooling === 'department') {
    scopeKey = `dept:${m.departmentId}`;
    scopeLabel = m.departmentName;
  } else if (q.pooling === 'category') {
    return { key: `cat:${m.category}`, label: `${CATEGORY_LABEL[m.category]}人员` };
  } else {
    scopeKey = `agency:${m.agencyId}`;
    scopeLabel = '全单位';
  }
  if (!q.separatePopulations) return { key: scopeKey, label: scopeLabel };
  const inst = m.category === 'institution';
  return {
    key: `${scopeKey}|${inst ? 'institution' : 'civil'}`,
    label: `${scopeLabel}·${inst ? '事业单位人员' : '公务员（含参公）'}`,
  };
}

export interface QuotaUnitSummary {
  key: string;
  label: string;
  /** everyone pooled here, leaders assessed by the superior included */
  headcount: number;
  base: number;
  share: number;
  raised: boolean;
  approvalDocNo: string;
  rounding: Rounding;
  allowed: number;
  /** people suggested excellent (candidates), outside-quota leaders excluded */
  candidates: number;
  /** final grades of excellent decided so far, outside-quota leaders excluded */
  used: number;
  /** too small for any excellent grade at this share */
  tooSmall: boolean;
  excluded: { commentsOnly: number; deferred: number; notAssessed: number; superiorAssessed: number };
  /** e.g. "基数 23 人 × 20% = 4.6，向下取整 → 4 名" */
  explanation: string;
  /** excellent decisions recorded with an approval 文号 (outside-quota leaders excluded) */
  approvedOverrides: number;
  /** those approvals, one per person, with the 文号 printed beside the count */
  approvals: { personId: string; docNo: string }[];
  /** no place left without an approval */
  full: boolean;
  /** more excellent decisions than places plus approved overrides (must not happen) */
  over: boolean;
  /** everyone of the unit but the superior-assessed leaders, per grade and outcome */
  tally: OutcomeTally;
  /** leaders assessed by the superior body: counted apart, with the superior's notice 文号 */
  superior: { tally: OutcomeTally; docNos: string[] };
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Summaries per quota unit. Outcomes come from the final decision where made, else the suggestion. */
export function computeQuotaUnits(members: QuotaMember[], settings: YearSettings): QuotaUnitSummary[] {
  const { share, raised, approvalDocNo } = effectiveShare(settings);
  const rounding = settings.quota.rounding;
  const groups = new Map<string, { label: string; list: QuotaMember[] }>();
  for (const m of members) {
    const u = quotaUnitOf(m, settings);
    const g = groups.get(u.key) ?? { label: u.label, list: [] };
    g.list.push(m);
    groups.set(u.key, g);
  }
  const out: QuotaUnitSummary[] = [];
  for (const [key, { label, list }] of groups) {
    const excluded = { commentsOnly: 0, deferred: 0, notAssessed: 0, superiorAssessed: 0 };
    let base = 0;
    let candidates = 0;
    let used = 0;
    const approvals: { personId: string; docNo: string }[] = [];
    const inside: QuotaMember[] = [];
    const leaders: QuotaMember[] = [];
    for (const m of list) {
      if (m.superiorAssessed) {
        excluded.superiorAssessed++;
        leaders.push(m);
        continue;
      }
      inside.push(m);
      const outcome = m.finalOutcome ?? m.outcome;
      if (outcome === 'graded') base++;
      else if (outcome === 'not_assessed') excluded.notAssessed++;
      else {
        if (outcome === 'comments_only') excluded.commentsOnly++;
        else excluded.deferred++;
        if (settings.quota.baseIncludesUngraded) base++;
      }
      if (m.suggestedGrade === 'excellent') candidates++;
      if (m.finalGrade === 'excellent' && (m.finalOutcome ?? 'graded') === 'graded') {
        used++;
        const doc = (m.approvalDocNo ?? '').trim();
        if (doc) approvals.push({ personId: m.personId, docNo: doc });
      }
    }
    const allowed = quotaAllowed(base, share, rounding);
    const raw = Math.round(base * share * 100) / 100;
    const notes: string[] = [];
    if (!settings.quota.baseIncludesUngraded && excluded.commentsOnly + excluded.deferred > 0)
      notes.push(`不含只写评语 ${excluded.commentsOnly} 人、暂缓 ${excluded.deferred} 人`);
    if (settings.quota.baseIncludesUngraded && excluded.commentsOnly + excluded.deferred > 0)
      notes.push(`含只写评语 ${excluded.commentsOnly} 人、暂缓 ${excluded.deferred} 人`);
    if (excluded.notAssessed) notes.push(`不含不参加考核 ${excluded.notAssessed} 人`);
    if (excluded.superiorAssessed) notes.push(`上级考核 ${excluded.superiorAssessed} 人另计`);
    const explanation =
      `基数 ${base} 人${notes.length ? `（${notes.join('，')}）` : ''} × ${pct(share)}${raised ? `（经批准提高，文号 ${approvalDocNo}）` : ''} = ${raw}，${ROUNDING_LABEL[rounding]} → ${allowed} 名` +
      (allowed === 0 ? '；人数过少，按比例无优秀名额' : '');
    out.push({
      key,
      label,
      headcount: list.length,
      base,
      share,
      raised,
      approvalDocNo,
      rounding,
      allowed,
      candidates,
      used,
      tooSmall: allowed === 0,
      excluded,
      explanation,
      approvedOverrides: approvals.length,
      approvals,
      full: used >= allowed,
      over: used > allowed + approvals.length,
      tally: tallyOutcomes(inside),
      superior: {
        tally: tallyOutcomes(leaders),
        docNos: [...new Set(leaders.map((m) => (m.approvalDocNo ?? '').trim()).filter(Boolean))],
      },
    });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
