// Per-kind validation of evidence inputs: each message in Chinese, on the field the form shows.
import { describe, expect, it } from 'vitest';
import { evidenceInput } from '../../shared/evidence/fields';
import { EVIDENCE_FIELDS, tooLong, type TextField } from '../../shared/domain/fields';
import { EVIDENCE_SUB_KINDS } from '../../shared/domain/types';
import { evidenceColumns, evidenceInputOf } from '../../shared/evidence/storage';

function issues(raw: unknown): { path: string; message: string }[] {
  const r = evidenceInput.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const base = { personId: 'p1', date: '2026-03-15' };

describe('evidence fields per kind', () => {
  it('requires the 文号 of a sanction and of a commendation', () => {
    expect(issues({ ...base, kind: 'sanction', subKind: '警告' })).toEqual([
      { path: 'docNo', message: '请填写处分决定文号' },
    ]);
    expect(issues({ ...base, kind: 'sanction', subKind: '警告', docNo: '  ' })).toEqual([
      { path: 'docNo', message: '请填写处分决定文号' },
    ]);
    expect(issues({ ...base, kind: 'commendation', subKind: '嘉奖' })).toEqual([
      { path: 'docNo', message: '请填写奖励文号' },
    ]);
    expect(issues({ ...base, kind: 'sanction', subKind: '警告', docNo: '某纪发〔2026〕3号' })).toEqual([]);
    // org handling does not require one
    expect(issues({ ...base, kind: 'org_handling', subKind: '诫勉' })).toEqual([]);
  });

  it('refuses an end before the start, at the end field', () => {
    expect(issues({ ...base, kind: 'leave', subKind: '病假', endDate: '2026-03-10' })).toEqual([
      { path: 'endDate', message: '截止日期不能早于开始日期' },
    ]);
    expect(issues({ ...base, kind: 'probation', subKind: '试用期', endDate: '2026-01-01' })).toEqual([
      { path: 'endDate', message: '试用期满日期不能早于开始日期' },
    ]);
    expect(
      issues({
        ...base,
        kind: 'investigation',
        subKind: '立案审查调查',
        endDate: '2026-01-01',
        closingOutcome: 'none',
      }),
    ).toEqual([{ path: 'endDate', message: '结案日期不能早于开始日期' }]);
  });

  it('names an unknown sub-kind with the allowed ones', () => {
    const [i] = issues({ ...base, kind: 'sanction', subKind: '严重警告', docNo: 'x' });
    expect(i?.path).toBe('subKind');
    expect(i?.message).toBe('细类无效，可选：警告、记过、记大过、降级、撤职、开除、降低岗位等级');
  });

  it('refuses an unknown kind and a bad date', () => {
    expect(issues({ ...base, kind: 'holiday', subKind: 'x' })[0]?.message).toBe('事件类别无效');
    expect(issues({ ...base, date: '2026-02-30', kind: 'org_handling', subKind: '诫勉' })).toEqual([
      { path: 'date', message: '日期应为 YYYY-MM-DD 格式的有效日期' },
    ]);
    expect(issues({ ...base, date: undefined, kind: 'sanction', subKind: '警告', docNo: 'x' })).toEqual([
      { path: 'date', message: '请填写处分生效日期' },
    ]);
  });

  it('asks for the term of 留党察看 only', () => {
    expect(issues({ ...base, kind: 'party_discipline', subKind: '留党察看' })).toEqual([
      { path: 'termYears', message: '留党察看须填写期限（1 年或 2 年）' },
    ]);
    expect(issues({ ...base, kind: 'party_discipline', subKind: '留党察看', termYears: 3 })[0]?.message).toBe(
      '留党察看期限应为 1 年或 2 年',
    );
    expect(issues({ ...base, kind: 'party_discipline', subKind: '严重警告', termYears: 1 })).toEqual([
      { path: 'termYears', message: '只有留党察看有期限，请清空' },
    ]);
    const parsed = evidenceInput.parse({ ...base, kind: 'party_discipline', subKind: '留党察看', termYears: 2 });
    expect(evidenceColumns(parsed).endDate).toBe('2028-03-14');
  });

  it('asks for a closing outcome of a closed investigation', () => {
    expect(issues({ ...base, kind: 'investigation', subKind: '立案审查调查', endDate: '2026-06-01' })).toEqual([
      { path: 'closingOutcome', message: '已结案的须选择结案结果' },
    ]);
    expect(issues({ ...base, kind: 'investigation', subKind: '立案审查调查', closingOutcome: 'warning' })).toEqual([
      { path: 'endDate', message: '填写了结案结果，请同时填写结案日期' },
    ]);
    expect(issues({ ...base, kind: 'investigation', subKind: '立案审查调查' })).toEqual([]);
  });

  it('checks leave days against the dates and computes them when absent', () => {
    expect(issues({ ...base, kind: 'leave', subKind: '事假', endDate: '2026-03-16', days: 3 })).toEqual([
      { path: 'days', message: '天数（3）不能超过起止日期间的 2 天' },
    ]);
    const parsed = evidenceInput.parse({ ...base, kind: 'leave', subKind: '事假', endDate: '2026-03-24' });
    expect(evidenceColumns(parsed)).toMatchObject({ days: 10, endDate: '2026-03-24', details: { daysGiven: false } });
    const given = evidenceInput.parse({ ...base, kind: 'leave', subKind: '事假', endDate: '2026-03-24', days: 8 });
    expect(evidenceColumns(given)).toMatchObject({ days: 8, details: { daysGiven: true } });
  });

  it('requires the other unit of a transfer, hours of training, the item of a negative list, the reason of not assessed', () => {
    expect(issues({ ...base, kind: 'transfer', subKind: '调入' })).toEqual([
      { path: 'otherUnit', message: '请填写对方单位名称' },
    ]);
    expect(issues({ ...base, kind: 'work', subKind: '培训学时' })).toEqual([
      { path: 'hours', message: '培训学时须填写学时数' },
    ]);
    expect(issues({ ...base, kind: 'negative_list', subKind: '负面清单' })).toEqual([
      { path: 'item', message: '请填写负面清单事项' },
    ]);
    expect(issues({ ...base, kind: 'not_assessed', subKind: '其他', description: ' ' })).toEqual([
      { path: 'description', message: '请填写不参加考核的原因' },
    ]);
  });

  it('refuses fields of another kind', () => {
    expect(issues({ ...base, kind: 'org_handling', subKind: '诫勉', days: 3 })[0]?.path).toBe('');
  });

  it('round-trips every kind through columns and back', () => {
    const samples = [
      { ...base, kind: 'commendation', subKind: '嘉奖', docNo: 'a' },
      { ...base, kind: 'sanction', subKind: '记过', docNo: 'b' },
      { ...base, kind: 'party_discipline', subKind: '留党察看', termYears: 1 },
      { ...base, kind: 'org_handling', subKind: '调整职务' },
      {
        ...base,
        kind: 'investigation',
        subKind: '立案审查调查',
        endDate: '2026-06-01',
        closingOutcome: 'heavier',
        linkedEvidenceId: 'e9',
      },
      { ...base, kind: 'leave', subKind: '病假', endDate: '2026-03-20', days: 4 },
      { ...base, kind: 'probation', subKind: '试用期', endDate: '2027-03-14' },
      { ...base, kind: 'transfer', subKind: '借调', otherUnit: '市委办', endDate: '2026-09-30' },
      { ...base, kind: 'work', subKind: '培训学时', hours: 12 },
      { ...base, kind: 'negative_list', subKind: '负面清单', item: '迟报瞒报' },
      { ...base, kind: 'role_veto', subKind: '党建考核未达优', role: '党支部书记' },
      { ...base, kind: 'not_assessed', subKind: '离开单位', description: '调往外单位' },
    ];
    for (const s of samples) {
      const parsed = evidenceInput.parse(s);
      const c = evidenceColumns(parsed);
      const back = evidenceInputOf({ ...c, personId: parsed.personId });
      expect(evidenceInput.parse(back)).toEqual(parsed);
    }
  });
});

describe('evidence text limits come from the field registry', () => {
  // one input per field, of a kind that carries it, otherwise valid
  const carrier: Record<keyof typeof EVIDENCE_FIELDS, Record<string, unknown> | null> = {
    description: { ...base, kind: 'org_handling', subKind: '诫勉' },
    docNo: { ...base, kind: 'sanction', subKind: '警告', docNo: 'x' },
    otherUnit: { ...base, kind: 'transfer', subKind: '调入', otherUnit: 'x' },
    item: { ...base, kind: 'negative_list', subKind: EVIDENCE_SUB_KINDS.negative_list[0], item: 'x' },
    role: { ...base, kind: 'role_veto', subKind: EVIDENCE_SUB_KINDS.role_veto[0] },
    voidReason: null, // not part of an input; evidence.void checks it (evidence.test.ts)
  };
  for (const [key, f] of Object.entries(EVIDENCE_FIELDS) as [keyof typeof EVIDENCE_FIELDS, TextField][]) {
    const input = carrier[key];
    if (!input) continue;
    it(`${f.label}: ${f.max} characters pass, one more is refused in the registry's words`, () => {
      expect(issues({ ...input, [key]: '字'.repeat(f.max) })).toEqual([]);
      expect(issues({ ...input, [key]: '字'.repeat(f.max + 1) })).toEqual([{ path: key, message: tooLong(f) }]);
    });
  }
});
