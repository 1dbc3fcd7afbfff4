// 平时考核
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function RatingsPage() {
  return (
    <>
      <PageHeader title="平时考核" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
