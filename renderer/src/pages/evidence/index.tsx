// 事件记录
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';

export function EvidencePage() {
  return (
    <>
      <PageHeader title="事件记录" />
      <Empty description="此功能尚未启用" />
    </>
  );
}
