// 报送情况: each workstation that delivered a bundle here, for which unit, and when it last did.
import { Table } from 'antd';
import type { SenderDto } from '@shared/api/exchange';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from '../../i18n/language';

export function SendersTable() {
  const senders = useQuery('exchange.senders', {});
  const { lang, t } = useLanguage();
  const when = (iso: string) => (iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '');
  return (
    <>
      <ErrorAlert error={senders.error} onRetry={senders.reload} />
      <Table<SenderDto>
        size="small"
        rowKey="workstationId"
        loading={senders.loading}
        dataSource={senders.data ?? []}
        pagination={false}
        locale={{ emptyText: t('xs.empty') }}
        data-testid="exchange-senders"
        columns={[
          { title: t('xs.col.unit'), dataIndex: 'unitLabel' },
          { title: t('xs.col.station'), render: (_: unknown, s) => s.label || s.workstationId.slice(0, 13) },
          { title: t('xs.col.created'), render: (_: unknown, s) => when(s.lastCreatedAt) },
          { title: t('xs.col.imported'), render: (_: unknown, s) => when(s.lastImportedAt) },
          { title: t('xs.col.by'), dataIndex: 'lastImportedBy' },
          { title: t('xs.col.count'), dataIndex: 'bundles', width: 70 },
        ]}
      />
    </>
  );
}
