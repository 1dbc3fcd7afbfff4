// 系统管理
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function SystemPage() {
  return (
    <>
      <PageHeader title="系统管理" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
