// The evidence list: one row per item with its computed facts (处分期, leave days and the year's
// total, investigation state); voided rows struck through; a name opens the person's timeline.
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { EvidenceView } from '@shared/api/evidence';
import { EVIDENCE_KIND_LABEL } from '@shared/domain/labels';
import { evidenceFacts } from '../../components/PersonTimeline';

interface Props {
  items: EvidenceView[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  canWrite: boolean;
  onPage(page: number, pageSize: number): void;
  onPerson(item: EvidenceView): void;
  onEdit(item: EvidenceView): void;
  onVoid(item: EvidenceView): void;
}

function struck(item: EvidenceView, node: React.ReactNode) {
  return item.status === 'voided' ? (
    <Typography.Text delete type="secondary">
      {node}
    </Typography.Text>
  ) : (
    node
  );
}

export function EvidenceTable({
  items,
  total,
  loading,
  page,
  pageSize,
  canWrite,
  onPage,
  onPerson,
  onEdit,
  onVoid,
}: Props) {
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => `共 ${n} 条`,
    onChange: onPage,
  };
  return (
    <Table<EvidenceView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      // 1124 = the column widths below: the page's width on a 1366-pixel screen, so 说明 and the fixed
      // 状态 / 操作 column both show without sideways scrolling.
      scroll={{ x: 1124 }}
      aria-label="事件列表"
      rowClassName={(r) => (r.status === 'voided' ? 'evidence-voided' : '')}
      onRow={(r) => ({ 'data-evidence': r.id, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: '没有符合条件的事件' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 100, render: (v: string, r) => struck(r, v) },
        {
          title: '姓名',
          dataIndex: 'personName',
          width: 80,
          render: (v: string, r) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => onPerson(r)}
              data-testid="open-timeline"
            >
              {struck(r, v)}
            </Button>
          ),
        },
        { title: '人员编号', dataIndex: 'personNo', width: 84, render: (v: string, r) => struck(r, v) },
        { title: '部门', dataIndex: 'unitName', width: 96, ellipsis: true, render: (v: string, r) => struck(r, v) },
        {
          title: '类别 · 细类',
          dataIndex: 'kind',
          width: 140,
          render: (v: EvidenceView['kind'], r) =>
            struck(r, EVIDENCE_KIND_LABEL[v] === r.subKind ? r.subKind : `${EVIDENCE_KIND_LABEL[v]} · ${r.subKind}`),
        },
        {
          title: '期间 / 天数 / 要点',
          key: 'facts',
          width: 220,
          render: (_: unknown, r) => (
            <Flex vertical gap={2} data-testid="evidence-facts">
              {evidenceFacts(r)
                .filter((f) => !f.startsWith('文号'))
                .map((f) => (
                  <span key={f}>{struck(r, f)}</span>
                ))}
              {r.kind === 'leave' && r.yearLeaveTotal !== null ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  本年病事假合计 {r.yearLeaveTotal} 天
                </Typography.Text>
              ) : null}
              {r.investigationState === 'open' ? <Tag color="magenta">未结案</Tag> : null}
            </Flex>
          ),
        },
        { title: '文号', dataIndex: 'docNo', width: 130, render: (v: string, r) => struck(r, v) },
        {
          title: '说明',
          dataIndex: 'description',
          width: 170,
          ellipsis: true,
          render: (v: string, r) => <Tooltip title={v}>{struck(r, v)}</Tooltip>,
        },
        {
          title: '状态 / 操作',
          key: 'actions',
          width: 104,
          fixed: 'right',
          render: (_: unknown, r) =>
            r.status === 'voided' ? (
              <Tooltip title={`作废原因：${r.voidReason ?? ''}`}>
                <Tag data-testid="voided-tag">已作废</Tag>
              </Tooltip>
            ) : canWrite ? (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => onEdit(r)}>
                  修改
                </Button>
                <Button size="small" type="link" danger onClick={() => onVoid(r)}>
                  作废
                </Button>
              </Flex>
            ) : null,
        },
      ]}
    />
  );
}
