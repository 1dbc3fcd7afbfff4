// 慢操作记录: every call that took longer than the threshold, by operation name and duration only
// (no names or numbers of people), so an office can tell support which screen is slow.
import { Button, Empty, Flex, Table, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/language';

type SlowCall = OutputOf<'system.slowCalls'>['calls'][number];

const formatAt = (iso: string) => iso.replace('T', ' ').slice(0, 19);

export function SlowCalls() {
  const q = useQuery('system.slowCalls', {});
  const t = useT();
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('slow.note', { ms: q.data?.thresholdMs ?? '—' })}</Typography.Text>
        <Button onClick={q.reload}>{t('slow.refresh')}</Button>
      </Flex>
      <Table<SlowCall>
        size="small"
        rowKey={(r) => `${r.at}-${r.method}`}
        dataSource={q.data?.calls ?? []}
        loading={q.loading}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('slow.empty')} /> }}
        aria-label={t('slow.aria')}
        columns={[
          { title: t('slow.col.at'), dataIndex: 'at', width: 180, render: (v: string) => formatAt(v) },
          { title: t('slow.col.method'), dataIndex: 'method' },
          { title: t('slow.col.ms'), dataIndex: 'ms', width: 130, align: 'right' },
        ]}
      />
      {q.data?.logFile ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('slow.logFile')} <Typography.Text copyable>{q.data.logFile}</Typography.Text>
          {t('slow.logFileAfter')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
