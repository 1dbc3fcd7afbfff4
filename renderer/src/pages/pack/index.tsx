// 材料打印
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function PackPage() {
  return (
    <>
      <PageHeader title="材料打印" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
