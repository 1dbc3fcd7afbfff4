// 年度考核结果送达签收表: one row per person — the result, the day it was delivered, the person's own
// opinion, a box for the signature and the signing day. What the office has recorded prints; the
// rest is left blank to be filled by hand (the signature is always by hand). A 拒签 row prints the
// witness's note; the footer says how a refusal is witnessed.
import { chineseDate } from './format';
import type { SheetModel } from './model';
import type { PackData, PackPerson } from './pack-data';
import { buildTableSheet } from './table-sheet';
import { gradeLabel, OUTCOME_LABEL } from '../domain/labels';

const OPINION: Record<'agree' | 'disagree' | 'refused', string> = {
  agree: '同意',
  disagree: '不同意',
  refused: '拒签',
};

function resultOf(p: PackPerson): string {
  if (p.result.outcome !== 'graded') return OUTCOME_LABEL[p.result.outcome];
  return p.result.finalGrade ? gradeLabel(p.result.finalGrade, p.category) : '';
}

export function buildSignoffSheet(data: PackData, persons: readonly PackPerson[], scopeLabel: string): SheetModel {
  const rows = persons.map((p, i) => {
    const s = data.signoffs?.[p.id];
    const opinion = !s?.opinion
      ? ''
      : s.opinion === 'disagree'
        ? `不同意：${s.opinionText}`
        : s.opinion === 'refused'
          ? `拒签（${s.witnessNote}）`
          : OPINION[s.opinion];
    return [
      i + 1,
      p.name,
      p.departmentName,
      resultOf(p),
      s ? chineseDate(s.deliveredOn) : '',
      opinion,
      '',
      s?.signedOn ? chineseDate(s.signedOn) : '',
    ];
  });
  return buildTableSheet({
    sheetName: '送达签收表',
    title: `${data.year.year}年度考核结果送达签收表`,
    subtitle: `单位：${scopeLabel}　　　　考核结果经考核委员会确定，现书面通知本人。本人对考核结果如有异议，可自送达之日起按规定申请复核、提出申诉。`,
    orientation: 'portrait',
    columns: [
      { header: '序号', width: 4.5 },
      { header: '姓名', width: 7.5 },
      { header: '部门', width: 10, align: 'left' },
      { header: '考核结果', width: 10 },
      { header: '送达日期', width: 14.5 },
      { header: '本人意见', width: 'fill', align: 'left' },
      { header: '本人签名', width: 9 },
      { header: '签收日期', width: 14.5 },
    ],
    rows,
    minRowHeight: 30,
    footer: [
      '说明：本人意见填写“同意”或“不同意”（不同意的写明理由）。本人拒绝签字的，由送达人在本人意见栏注明拒签情况，并由见证人签名。',
      '送达人（签名）：　　　　　　　见证人（签名）：　　　　　　　经办日期：　　　年　　月　　日',
    ],
    emptyText: '（本范围内无考核人员）',
  });
}
