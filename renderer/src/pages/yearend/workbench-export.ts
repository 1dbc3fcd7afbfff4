// The workbench list as a table for 导出 Excel: every row the filter matches (all pages, fetched from
// the store in its order, not only the page on screen), in the page's columns, labels in the UI language.
import type { InputOf } from '@shared/api';
import { call } from '../../api/client';
import type { TableData } from '../../components/import/ExportTableButton';
import type { MessageKey } from '../../i18n/zh';
import type { Params } from '../../i18n/format';
import type { RowDto } from './types';

type Filter = Omit<InputOf<'yearend.workbench'>, 'offset' | 'limit'>;
type T = (key: MessageKey, params?: Params) => string;

const PAGE = 500; // the contract's largest page

export async function workbenchTable(filter: Filter, t: T, ratingLabel: Record<string, string>): Promise<TableData> {
  const rows: RowDto[] = [];
  let periods: { code: string; label: string }[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const part = await call('yearend.workbench', { ...filter, offset, limit: PAGE });
    periods = part.periods;
    rows.push(...part.rows);
    if (part.rows.length === 0 || rows.length >= part.total) break;
  }
  const withTally = rows.some((r) => r.tally);
  return {
    columns: [
      t('wb.col.no'),
      t('wb.col.name'),
      t('wb.col.department'),
      ...periods.map((p) => p.label),
      ...(withTally ? [t('wb.col.tally')] : []),
      t('wb.col.flags'),
      t('wb.col.suggestion'),
      t('wb.col.final'),
      t('wb.col.reason'),
    ],
    rows: rows.map((r) => [
      r.person.personNo,
      r.person.name,
      r.person.departmentName,
      ...periods.map((p) => {
        const cell = r.ratings.find((x) => x.periodCode === p.code);
        return cell?.rating ? (ratingLabel[cell.rating] ?? cell.rating) : t('wb.unrated');
      }),
      ...(withTally
        ? [r.tally ? t('wb.tallyCell', { excellent: r.tally.excellent, voters: r.tally.voters }) : '']
        : []),
      r.flags.join(t('common.listSep')),
      r.suggestionOfRecord.label,
      r.decision?.label ?? t('wb.undecided'),
      r.decision?.reason ?? '',
    ]),
  };
}
