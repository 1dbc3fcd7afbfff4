// 慢操作记录: every call that took longer than the threshold, by operation name and duration only
// (no names or numbers of people), so an office can tell support which screen is slow.
import { Button, Empty, Flex, Table, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

type SlowCall = OutputOf<'system.slowCalls'>['calls'][number];

const formatAt = (iso: string) => iso.replace('T', ' ').slice(0, 19);

export function SlowCalls() {
  const q = useQuery('system.slowCalls', {});
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          本次启动以来耗时超过 {q.data?.thresholdMs ?? '—'} 毫秒的操作（只记操作名称与耗时，不含人员信息）。
        </Typography.Text>
        <Button onClick={q.reload}>刷新</Button>
      </Flex>
      <Table<SlowCall>
        size="small"
        rowKey={(r) => `${r.at}-${r.method}`}
        dataSource={q.data?.calls ?? []}
        loading={q.loading}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="暂无慢操作" /> }}
        aria-label="慢操作记录"
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatAt(v) },
          { title: '操作', dataIndex: 'method' },
          { title: '耗时（毫秒）', dataIndex: 'ms', width: 130, align: 'right' },
        ]}
      />
      {q.data?.logFile ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          同样的记录写在 <Typography.Text copyable>{q.data.logFile}</Typography.Text>
          ，报告问题时可把该文件交给技术支持。
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
