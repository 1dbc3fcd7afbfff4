// 年度设置
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="年度设置" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
