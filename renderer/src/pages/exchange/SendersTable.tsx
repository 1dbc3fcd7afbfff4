// 报送情况: each workstation that delivered a bundle here, for which unit, and when it last did.
import { Table } from 'antd';
import type { SenderDto } from '@shared/api/exchange';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

const when = (iso: string) => (iso ? new Date(iso).toLocaleString('zh-CN') : '');

export function SendersTable() {
  const senders = useQuery('exchange.senders', {});
  return (
    <>
      <ErrorAlert error={senders.error} onRetry={senders.reload} />
      <Table<SenderDto>
        size="small"
        rowKey="workstationId"
        loading={senders.loading}
        dataSource={senders.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有收到任何交换包' }}
        data-testid="exchange-senders"
        columns={[
          { title: '报送单位', dataIndex: 'unitLabel' },
          { title: '工作站', render: (_: unknown, s) => s.label || s.workstationId.slice(0, 13) },
          { title: '最近一次交换包生成于', render: (_: unknown, s) => when(s.lastCreatedAt) },
          { title: '导入于', render: (_: unknown, s) => when(s.lastImportedAt) },
          { title: '导入人', dataIndex: 'lastImportedBy' },
          { title: '累计', dataIndex: 'bundles', width: 70 },
        ]}
      />
    </>
  );
}
