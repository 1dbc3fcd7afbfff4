// One page of the people of the current filter in an antd Table: the store filters, sorts and cuts
// the page (roster.list), so 20,000 people cost one page over IPC. Sorting a column and turning the
// page ask the store again. Row actions open the drawer or a dialog.
import { useMemo } from 'react';
import { Button, Dropdown, Space, Table, Tag } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import type { PersonDto } from '@shared/domain/records';
import { CATEGORY_LABEL } from '@shared/domain/labels';
import { ROSTER_PAGE_SIZES, type RosterFilter } from '@shared/api/roster';
import type { PersonAction } from './PersonDialogs';

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
  const columns = useMemo<ColumnsType<PersonDto>>(
    () => [
      { title: '人员编号', dataIndex: 'personNo', width: 92 },
      {
        title: '姓名',
        dataIndex: 'name',
        width: 80,
        render: (name: string, p) => (canWrite ? <a onClick={() => onEdit(p)}>{name}</a> : name),
      },
      { title: '性别', dataIndex: 'gender', width: 50 },
      { title: '部门', dataIndex: 'unitName', width: 94, ellipsis: true },
      { title: '职务职级', dataIndex: 'position', width: 98, ellipsis: true },
      {
        title: '类别',
        dataIndex: 'category',
        width: 68,
        render: (c: PersonDto['category']) => <Tag color={CATEGORY_COLOR[c]}>{CATEGORY_LABEL[c]}</Tag>,
      },
      { title: '政治面貌', dataIndex: 'politicalStatus', width: 84, ellipsis: true },
      { title: '入职日期', dataIndex: 'hireDate', width: 96 },
      {
        title: '状态',
        dataIndex: 'status',
        width: 116,
        render: (_s, p) =>
          p.status === 'left' ? (
            <Tag>离开 {p.leftDate}</Tag>
          ) : p.superiorAssessed ? (
            <Tag color="gold">在职·上级考核</Tag>
          ) : (
            <Tag color="green">在职</Tag>
          ),
      },
      {
        title: '操作',
        // two small link buttons and their padding: 编辑 and 更多 side by side, never cut
        key: 'actions',
        width: 104,
        fixed: 'right',
        render: (_v, p) =>
          canWrite ? (
            <Space size={4}>
              <Button size="small" type="link" onClick={() => onEdit(p)}>
                编辑
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items:
                    p.status === 'active'
                      ? [
                          { key: 'move', label: '调动部门' },
                          { key: 'leave', label: '标记离开' },
                          { type: 'divider' },
                          { key: 'delete', label: '删除（仅限误录）', danger: true },
                        ]
                      : [
                          { key: 'reinstate', label: '恢复在职' },
                          { key: 'delete', label: '删除（仅限误录）', danger: true },
                        ],
                  onClick: ({ key }) => onAction(p, key as PersonAction),
                }}
              >
                <Button size="small" type="link">
                  更多
                </Button>
              </Dropdown>
            </Space>
          ) : null,
      },
    ],
    [canWrite, onEdit, onAction],
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
    showTotal: (_n, [from, to]) => `第 ${from}–${to} 条`,
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
      locale={{ emptyText: '没有符合条件的人员' }}
    />
  );
}
