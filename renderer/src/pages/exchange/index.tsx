// 数据交换: write a bundle for another workstation, read one (preview, choose per conflict, apply),
// and the list of who delivered when. This workstation's identity heads the page.
import { Descriptions, Tabs, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks/useApi';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SendersTable } from './SendersTable';

export function ExchangePage() {
  const identity = useQuery('exchange.identity', {});
  return (
    <>
      <PageHeader
        title="数据交换"
        subtitle="各部门、各单位的工作站之间用 U 盘交换数据：部门报送名册变动、平时考核和事件，考核办下发复核结果。"
      />
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }} data-testid="exchange-identity">
        <Descriptions.Item label="本工作站标识">
          {identity.data ? (
            <Typography.Text copyable>{identity.data.id}</Typography.Text>
          ) : (
            '尚未建立（首次导出交换包时自动建立）'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="工作站名称">{identity.data?.label || '（未命名）'}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'export', label: '导出交换包', children: <ExportPanel onDone={identity.reload} /> },
          { key: 'import', label: '导入交换包', children: <ImportPanel onDone={identity.reload} /> },
          { key: 'senders', label: '报送情况', children: <SendersTable /> },
        ]}
      />
    </>
  );
}
