// 人员名册
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function RosterPage() {
  return (
    <>
      <PageHeader title="人员名册" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
