// The evidence list: one row per item with its computed facts (处分期, leave days and the year's
// total, investigation state); voided rows struck through; a name opens the person's timeline.
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { EvidenceView } from '@shared/api/evidence';
import { evidenceFacts } from '../../components/PersonTimeline';
import { useDomainLabels, useT } from '../../i18n/language';

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
  const t = useT();
  const labels = useDomainLabels();
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => t('ev.total', { n }),
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
      aria-label={t('ev.listAria')}
      rowClassName={(r) => (r.status === 'voided' ? 'evidence-voided' : '')}
      onRow={(r) => ({ 'data-evidence': r.id, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('ev.empty') }}
      columns={[
        { title: t('ev.col.date'), dataIndex: 'date', width: 100, render: (v: string, r) => struck(r, v) },
        {
          title: t('ev.col.name'),
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
        { title: t('ev.col.personNo'), dataIndex: 'personNo', width: 84, render: (v: string, r) => struck(r, v) },
        {
          title: t('ev.col.department'),
          dataIndex: 'unitName',
          width: 96,
          ellipsis: true,
          render: (v: string, r) => struck(r, v),
        },
        {
          title: t('ev.col.kindSub'),
          dataIndex: 'kind',
          width: 140,
          render: (v: EvidenceView['kind'], r) =>
            struck(
              r,
              labels.evidenceKind[v] === r.subKind
                ? r.subKind
                : t('ev.kindSub', { kind: labels.evidenceKind[v], subKind: r.subKind }),
            ),
        },
        {
          title: t('ev.col.facts'),
          key: 'facts',
          width: 220,
          render: (_: unknown, r) => (
            <Flex vertical gap={2} data-testid="evidence-facts">
              {evidenceFacts(r, t, false).map((f) => (
                <span key={f}>{struck(r, f)}</span>
              ))}
              {r.kind === 'leave' && r.yearLeaveTotal !== null ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ev.yearLeave', { n: r.yearLeaveTotal })}
                </Typography.Text>
              ) : null}
              {r.investigationState === 'open' ? <Tag color="magenta">{t('ev.open')}</Tag> : null}
            </Flex>
          ),
        },
        { title: t('ev.col.docNo'), dataIndex: 'docNo', width: 130, render: (v: string, r) => struck(r, v) },
        {
          title: t('ev.col.description'),
          dataIndex: 'description',
          width: 170,
          ellipsis: true,
          render: (v: string, r) => <Tooltip title={v}>{struck(r, v)}</Tooltip>,
        },
        {
          title: t('ev.col.actions'),
          key: 'actions',
          width: 104,
          fixed: 'right',
          render: (_: unknown, r) =>
            r.status === 'voided' ? (
              <Tooltip title={t('ev.voidReasonTip', { reason: r.voidReason ?? '' })}>
                <Tag data-testid="voided-tag">{t('ev.status.voided')}</Tag>
              </Tooltip>
            ) : canWrite ? (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => onEdit(r)}>
                  {t('ev.edit')}
                </Button>
                <Button size="small" type="link" danger onClick={() => onVoid(r)}>
                  {t('ev.void')}
                </Button>
              </Flex>
            ) : null,
        },
      ]}
    />
  );
}
