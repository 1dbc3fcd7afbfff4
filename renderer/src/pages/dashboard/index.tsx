// 年度进度
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="年度进度" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
