// 审计日志
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function AuditPage() {
  return (
    <>
      <PageHeader title="审计日志" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
