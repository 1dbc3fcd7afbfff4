// 民主测评 tally rows: per candidate and year, 参加测评人数 and the votes for each grade. The year must
// be one this store assesses for the person's agency, with 民主测评 enabled in its settings, and not
// yet decided; the votes are whole numbers, none above the voters, their sum not above them either.
import { normYear } from '../../../shared/import/normalize';
import { cellDisplay, isBlankCell, type CellValue } from '../../../shared/import/cells';
import { changedFields, type DuplicateGuard, resolvePerson, RowCheck, type PlannedRow } from './plan';
import type { DataRow } from './table';
import type { StoreView } from './store-view';

export const TALLY_VOTES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type TallyVote = (typeof TALLY_VOTES)[number];
const VOTE_LABEL: Record<TallyVote, string> = {
  excellent: '优秀票',
  competent: '称职票',
  basic: '基本称职票',
  incompetent: '不称职票',
};

export interface TallyCounts {
  voters: number;
  excellent: number;
  competent: number;
  basic: number;
  incompetent: number;
}

export interface TallyYear {
  id: string;
  unit_id: string;
  year: number;
  stage: string;
  enabled: boolean;
}

export interface TallyRecord extends TallyCounts {
  yearId: string;
  personId: string;
  before: TallyCounts | null;
}

function normCount(label: string, v: CellValue): { ok: true; value: number } | { ok: false; problem: string } {
  if (isBlankCell(v)) return { ok: false, problem: `${label}未填写（没有票请填 0）` };
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(/[票人]$/, '')) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 100_000)
    return { ok: false, problem: `${label}“${cellDisplay(v)}”应为 0 或正整数` };
  return { ok: true, value: n };
}

const text = (c: TallyCounts | null) =>
  c ? `${c.voters} 人参评：优秀 ${c.excellent}，称职 ${c.competent}，基本称职 ${c.basic}，不称职 ${c.incompetent}` : '';

export function planTallyRow(
  row: DataRow,
  view: StoreView,
  years: TallyYear[],
  dup: DuplicateGuard,
  stored: (yearId: string, personId: string) => TallyCounts | undefined,
): PlannedRow<TallyRecord> {
  const check = new RowCheck(row);
  const { person, personNo, name } = resolvePerson(check, view);
  const year = check.take('year', normYear);
  const voters = check.take('voters', (v) => normCount('参加测评人数', v));
  if (voters === 0) check.fail('voters', '参加测评人数应大于 0');
  const votes: Partial<Record<TallyVote, number>> = {};
  for (const k of TALLY_VOTES) {
    const n = check.take(k, (v) => normCount(VOTE_LABEL[k], v));
    if (n === undefined) continue;
    votes[k] = n;
    if (voters !== undefined && n > voters) check.fail(k, `${VOTE_LABEL[k]} ${n} 超过参加测评人数 ${voters}`);
  }
  const sum = TALLY_VOTES.reduce((s, k) => s + (votes[k] ?? 0), 0);
  if (voters && check.clean && sum > voters)
    check.fail('voters', `四项票数合计 ${sum} 超过参加测评人数 ${voters}，请核对`);
  let y: TallyYear | undefined;
  if (person && year !== undefined) {
    y = years.find((x) => x.year === year && view.isWithin(person.unit_id, x.unit_id));
    if (!y) check.fail('year', `${year} 年度不是本系统进行年终考核的年度，不能导入民主测评票数`);
    else if (!y.enabled) check.fail('year', `${year} 年度未启用民主测评，请先在年度设置中启用“民主测评”后再导入票数`);
    else if (y.stage === 'final' || y.stage === 'archived')
      check.fail('year', `${year} 年度考核已定档，民主测评票数不能再修改`);
    dup.check(check, `${person.id}/${year}`, 'personNo', `${name || personNo} 的 ${year} 年度票数`);
  }
  const planned: PlannedRow<TallyRecord> = {
    sheet: row.sheet,
    row: row.row,
    personNo,
    name,
    issues: check.issues,
    action: null,
    subject: `${year ?? ''} 年度民主测评`,
    fields: [],
    record: null,
  };
  if (!check.clean || !person || !y || voters === undefined) return planned;
  const counts: TallyCounts = {
    voters,
    excellent: votes.excellent ?? 0,
    competent: votes.competent ?? 0,
    basic: votes.basic ?? 0,
    incompetent: votes.incompetent ?? 0,
  };
  const before = stored(y.id, person.id) ?? null;
  planned.record = { ...counts, yearId: y.id, personId: person.id, before };
  planned.fields = changedFields([['民主测评', text(before), text(counts)]]);
  planned.action = !before ? 'add' : planned.fields.length ? 'change' : 'unchanged';
  return planned;
}
