// The 复核与申诉 list as a table for 导出 Excel: every case of the year, as the panel lists them.
import type { OutputOf } from '@shared/api';
import type { TableData } from '../../components/import/ExportTableButton';
import type { MessageKey } from '../../i18n/zh';
import type { Params } from '../../i18n/format';

type Case = OutputOf<'yearend.redressList'>[number];
type T = (key: MessageKey, params?: Params) => string;

export function redressTable(cases: readonly Case[], t: T): TableData {
  return {
    columns: [
      t('redress.col.kind'),
      t('redress.col.person'),
      t('redress.col.before'),
      t('redress.col.filedOn'),
      t('redress.col.deadline'),
      t('redress.col.request'),
      t('redress.col.decision'),
      t('redress.col.decisionOn'),
      t('redress.col.result'),
      t('redress.col.docNo'),
    ],
    rows: cases.map((x) => [
      t(`redress.kind.${x.kind}`),
      x.personName,
      x.beforeLabel,
      x.filedOn,
      x.deadline.startsWith('9999') ? t('redress.noDeadline') : x.deadline,
      x.request,
      x.status === 'pending' ? t('redress.pending') : x.decision ? t(`redress.decision.${x.decision}`) : '',
      x.decisionOn ?? '',
      x.resultLabel ?? '',
      x.decisionDocNo ?? '',
    ]),
  };
}
