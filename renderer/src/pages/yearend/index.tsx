// 年终考核
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function YearEndPage() {
  return (
    <>
      <PageHeader title="年终考核" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
