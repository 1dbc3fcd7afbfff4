// One page of the people of the current filter in an antd Table: the store filters, sorts and cuts
// the page (roster.list), so 20,000 people cost one page over IPC. Sorting a column and turning the
// page ask the store again. Row actions open the drawer or a dialog.
import { useMemo } from 'react';
import { Button, Dropdown, Space, Table, Tag } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import type { PersonDto } from '@shared/domain/records';
import { ROSTER_PAGE_SIZES, type RosterFilter } from '@shared/api/roster';
import type { PersonAction } from './PersonDialogs';
import { useDomainLabels, useT } from '../../i18n/language';

/** A column the store can sort by, and the direction; null = the unit tree's order. */
export interface RosterSort {
  field: RosterFilter['sort'];
  order: 'asc' | 'desc';
}

interface Props {
  rows: PersonDto[];
  total: number;
  page: number;
  pageSize: number;
  sort: RosterSort | null;
  onPage(page: number, pageSize: number): void;
  onSort(sort: RosterSort | null): void;
  loading: boolean;
  height: number;
  canWrite: boolean;
  onEdit(p: PersonDto): void;
  onAction(p: PersonDto, a: PersonAction): void;
}

/** Columns sorted by the store (their dataIndex is the sort field's name). */
const SORTABLE = new Set<string>(['personNo', 'name', 'hireDate', 'category', 'position', 'status']);

/** the sum of the column widths below */
const TABLE_MIN_WIDTH = 882;

const CATEGORY_COLOR = { civil_servant: 'red', civil_servant_managed: 'volcano', institution: 'blue' } as const;

export function PeopleTable(props: Props) {
  const { rows, total, page, pageSize, sort, onPage, onSort, loading, height, canWrite, onEdit, onAction } = props;
  const t = useT();
  const labels = useDomainLabels();
  const columns = useMemo<ColumnsType<PersonDto>>(
    () => [
      { title: t('roster.col.personNo'), dataIndex: 'personNo', width: 92 },
      {
        title: t('roster.col.name'),
        dataIndex: 'name',
        width: 80,
        render: (name: string, p) => (canWrite ? <a onClick={() => onEdit(p)}>{name}</a> : name),
      },
      {
        title: t('roster.col.gender'),
        dataIndex: 'gender',
        width: 50,
        render: (g: string | null) => (g ? labels.gender(g) : ''),
      },
      { title: t('roster.col.department'), dataIndex: 'unitName', width: 94, ellipsis: true },
      { title: t('roster.col.position'), dataIndex: 'position', width: 98, ellipsis: true },
      {
        title: t('roster.col.category'),
        dataIndex: 'category',
        width: 68,
        render: (c: PersonDto['category']) => (
          <Tag color={CATEGORY_COLOR[c]} title={labels.category[c]}>
            {labels.categoryShort[c]}
          </Tag>
        ),
      },
      { title: t('roster.col.political'), dataIndex: 'politicalStatus', width: 84, ellipsis: true },
      { title: t('roster.col.hireDate'), dataIndex: 'hireDate', width: 96 },
      {
        title: t('roster.col.status'),
        dataIndex: 'status',
        width: 116,
        render: (_s, p) =>
          p.status === 'left' ? (
            <Tag>{t('roster.leftOn', { date: p.leftDate ?? '' })}</Tag>
          ) : p.superiorAssessed ? (
            <Tag color="gold">{t('roster.activeSuperior')}</Tag>
          ) : (
            <Tag color="green">{t('roster.status.active')}</Tag>
          ),
      },
      {
        title: t('roster.col.actions'),
        // two small link buttons and their padding: 编辑 and 更多 side by side, never cut
        key: 'actions',
        width: 104,
        fixed: 'right',
        render: (_v, p) =>
          canWrite ? (
            <Space size={4}>
              <Button size="small" type="link" onClick={() => onEdit(p)}>
                {t('roster.edit')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items:
                    p.status === 'active'
                      ? [
                          { key: 'move', label: t('action.move') },
                          { key: 'leave', label: t('action.leave') },
                          { type: 'divider' },
                          { key: 'delete', label: t('roster.deleteMistake'), danger: true },
                        ]
                      : [
                          { key: 'reinstate', label: t('action.reinstate') },
                          { key: 'delete', label: t('roster.deleteMistake'), danger: true },
                        ],
                  onClick: ({ key }) => onAction(p, key as PersonAction),
                }}
              >
                <Button size="small" type="link">
                  {t('roster.more')}
                </Button>
              </Dropdown>
            </Space>
          ) : null,
      },
    ],
    [canWrite, onEdit, onAction, t, labels],
  );
  // A reader is offered no row actions: the column goes, not just its buttons.
  const shown = (canWrite ? columns : columns.filter((c) => c.key !== 'actions')).map((c) => {
    const field = 'dataIndex' in c && typeof c.dataIndex === 'string' ? c.dataIndex : '';
    if (!SORTABLE.has(field)) return c;
    const sortOrder =
      sort?.field === field ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
    return { ...c, sorter: true, sortOrder };
  });
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    size: 'small',
    showSizeChanger: true,
    pageSizeOptions: ROSTER_PAGE_SIZES.map(String),
    showTotal: (_n, [from, to]) => t('roster.pageRange', { from, to }),
  };
  return (
    <Table<PersonDto>
      size="small"
      rowKey="id"
      columns={shown}
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      onChange={(p, _filters, sorter, extra) => {
        if (extra.action === 'paginate') onPage(p.current ?? 1, p.pageSize ?? pageSize);
        if (extra.action === 'sort') {
          const s: SorterResult<PersonDto> | undefined = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = typeof s?.field === 'string' ? s.field : '';
          onSort(
            s?.order && SORTABLE.has(field)
              ? { field: field as RosterSort['field'], order: s.order === 'ascend' ? 'asc' : 'desc' }
              : null,
          );
        }
      }}
      // The widths add up to TABLE_MIN_WIDTH, which fits the space a 1366-pixel screen leaves beside the
      // unit tree: every column shows without sideways scrolling, 状态 never under the fixed 操作.
      scroll={{ x: TABLE_MIN_WIDTH, y: Math.max(240, height - 40) }}
      locale={{ emptyText: t('roster.noMatch') }}
    />
  );
}
