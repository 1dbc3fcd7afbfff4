// The 复核与申诉 list as exported: one row per case, in the panel's columns and the UI language, a
// pending case marked as such and the open-ended deadline written as 无.
import { describe, expect, it } from 'vitest';
import { redressTable } from '../../renderer/src/pages/yearend/redress-export';
import { translate, type Lang } from '../../renderer/src/i18n/format';
import type { OutputOf } from '../../shared/api';

type Case = OutputOf<'yearend.redressList'>[number];
const tOf = (lang: Lang) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate(lang, key, params);

const base = {
  personId: 'p1',
  personName: '王芳',
  beforeLabel: '基本称职',
  filedOn: '2027-01-10',
  deadline: '2027-02-08',
  deadlineBasis: '自知悉之日起 30 日内',
  request: '请求复核',
  decisionDocNo: '',
  decisionReason: '',
  resultLabel: null,
} as unknown as Case;

describe('redress export', () => {
  it('lists each case with its kind, deadline, decision and result', () => {
    const cases = [
      { ...base, id: 'r1', kind: 'review', status: 'pending', decision: null, decisionOn: null },
      {
        ...base,
        id: 'r2',
        kind: 'deferred_grade',
        deadline: '9999-12-31',
        status: 'decided',
        decision: 'changed',
        decisionOn: '2027-02-01',
        decisionDocNo: 'X考〔2027〕1号',
        resultLabel: '称职',
      },
    ] as Case[];
    const zh = redressTable(cases, tOf('zh'));
    expect(zh.columns).toEqual([
      '类别',
      '人员',
      '原结果',
      '申请日期',
      '期限',
      '请求',
      '决定',
      '决定日期',
      '结果',
      '决定文号',
    ]);
    expect(zh.rows).toEqual([
      ['复核', '王芳', '基本称职', '2027-01-10', '2027-02-08', '请求复核', '待决定', '', '', ''],
      ['补定等次', '王芳', '基本称职', '2027-01-10', '无', '请求复核', '变更', '2027-02-01', '称职', 'X考〔2027〕1号'],
    ]);
    const en = redressTable(cases, tOf('en'));
    expect(en.columns[0]).toBe('Kind');
    expect(en.rows[1]!.slice(0, 1).concat(en.rows[1]!.slice(4, 7))).toEqual([
      'Deferred grade',
      'None',
      '请求复核',
      'Changed',
    ]);
  });
});
