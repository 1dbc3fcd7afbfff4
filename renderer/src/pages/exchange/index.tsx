// 数据交换: write a bundle for another workstation, read one (preview, choose per conflict, apply),
// and the list of who delivered when. This workstation's identity heads the page.
import { Descriptions, Tabs, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks/useApi';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SendersTable } from './SendersTable';
import { useT } from '../../i18n/language';

export function ExchangePage() {
  const identity = useQuery('exchange.identity', {});
  const t = useT();
  return (
    <>
      <PageHeader title={t('xch.title')} subtitle={t('xch.subtitle')} />
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }} data-testid="exchange-identity">
        <Descriptions.Item label={t('xch.workstation')}>
          {identity.data ? <Typography.Text copyable>{identity.data.id}</Typography.Text> : t('xch.noWorkstation')}
        </Descriptions.Item>
        <Descriptions.Item label={t('xch.workstationName')}>
          {identity.data?.label || t('xch.unnamed')}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'export', label: t('xch.tab.export'), children: <ExportPanel onDone={identity.reload} /> },
          { key: 'import', label: t('xch.tab.import'), children: <ImportPanel onDone={identity.reload} /> },
          { key: 'senders', label: t('xch.tab.senders'), children: <SendersTable /> },
        ]}
      />
    </>
  );
}
