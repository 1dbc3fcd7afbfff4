// Quota maths (优秀名额): how people pool into quota units, the base, the share (raised only with an
// approval 文号), rounding, and a Chinese explanation of each unit's number.
import { CATEGORY_LABEL } from '../domain/labels';
import type { Grade, Outcome, PersonCategory } from '../domain/types';
import { DEPARTMENT_CLASS_LABEL, type DepartmentClass, type YearSettings } from '../settings/year-settings';

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

export interface QuotaUnitRef {
  key: string;
  label: string;
  /** the units whose places are shared out together (one agency and population) */
  group: string;
  groupLabel: string;
  /** the units' order within their group (the leaders' order in the settings, 机关/基层/事业) */
  order: number;
}

const CLASS_ORDER: readonly DepartmentClass[] = ['organ', 'grassroots', 'institution'];

/** Which quota unit a person belongs to, by the year's pooling and population settings. */
export function quotaUnitOf(
  m: Pick<QuotaMember, 'category' | 'agencyId' | 'departmentId' | 'departmentName'>,
  settings: YearSettings,
): QuotaUnitRef {
  const q = settings.quota;
  const inst = m.category === 'institution';
  const population = q.separatePopulations ? (inst ? 'institution' : 'civil') : '';
  const populationLabel = population ? (inst ? '事业单位人员' : '公务员（含参公）') : '';
  const group = `agency:${m.agencyId}${population ? `|${population}` : ''}`;
  const groupLabel = `全单位${populationLabel ? `·${populationLabel}` : ''}`;
  let scopeKey: string;
  let scopeLabel: string;
  let order = 0;
  if (q.pooling === 'department') {
    scopeKey = `dept:${m.departmentId}`;
    scopeLabel = m.departmentName;
  } else if (q.pooling === 'category') {
    return {
      key: `cat:${m.category}`,
      label: `${CATEGORY_LABEL[m.category]}人员`,
      group,
      groupLabel,
      order: Object.keys(CATEGORY_LABEL).indexOf(m.category),
    };
  } else if (q.pooling === 'leader') {
    const i = q.leaders.findIndex((l) => l.departmentIds.includes(m.departmentId));
    const leader = q.leaders[i];
    scopeKey = leader ? `leader:${leader.id}` : 'leader:';
    scopeLabel = leader ? `${leader.name}分管` : '未列入分管领导的部门';
    order = leader ? i : q.leaders.length;
  } else if (q.pooling === 'class') {
    const c = q.departmentClasses.find((x) => x.departmentId === m.departmentId)?.class ?? 'organ';
    scopeKey = `class:${c}`;
    scopeLabel = DEPARTMENT_CLASS_LABEL[c];
    order = CLASS_ORDER.indexOf(c);
  } else {
    scopeKey = `agency:${m.agencyId}`;
    scopeLabel = '全单位';
  }
  if (!population) return { key: scopeKey, label: scopeLabel, group, groupLabel, order };
  return { key: `${scopeKey}|${population}`, label: `${scopeLabel}·${populationLabel}`, group, groupLabel, order };
}

/**
 * Largest remainder (最大余数法): `total` places over units with exact shares `exact` (base × share).
 * Each unit gets the whole part of its share; the places left go one each to the largest fractional
 * parts, ties to the larger base, then to the earlier unit (never beyond a unit's base). Returns
 * each unit's places and whether it got one of the places left.
 */
export function largestRemainder(
  units: readonly { exact: number; base: number }[],
  total: number,
): { places: number[]; extra: boolean[] } {
  const whole = units.map((u) => Math.floor(u.exact));
  const places = [...whole];
  const extra = units.map(() => false);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const byRemainder = units
    .map((u, i) => ({ i, frac: Math.round((u.exact - Math.floor(u.exact)) * 1e6) / 1e6, base: u.base }))
    .sort((a, b) => b.frac - a.frac || b.base - a.base || a.i - b.i);
  for (const x of byRemainder) {
    if (left <= 0) break;
    if (places[x.i]! >= units[x.i]!.base) continue;
    places[x.i]!++;
    extra[x.i] = true;
    left--;
  }
  return { places, extra };
}

export interface QuotaUnitSummary {
  key: string;
  label: string;
  /** the units whose places are shared out together (quotaUnitOf) */
  group: string;
  /** each unit rounds its own share, or the group's places are shared by largest remainder */
  sharing: 'per_unit' | 'largest_remainder';
  /** everyone pooled here, leaders assessed by the superior included */
  headcount: number;
  base: number;
  share: number;
  raised: boolean;
  approvalDocNo: string;
  rounding: Rounding;
  /** base × share before any rounding: the unit's fraction of places */
  exact: number;
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

/** base × share without float noise (0.2 × 15 = 3.0000000000000004), to 6 places. */
function exactShare(base: number, share: number): number {
  return Math.round(base * share * 1e6) / 1e6;
}

/** A number as the explanation prints it: at most two decimals. */
function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** One unit's members counted (base, candidates, exclusions): the input of its places and summary. */
export interface UnitCount {
  ref: QuotaUnitRef;
  list: QuotaMember[];
  inside: QuotaMember[];
  leaders: QuotaMember[];
  base: number;
  candidates: number;
  used: number;
  approvals: { personId: string; docNo: string }[];
  excluded: QuotaUnitSummary['excluded'];
}

export function countUnit(ref: QuotaUnitRef, list: QuotaMember[], settings: YearSettings): UnitCount {
  const c: UnitCount = {
    ref,
    list,
    inside: [],
    leaders: [],
    base: 0,
    candidates: 0,
    used: 0,
    approvals: [],
    excluded: { commentsOnly: 0, deferred: 0, notAssessed: 0, superiorAssessed: 0 },
  };
  for (const m of list) {
    if (m.superiorAssessed) {
      c.excluded.superiorAssessed++;
      c.leaders.push(m);
      continue;
    }
    c.inside.push(m);
    const outcome = m.finalOutcome ?? m.outcome;
    if (outcome === 'graded') c.base++;
    else if (outcome === 'not_assessed') c.excluded.notAssessed++;
    else {
      if (outcome === 'comments_only') c.excluded.commentsOnly++;
      else c.excluded.deferred++;
      if (settings.quota.baseIncludesUngraded) c.base++;
    }
    if (m.suggestedGrade === 'excellent') c.candidates++;
    if (m.finalGrade === 'excellent' && (m.finalOutcome ?? 'graded') === 'graded') {
      c.used++;
      const doc = (m.approvalDocNo ?? '').trim();
      if (doc) c.approvals.push({ personId: m.personId, docNo: doc });
    }
  }
  return c;
}

/** "基数 23 人（不含…） × 20%（经批准提高…） = 4.6" */
function baseText(c: UnitCount, settings: YearSettings, share: number, raised: string): string {
  const { excluded } = c;
  const notes: string[] = [];
  if (!settings.quota.baseIncludesUngraded && excluded.commentsOnly + excluded.deferred > 0)
    notes.push(`不含只写评语 ${excluded.commentsOnly} 人、暂缓 ${excluded.deferred} 人`);
  if (settings.quota.baseIncludesUngraded && excluded.commentsOnly + excluded.deferred > 0)
    notes.push(`含只写评语 ${excluded.commentsOnly} 人、暂缓 ${excluded.deferred} 人`);
  if (excluded.notAssessed) notes.push(`不含不参加考核 ${excluded.notAssessed} 人`);
  if (excluded.superiorAssessed) notes.push(`上级考核 ${excluded.superiorAssessed} 人另计`);
  const raw = Math.round(c.base * share * 100) / 100;
  return `基数 ${c.base} 人${notes.length ? `（${notes.join('，')}）` : ''} × ${pct(share)}${raised} = ${raw}`;
}

/**
 * Places per unit. Each unit rounds its own fraction, or (sharing 'largest_remainder') each group's
 * places — its pooled base × share, rounded once by the year's rounding — are shared out between its
 * units by largest remainder; the explanation states the group's sum and where the places left went.
 */
export function placesOf(
  counts: UnitCount[],
  settings: YearSettings,
  share: number,
  raised: string,
): Map<string, { allowed: number; explanation: string }> {
  const rounding = settings.quota.rounding;
  const out = new Map<string, { allowed: number; explanation: string }>();
  const tooSmall = (n: number) => (n === 0 ? '；人数过少，按比例无优秀名额' : '');
  if (settings.quota.sharing !== 'largest_remainder') {
    for (const c of counts) {
      const allowed = quotaAllowed(c.base, share, rounding);
      out.set(c.ref.key, {
        allowed,
        explanation: `${baseText(c, settings, share, raised)}，${ROUNDING_LABEL[rounding]} → ${allowed} 名${tooSmall(allowed)}`,
      });
    }
    return out;
  }
  const groups = new Map<string, UnitCount[]>();
  for (const c of counts) groups.set(c.ref.group, [...(groups.get(c.ref.group) ?? []), c]);
  for (const list of groups.values()) {
    list.sort((a, b) => a.ref.order - b.ref.order || (a.ref.key < b.ref.key ? -1 : 1));
    const base = list.reduce((n, c) => n + c.base, 0);
    const total = quotaAllowed(base, share, rounding);
    const exact = list.map((c) => ({ exact: exactShare(c.base, share), base: c.base }));
    const { places, extra } = largestRemainder(exact, total);
    const whole = exact.reduce((n, e) => n + Math.floor(e.exact), 0);
    const label = list[0]!.ref.groupLabel;
    const sum = `${label}基数 ${base} 人 × ${pct(share)} = ${num(exactShare(base, share))}，${ROUNDING_LABEL[rounding]} → 共 ${total} 名`;
    list.forEach((c, i) => {
      const allowed = places[i]!;
      const frac = num(exact[i]!.exact - Math.floor(exact[i]!.exact));
      const why =
        total === whole
          ? '各单元整数部分已分完全部名额'
          : `各单元先得整数部分共 ${whole} 名，余下 ${total - whole} 名按小数部分从大到小分配（同值先人数多者，再按单元顺序），本单元小数 ${frac}${extra[i] ? '，分得 1 名' : '，未分得'}`;
      out.set(c.ref.key, {
        allowed,
        explanation: `${baseText(c, settings, share, raised)}，按最大余数法分配 → ${allowed} 名（${sum}；${why}）${tooSmall(allowed)}`,
      });
    });
  }
  return out;
}

/** The share in force and the words the explanations add when it was raised with an approval. */
export function shareInForce(settings: YearSettings): {
  share: number;
  raised: boolean;
  approvalDocNo: string;
  raisedText: string;
} {
  const e = effectiveShare(settings);
  return { ...e, raisedText: e.raised ? `（经批准提高，文号 ${e.approvalDocNo}）` : '' };
}

/** One unit's summary from its count and its places (placesOf). */
export function unitSummary(
  c: UnitCount,
  place: { allowed: number; explanation: string },
  settings: YearSettings,
): QuotaUnitSummary {
  const { share, raised, approvalDocNo } = effectiveShare(settings);
  const { allowed, explanation } = place;
  return {
    key: c.ref.key,
    label: c.ref.label,
    group: c.ref.group,
    sharing: settings.quota.sharing,
    headcount: c.list.length,
    base: c.base,
    share,
    raised,
    approvalDocNo,
    rounding: settings.quota.rounding,
    exact: exactShare(c.base, share),
    allowed,
    candidates: c.candidates,
    used: c.used,
    tooSmall: allowed === 0,
    excluded: c.excluded,
    explanation,
    approvedOverrides: c.approvals.length,
    approvals: c.approvals,
    full: c.used >= allowed,
    over: c.used > allowed + c.approvals.length,
    tally: tallyOutcomes(c.inside),
    superior: {
      tally: tallyOutcomes(c.leaders),
      docNos: [...new Set(c.leaders.map((m) => (m.approvalDocNo ?? '').trim()).filter(Boolean))],
    },
  };
}

/** By the units' order (the leaders as listed, 机关/基层/事业), then by key. */
export function byUnitOrder(a: { ref: QuotaUnitRef }, b: { ref: QuotaUnitRef }): number {
  return a.ref.order - b.ref.order || (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0);
}

/** Summaries per quota unit. Outcomes come from the final decision where made, else the suggestion. */
export function computeQuotaUnits(members: QuotaMember[], settings: YearSettings): QuotaUnitSummary[] {
  const groups = new Map<string, { ref: QuotaUnitRef; list: QuotaMember[] }>();
  for (const m of members) {
    const ref = quotaUnitOf(m, settings);
    const g = groups.get(ref.key) ?? { ref, list: [] };
    g.list.push(m);
    groups.set(ref.key, g);
  }
  const counts = [...groups.values()].map((g) => countUnit(g.ref, g.list, settings));
  const places = placesOf(counts, settings, effectiveShare(settings).share, shareInForce(settings).raisedText);
  return counts.sort(byUnitOrder).map((c) => unitSummary(c, places.get(c.ref.key)!, settings));
}
